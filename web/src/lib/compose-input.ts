/** What the Compose box holds: a URL to fetch, a post's embed code, or pasted text. */
export type ComposeInput =
  | { kind: 'empty' }
  | { kind: 'url'; url: string }
  | { kind: 'embed'; embed: string }
  | { kind: 'paste'; paste: string };

const EMBED =
  /<blockquote[^>]*class\s*=\s*["'][^"']*(twitter-tweet|bluesky-embed|instagram-media|threads)/i;

/**
 * Tells what the curator pasted: a single http(s) URL, embed code (a `<blockquote
 * class="twitter-tweet">` and its kin), or text.
 *
 * @example
 *   classifyComposeInput('https://www.nhk.or.jp/news/1.html'); // { kind: 'url', url: '…' }
 *   classifyComposeInput('<blockquote class="twitter-tweet">…'); // { kind: 'embed', … }
 */
export function classifyComposeInput(input: string): ComposeInput {
  const trimmed = input.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (/^https?:\/\/\S+$/i.test(trimmed)) {
    try {
      return { kind: 'url', url: new URL(trimmed).href };
    } catch {
      return { kind: 'paste', paste: input };
    }
  }
  if (EMBED.test(trimmed)) return { kind: 'embed', embed: input };
  return { kind: 'paste', paste: input };
}

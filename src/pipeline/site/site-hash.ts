import { createHash } from 'node:crypto';
import { digestStylesheet } from '../../publish/index.js';

/**
 * The version of what the site's pages look like. The manifest's hashes include it, so raising
 * it makes the next build write every page again: raise it with any change to a page's
 * markup (src/publish/site, the digest HTML) that the pages' data does not show.
 */
export const SITE_FORMAT_VERSION = 1;

// Every page carries the digest stylesheet inline: a change to it is a change to every page.
const FORMAT = `${SITE_FORMAT_VERSION}:${createHash('sha1').update(digestStylesheet).digest('hex')}`;

/**
 * The hash of what a file of the site is made from: its kind, the site's format (version and
 * inline stylesheet) and its inputs as JSON. Two builds write a file again exactly when this
 * differs.
 *
 * @example
 * inputHash('tag', { name: '露朝', latest }); // '3f…' (40 hex digits)
 */
export function inputHash(kind: string, inputs: unknown): string {
  return createHash('sha1')
    .update(`${FORMAT}\u0000${kind}\u0000${JSON.stringify(inputs)}`)
    .digest('hex');
}

/**
 * A fast 64-bit hash of text (two multiplicative lanes, cyrb53's mixing), fed string by string
 * without joining them: it fingerprints every entry of the archive at each build, where SHA-1
 * of the same text cost a third of a no-change build. Not for anything an adversary chooses —
 * a collision would only leave one page unwritten until its next change.
 *
 * @example
 * const h = new TextHash();
 * h.add('停戦');
 * h.digest(); // '…' (16 hex digits)
 */
export class TextHash {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  /** Adds a string, then its length, so that `add('ab')` ≠ `add('a'); add('b')`. */
  add(text: string): this {
    let h1 = this.h1;
    let h2 = this.h2;
    // Two UTF-16 units a step: half the multiplications over the archive's text.
    const even = text.length - (text.length % 2);
    for (let i = 0; i < even; i += 2) {
      const c = (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    if (even < text.length) {
      const c = text.charCodeAt(even);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    // The length ends each string, so that `add('ab')` differs from `add('a'); add('b')`.
    this.h1 = Math.imul(h1 ^ (text.length | 0x40000000), 2654435761);
    this.h2 = Math.imul(h2 ^ (text.length | 0x40000000), 1597334677);
    return this;
  }

  digest(): string {
    let h1 = Math.imul(this.h1 ^ (this.h1 >>> 16), 2246822507);
    h1 ^= Math.imul(this.h2 ^ (this.h2 >>> 13), 3266489909);
    let h2 = Math.imul(this.h2 ^ (this.h2 >>> 16), 2246822507);
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
  }
}

/**
 * A {@link TextHash} started with the site's format and a page kind, for pages whose inputs
 * are long lists (a tag's entries, a person's quotes): fed item by item as they are listed, so
 * that an unchanged page costs one pass over its list and nothing is built for it.
 *
 * @example
 * const h = pageHash('tag', site).add(path);
 * for (const e of entries) h.add(e.hash);
 * files.put(path, h.digest(), render);
 */
export function pageHash(kind: string, site: unknown): TextHash {
  return new TextHash().add(FORMAT).add(kind).add(JSON.stringify(site));
}

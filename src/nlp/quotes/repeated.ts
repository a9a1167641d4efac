import type { Attributed } from './index.js';
import { isKanji } from '../../text/index.js';
import { UNKNOWN } from './speaker.js';

/** A headline's quote condenses one of the body's: this share of its character pairs must be there. */
const SHARED = 0.6;
/** Above a speaker the headline itself names, below one named in the quote's own construction. */
const REPEATED = 8.8;
/** Headlines stand in the first lines; quotes further down are captions with speakers of their own. */
const HEADLINE_LINES = 3;
const MAX_BODY_QUOTES = 200;

/**
 * A headline quote the headline does not attribute (`北朝鮮、ロシアに「相当な数の砲弾」供与か`)
 * is said by whoever the body quotes saying the same words: its speaker is taken from the body
 * quote that holds most of its character pairs.
 *
 * @example
 * repeatedInBody(found); // the headline's 「相当な数の砲弾」 now has the body's カービー
 */
export function repeatedInBody(found: Attributed[], text: string): void {
  if (!found.some((a) => a.titleLine)) return;
  const firstLines = nthLineStart(text, HEADLINE_LINES);
  // Reported speech counts too: a headline often condenses a sentence the body reports. A quote
  // on a line of its own below the first lines is the body's (a caption's words, a TV script).
  const body = found
    .filter(
      (a) =>
        (!a.titleLine || a.quote.start > firstLines) &&
        a.quote.speaker !== null &&
        (isSaid(a) || a.quote.kind === 'indirect'),
    )
    .slice(0, MAX_BODY_QUOTES)
    .map((a) => ({ a, pairs: null as Set<string> | null }));
  if (body.length === 0) return;
  termsOfTheBody(found, firstLines);
  for (const h of found) {
    if (!h.titleLine || !isSaid(h) || h.score >= REPEATED || h.quote.start > firstLines) continue;
    const pairs = pairsOf(h.quote.text);
    if (pairs.size === 0) continue;
    // Character pairs of the body's quotes are made only when a headline quote asks.
    const later = body.filter((b) => b.a.quote.start > h.quote.start);
    const match =
      later.find((b) => share(pairs, (b.pairs ??= pairsOf(b.a.quote.text))) >= SHARED) ??
      later.find((b) => condenses(h.quote.text, b.a.quote.text));
    if (!match) continue;
    const q = match.a.quote;
    h.quote = {
      ...h.quote,
      speaker: q.speaker,
      canonical: q.canonical,
      org: q.org,
      speakerKind: q.speakerKind ?? null,
      speakerSpan: q.speakerSpan,
      attribution: 'explicit',
      reasons: ['the same words quoted in the body', ...(h.quote.reasons ?? [])],
    };
    h.score = REPEATED;
  }
}

/**
 * A headline bracket the body writes as a name or term (`「影の船団」`) is that term in the
 * headline too, though a headline's bracket reads as speech by default.
 */
function termsOfTheBody(found: Attributed[], headlineEnd: number): void {
  const bodyKinds = new Map<string, Set<string>>();
  for (const a of found) {
    if (a.titleLine || a.quote.start < headlineEnd) continue;
    const kinds = bodyKinds.get(a.quote.text) ?? new Set<string>();
    kinds.add(a.quote.kind);
    bodyKinds.set(a.quote.text, kinds);
  }
  for (const h of found) {
    if (!h.titleLine || h.quote.start > headlineEnd || h.score >= REPEATED) continue;
    const kinds = bodyKinds.get(h.quote.text);
    if (kinds?.has('term') && !kinds.has('speech') && !kinds.has('fragment')) {
      h.quote = { ...h.quote, kind: 'term', verb: null, ...UNKNOWN, reasons: [] };
      h.score = 0;
    }
  }
}

function isSaid(a: Attributed): boolean {
  return a.quote.kind === 'speech' || a.quote.kind === 'fragment';
}

/** Where line `n` (0-based) starts, or the end of the text. */
function nthLineStart(text: string, n: number): number {
  let at = 0;
  for (let i = 0; i < n; i += 1) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return at;
}

/**
 * `「溝残る」` for `「…領土の問題では溝が残っている」`: a headline drops kana and keeps the kanji,
 * so a short headline quote whose kanji (two or more) all stand in a body quote condenses it.
 */
function condenses(headline: string, body: string): boolean {
  const kanji = [...new Set(headline)].filter((c) => isKanji(c.charCodeAt(0)));
  return (
    kanji.length >= MIN_KANJI &&
    headline.length <= MAX_CONDENSED &&
    kanji.every((c) => body.includes(c))
  );
}

/** A headline quote condensed from the body's: at least this many kanji, at most this long. */
const MIN_KANJI = 2;
const MAX_CONDENSED = 12;

function pairsOf(text: string): Set<string> {
  const t = text.replace(/[\s、。・,.!?！？『』「」()（）]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i += 1) out.add(t.slice(i, i + 2));
  return out;
}

function share(part: ReadonlySet<string>, whole: ReadonlySet<string>): number {
  let n = 0;
  for (const p of part) if (whole.has(p)) n += 1;
  return n / part.size;
}

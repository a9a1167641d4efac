import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseClipDocument } from '../../src/format/index.js';
import { documentEntries, type Quote } from '../../src/model/index.js';
import { annotateEntry, type Knowledge } from '../../src/nlp/index.js';
import type { Evaluation } from '../types.js';

const EXAMPLES = fileURLToPath(new URL('../../../shared/examples/', import.meta.url));
/** The curator trims and merges quotes, so a quote counts as found when most of it is there. */
const FOUND_SHARE = 0.7;

/** Punctuation, brackets and emoji (`今回の🇫🇷ストラスブール`) do not count when comparing words. */
const norm = (s: string): string =>
  s.replace(
    /[\s「」『』()（）、。,.!?！？・"“”]|\uFE0F|\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]/gu,
    '',
  );

/** Share of the curator quote's pieces (split at 。、) that stand in one string. */
function coverage(curator: string, text: string): number {
  const pieces = curator
    .split(/[。、]/)
    .map(norm)
    .filter((p) => p.length >= 4);
  const total = pieces.reduce((n, p) => n + p.length, 0);
  if (total === 0) return 0;
  return pieces.filter((p) => text.includes(p)).reduce((n, p) => n + p.length, 0) / total;
}

interface Tally {
  quotes: number;
  inText: number;
  found: number;
  /** Found among bracketed and 🗣️ quotes alone, without reported speech. */
  foundDirect: number;
  speakerRight: number;
  misses: string[];
}

/**
 * The curator's own summary lines as a second check: every speaker「quote」 of a summary line
 * should be among the quotes found in its entry, with the right speaker.
 */
export function curatorEvaluation(knowledge: Knowledge): Evaluation {
  return {
    name: 'annotation: curator summaries',
    async run() {
      const t: Tally = {
        quotes: 0,
        inText: 0,
        found: 0,
        foundDirect: 0,
        speakerRight: 0,
        misses: [],
      };
      for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt'))) {
        const doc = parseClipDocument(readFileSync(join(EXAMPLES, file), 'utf8')).document;
        for (const entry of documentEntries(doc)) {
          const { text, annotations } = annotateEntry(entry, { knowledge });
          for (const line of entry.summaries) {
            for (const seg of line.segments) {
              if (seg.kind !== 'quote' || seg.speaker === null) continue;
              const names = speakerNames(seg.speaker, knowledge);
              for (const q of seg.quotes) check(t, names, q, norm(text), annotations.quotes);
            }
          }
        }
      }
      const share = (n: number, d: number): string =>
        `${n}/${d} (${(n / Math.max(1, d)).toFixed(3)})`;
      const rows = [
        `Curator quotes with a speaker: ${t.quotes}; present in the entry's own text (≥${FOUND_SHARE * 100}% of their pieces): ${t.inText}`,
        `Found as a quote: ${share(t.found, t.inText)} of those in the text (${share(t.foundDirect, t.inText)} without reported speech)`,
        `…with the curator's speaker: ${share(t.speakerRight, t.found)}`,
      ];
      if (process.env.VERBOSE) rows.push('', ...t.misses.map((m) => `- ${m}`));
      return rows.join('\n');
    },
  };
}

/** The curator's speaker as written plus the canonical names the gazetteer reads in it (チェ・ソニ → 崔善姫). */
function speakerNames(speaker: string, k: Knowledge): string[] {
  return [speaker, ...k.gazetteer.scan(speaker).map((m) => m.value.canonical)];
}

function check(
  t: Tally,
  curatorNames: string[],
  quote: string,
  text: string,
  found: readonly Quote[],
): void {
  const speaker = curatorNames[0] ?? '';
  t.quotes += 1;
  if (coverage(quote, text) < FOUND_SHARE) {
    t.misses.push(`not in entry text: ${speaker}「${quote.slice(0, 30)}」`);
    return;
  }
  t.inText += 1;
  const hit = found.find((q) => coverage(quote, norm(q.text)) >= FOUND_SHARE);
  if (!hit) {
    t.misses.push(`not found: ${speaker}「${quote.slice(0, 30)}」`);
    return;
  }
  t.found += 1;
  if (found.some((q) => q.kind !== 'indirect' && coverage(quote, norm(q.text)) >= FOUND_SHARE))
    t.foundDirect += 1;
  const names = [hit.canonical, hit.speaker].filter((n): n is string => !!n);
  const same = (n: string): boolean => curatorNames.some((c) => c.includes(n) || n.includes(c));
  if (names.some(same)) t.speakerRight += 1;
  else t.misses.push(`speaker ${hit.canonical ?? 'unknown'} ≠ ${speaker}「${quote.slice(0, 20)}」`);
}

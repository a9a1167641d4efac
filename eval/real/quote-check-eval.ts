import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseClipDocument } from '../../src/format/index.js';
import type { Document } from '../../src/model/index.js';
import { loadKnowledge, type Knowledge } from '../../src/nlp/index.js';
import {
  checkDocumentQuotes,
  loadAbbreviations,
  type CheckFlag,
  type QuoteCheckOptions,
} from '../../src/pipeline/index.js';
import type { Evaluation } from '../types.js';
import { hasRealSets, readRealItems, type RealItem, type RealQuote } from './load-real.js';

/** The curator's real digest, beside the project (never copied into it). */
export const EXAMPLE_DIGEST = fileURLToPath(
  new URL('../../../shared/examples/000_dfec5c4496ff07cd.txt', import.meta.url),
);

/** Quote text in the report is cut to this many characters. */
const SHOWN = 14;

/**
 * The quote check (`kirinuki check`) measured two ways. On the example digest: how many of the
 * curator's summary quotes pass and which are flagged, with each flag's reason. On the labelled
 * real excerpts: every hand-labelled quote and speaker checked against its own text (each flag is
 * a false flag, since labels copy the text exactly) and against another excerpt's text (each pass
 * there is a quote or speaker the check would let through wrongly, unless that text happens to
 * hold it too). Nothing is tuned on these sets.
 */
export function quoteCheckEvaluation(knowledge: Knowledge = loadKnowledge()): Evaluation {
  return {
    name: 'quote check: summary quotes looked up in their entry (kirinuki check)',
    async run() {
      const options: QuoteCheckOptions = { knowledge, abbreviations: loadAbbreviations() };
      return [exampleReport(options), realReport(options)].join('\n\n');
    },
  };
}

function exampleReport(options: QuoteCheckOptions): string {
  if (!existsSync(EXAMPLE_DIGEST)) return `Example: skipped, ${EXAMPLE_DIGEST} is not here.`;
  const text = readFileSync(EXAMPLE_DIGEST, 'utf8');
  const r = checkDocumentQuotes(parseClipDocument(text).document, options, text);
  const quoteFlags = r.flags.filter((f) => f.kind === 'quote').length;
  const speakerFlags = r.flags.length - quoteFlags;
  return [
    `Example digest (${r.entries} entries with summary lines): **${r.quotes} quotes, ${r.passed} pass, ${quoteFlags} flagged**; ` +
      `${r.speakers} speakers, ${speakerFlags} flagged as never named.`,
    '',
    '| line | tag | speaker | quote | reason |',
    '|---|---|---|---|---|',
    ...r.flags.map(flagRow),
  ].join('\n');
}

function flagRow(f: CheckFlag): string {
  if (f.kind === 'speaker')
    return `| ${f.line ?? ''} | ${f.tag} | ${f.speaker} | | speaker never named in the entry's text |`;
  const shown = f.quote.length > SHOWN ? `${f.quote.slice(0, SHOWN)}…` : f.quote;
  const part =
    f.missing.length < f.pieces
      ? `${f.pieces - f.missing.length} of ${f.pieces} pieces`
      : 'no piece';
  const near = f.nearest === null ? 'none' : f.nearest.similarity.toFixed(2);
  return `| ${f.line ?? ''} | ${f.tag} | ${f.speaker ?? ''} | 「${shown}」 | ${part} in the text; nearest passage similarity ${near} |`;
}

function realReport(options: QuoteCheckOptions): string {
  if (!hasRealSets()) return 'Real excerpts: skipped, ../shared/real/ is not here.';
  const items = readRealItems();
  const own = { quotes: 0, quoteFlags: 0, speakers: 0, speakerFlags: 0 };
  const other = { quotes: 0, quotePasses: 0, speakers: 0, speakerPasses: 0 };
  items.forEach((item, i) => {
    const r = checkDocumentQuotes(asDocument(item, item.quotes), options);
    own.quotes += r.quotes;
    own.speakers += r.speakers;
    for (const f of r.flags) own[f.kind === 'quote' ? 'quoteFlags' : 'speakerFlags'] += 1;
    // Another excerpt's quotes and speakers against this text: the check should flag them.
    const foreign = items[(i + 7) % items.length] as RealItem;
    const x = checkDocumentQuotes(asDocument(item, foreign.quotes), options);
    other.quotes += x.quotes;
    other.quotePasses += x.passed;
    other.speakers += x.speakers;
    other.speakerPasses += x.speakers - x.flags.filter((f) => f.kind === 'speaker').length;
  });
  const pct = (n: number, d: number): string =>
    `${n}/${d} (${((100 * n) / Math.max(1, d)).toFixed(1)}%)`;
  return [
    `Real excerpts (${items.length}), each labelled quote as a summary quote under its labelled speaker:`,
    '',
    '| checked against | quotes flagged | speakers flagged | quotes passing | speakers passing |',
    '|---|---|---|---|---|',
    `| its own text (flags are false flags) | ${pct(own.quoteFlags, own.quotes)} | ${pct(own.speakerFlags, own.speakers)} | | |`,
    `| another excerpt's text (passes are mostly wrong) | | | ${pct(other.quotePasses, other.quotes)} | ${pct(other.speakerPasses, other.speakers)} |`,
  ].join('\n');
}

/** One entry holding the excerpt's text and one summary line of the given quotes. */
function asDocument(item: RealItem, quotes: readonly RealQuote[]): Document {
  return {
    layout: { bom: false, eol: '\n', finalNewline: true },
    parts: [
      {
        kind: 'entry',
        entry: {
          id: item.id,
          post: null,
          bodyKind: 'article',
          body: [item.text],
          summaries: [
            {
              raw: '',
              tag: item.tags[0] ?? '',
              content: '',
              segments: quotes.map((q) => ({
                kind: 'quote' as const,
                speaker: q.speaker,
                quotes: [q.text],
                rest: '',
              })),
            },
          ],
        },
      },
    ],
  };
}

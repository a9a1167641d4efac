import type { Archive } from '../../archive/index.js';
import { renderClipDocument } from '../../format/index.js';
import { suggestLinesForDocument, type EntrySuggestion } from '../../pipeline/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { readClipInput, UsageError } from '../io.js';
import { loadCliKnowledge } from '../knowledge.js';
import { loadCliTagger } from '../tagger.js';

/**
 * `kirinuki suggest FILE|-`: the clip document again, with proposed summary lines for the
 * entries that have none; `--explain` says why on stderr (in the JSON with `--json`).
 */
export async function suggestCommand(
  ctx: CommandContext,
  file: string,
  opts: { explain?: boolean; taxonomy?: string; knowledge?: string[] },
): Promise<number> {
  const document = await readClipInput(ctx.io, file);
  if (document === null) return 1;
  const knowledge = await loadCliKnowledge(ctx.io, opts.knowledge);
  const tagger = await loadCliTagger(ctx, 'suggest', knowledge, opts);
  if (tagger === 'error') return 1;
  if (tagger === null)
    throw new UsageError(
      'suggest: no tags to suggest: import summarised entries or add tags with `kirinuki tags add`',
    );
  const explain = opts.explain ?? false;
  const r = suggestLinesForDocument(document, tagger, knowledge, { explain });
  const out = renderClipDocument(r.document);
  if (ctx.json) writeJson(ctx.io, { text: out, entries: r.entries.map((e) => asJson(e, explain)) });
  else ctx.io.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
  if (explain && !ctx.json) {
    const headline = headlines(await ctx.openArchive());
    for (const e of r.entries) ctx.io.stderr.write(describe(e, headline));
  }
  return 0;
}

function asJson(e: EntrySuggestion, explain: boolean): Record<string, unknown> {
  const { entryId: id, suggestion: s, lines } = e;
  const why = explain ? { explanations: e.explanations } : {};
  return { id, lines: lines.map((l) => l.raw), tags: s.ranked, none: s.noneReason, ...why };
}

const num = (x: number): string => (x >= 0 ? `+${x.toFixed(2)}` : x.toFixed(2));

/** An archived entry's first line, short, so a curator recognises the entry behind an id. */
type Headline = (id: string) => string | null;

/**
 * Why, for people: for each tag, the description words the entry says (and how much the
 * descriptions weighed), the learned features for and against, and the labelled entries like
 * it that carry the tag.
 */
function describe(e: EntrySuggestion, headline: Headline): string {
  const out = [`${e.entryId}: ${e.suggestion.labels.join(' ') || 'no tag fits'}`];
  if (e.suggestion.noneReason) out.push(`  none: ${e.suggestion.noneReason}`);
  for (const x of e.explanations) {
    const list = (fs: typeof x.for): string =>
      fs.map((f) => `${f.feature} ${num(f.contribution)}`).join(', ') || '-';
    out.push(`  ${x.tag} ${x.score.toFixed(2)}`);
    const d = x.description;
    if (d && d.words.length > 0)
      out.push(
        `    words: ${d.words.map((w) => `${w.term}×${w.hits}`).join(', ')} (description ${d.probability.toFixed(2)}, ${Math.round(100 * d.share)} % of the score)`,
      );
    out.push(`    for: ${list(x.for)}`, `    against: ${list(x.against)}`);
    const like = x.similar.map((n) => {
      const head = headline(n.id);
      return `${n.id.slice(0, 12)}${head ? `「${head}」` : ''} (${n.labels.join(', ')}) ${n.similarity.toFixed(2)}`;
    });
    if (like.length > 0) out.push(`    like: ${like.join('; ')}`);
  }
  return `${out.join('\n')}\n`;
}

function headlines(archive: Archive): Headline {
  return (id) => {
    const entry = archive.findEntry(id)?.entry;
    if (!entry) return null;
    const line = (entry.origin?.title ?? entry.post?.text ?? entry.body[0] ?? '').split('\n')[0];
    const text = (line ?? '').trim();
    return text === '' ? null : text.length > 30 ? `${text.slice(0, 30)}…` : text;
  };
}

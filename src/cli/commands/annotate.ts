import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { looksLikeClipDocument, parseClipDocument } from '../../format/index.js';
import { documentEntries, type Annotations } from '../../model/index.js';
import { annotate, annotateEntry, annotateJsonl, type Knowledge } from '../../nlp/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { readTextInput } from '../io.js';
import { loadCliKnowledge } from '../knowledge.js';
import { loadCliTagger } from '../tagger.js';

interface AnnotateOptions {
  jsonl?: boolean;
  knowledge?: string[];
  taxonomy?: string;
}

/**
 * `kirinuki annotate [FILE|-]`: quotes and speakers, entities, dates and caveats of a clip
 * document (per entry) or of plain text. `--jsonl` streams `{"id","text","date"?}` lines.
 */
export async function annotateCommand(
  ctx: CommandContext,
  file: string | undefined,
  opts: AnnotateOptions,
): Promise<number> {
  const knowledge = await loadCliKnowledge(ctx.io, opts.knowledge);
  const path = file ?? '-';
  if (opts.jsonl) return annotateLines(ctx, path, knowledge, opts.taxonomy);
  const text = await readTextInput(ctx.io, path);
  if (text === null) return 1;
  const results = looksLikeClipDocument(text)
    ? documentEntries(parseClipDocument(text, { file: path }).document).map((entry) => ({
        id: entry.id,
        ...annotateEntry(entry, { knowledge }),
      }))
    : [{ id: path, text: text, annotations: annotate(text, { knowledge }) }];
  if (ctx.json) writeJson(ctx.io, results);
  else for (const r of results) ctx.io.stdout.write(describe(r.id, r.annotations));
  return 0;
}

/** With an archive at hand, each line also gets the archive's `tags` and a `summary` line. */
async function annotateLines(
  ctx: CommandContext,
  path: string,
  knowledge: Knowledge,
  taxonomy: string | undefined,
): Promise<number> {
  const tagger = await loadCliTagger(ctx, 'annotate', knowledge, {
    taxonomy,
    onlyIfArchiveExists: true,
  });
  if (tagger === 'error') return 1;
  const { jsonlTagFields } = await import('../../pipeline/index.js');
  const enrich = tagger === null ? undefined : jsonlTagFields(tagger);
  const input = path === '-' ? ctx.io.stdin() : createReadStream(path);
  const lines = createInterface({ input, crlfDelay: Infinity });
  const write = (line: string): void => ctx.io.stdout.write(`${line}\n`);
  const report = await annotateJsonl(lines, write, { knowledge, enrich });
  if (report.errors > 0)
    ctx.io.stderr.write(
      `annotate: ${report.errors} of ${report.lines} line(s) could not be read\n`,
    );
  return report.errors > 0 ? 1 : 0;
}

const QUOTE_LABEL: Record<string, string> = {
  speech: 'said',
  fragment: 'phrase',
  indirect: 'reported',
  term: 'term',
};

/** A terse human listing of what was found. */
function describe(id: string, a: Annotations): string {
  const out = [
    `${id}${a.source ? `  (${a.source.kind}${a.source.outlet ? `: ${a.source.outlet}` : ''})` : ''}`,
  ];
  for (const q of a.quotes) {
    const who = `${q.speaker ?? '(unknown)'}${q.org ? ` [${q.org}]` : ''}${q.verb ? ` ${q.verb}` : ''}`;
    if (q.kind === 'term') {
      out.push(`  ${'term'.padEnd(9)}「${q.text}」`);
      continue;
    }
    // The strongest reason says why this speaker: what a curator checks first.
    const why = q.reasons?.[0] ? `  (${q.reasons[0]})` : '';
    out.push(
      `  ${(QUOTE_LABEL[q.kind] ?? q.kind).padEnd(9)}${who}: ${q.kind === 'indirect' ? q.text : `「${q.text}」`}${why}`,
    );
  }
  const names = [...new Set(a.entities.map((e) => `${e.canonical} (${e.type})`))];
  if (names.length > 0) out.push(`  names   ${names.join(', ')}`);
  for (const d of a.dates)
    out.push(`  date    ${d.surface} → ${d.from ?? '?'}${d.to !== d.from ? `..${d.to}` : ''}`);
  for (const c of a.caveats)
    out.push(`  caveat  ${c.surface}${c.claimSource ? ` (claim by ${c.claimSource})` : ''}`);
  return `${out.join('\n')}\n`;
}

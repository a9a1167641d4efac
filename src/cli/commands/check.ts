import { fileURLToPath } from 'node:url';
import type { CheckFlag, QuoteCheckReport } from '../../pipeline/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { readTextInput, UsageError } from '../io.js';
import { loadCliKnowledge } from '../knowledge.js';

/** `data/text/abbreviations.json`: this file sits three directories below the package root. */
const ABBREVIATIONS = fileURLToPath(
  new URL('../../../data/text/abbreviations.json', import.meta.url),
);

/**
 * `kirinuki check FILE|- | --date YYYY-MM-DD [--json]`: every quote of every summary line looked
 * up in its entry's text, and every speaker; lists what does not stand there. Exit 1 when
 * something is flagged, 0 when clean.
 */
export async function checkCommand(
  ctx: CommandContext,
  file: string | undefined,
  opts: { date?: string },
): Promise<number> {
  if ((file === undefined) === (opts.date === undefined))
    throw new UsageError('check: give a FILE (or - for stdin) or --date YYYY-MM-DD, not both');
  if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date))
    throw new UsageError('check: --date YYYY-MM-DD');
  const { checkDayQuotes, checkDocumentQuotes, loadAbbreviations } =
    await import('../../pipeline/index.js');
  const options = {
    knowledge: await loadCliKnowledge(ctx.io),
    abbreviations: loadAbbreviations(ABBREVIATIONS),
  };
  let report: QuoteCheckReport;
  let where: string;
  if (file !== undefined) {
    const text = await readTextInput(ctx.io, file);
    if (text === null) return 1;
    const { parseClipDocument } = await import('../../format/index.js');
    report = checkDocumentQuotes(parseClipDocument(text, { file }).document, options, text);
    where = file === '-' ? '<stdin>' : file;
  } else {
    const day = opts.date as string;
    report = checkDayQuotes(await ctx.openArchive(), day, options);
    if (report.entries === 0) {
      ctx.io.stderr.write(`check: no entries with summary lines filed for ${day}\n`);
      return 1;
    }
    where = day;
  }
  if (ctx.json) writeJson(ctx.io, { source: where, ...report });
  else ctx.io.stdout.write(describe(report, where));
  return report.flags.length > 0 ? 1 : 0;
}

function describe(report: QuoteCheckReport, where: string): string {
  const out = report.flags.map((f) => describeFlag(f, where));
  const quoteFlags = report.flags.filter((f) => f.kind === 'quote').length;
  const speakerFlags = report.flags.length - quoteFlags;
  out.push(
    `${report.quotes} quotes in ${report.entries} entries: ${report.passed} pass, ${quoteFlags} not in the text; ` +
      `${report.speakers} speakers: ${speakerFlags} never named`,
  );
  return `${out.join('\n')}\n`;
}

function describeFlag(f: CheckFlag, where: string): string {
  const at = `${where}${f.line === null ? '' : `:${f.line}`} #${f.tag} (entry ${f.entryId.slice(0, 12)})`;
  if (f.kind === 'speaker') return `${at}\n  speaker never named in the text: ${f.speaker}`;
  const lines = [`${at}\n  quote not in the text: ${f.speaker ?? ''}「${f.quote}」`];
  if (f.missing.length < f.pieces)
    lines.push(`    pieces missing: ${f.missing.map((m) => `「${m}」`).join(' ')}`);
  lines.push(
    f.nearest === null
      ? '    nearest passage: none'
      : `    nearest passage (similarity ${f.nearest.similarity.toFixed(2)}): 「${oneLine(f.nearest.text)}」`,
  );
  return lines.join('\n');
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}

import type { QuoteCheckReport } from '../../pipeline/index.js';
import { ABBREVIATIONS } from './package-paths.js';
import { describeCheckReport } from '../describe-check.js';
import { writeJson, type CommandContext } from '../context.js';
import { readTextInput, UsageError } from '../io.js';
import { loadCliKnowledge } from '../knowledge.js';
import { dayOption } from '../options.js';

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
  if (opts.date !== undefined) dayOption(opts.date, 'check', '--date');
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
  else ctx.io.stdout.write(describeCheckReport(report, where));
  return report.flags.length > 0 ? 1 : 0;
}

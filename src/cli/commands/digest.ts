import { fileURLToPath } from 'node:url';
import type { DigestFormat } from '../../publish/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { describeCheckReport } from '../describe-check.js';
import { UsageError } from '../io.js';
import { loadCliKnowledge } from '../knowledge.js';

/** `data/text/abbreviations.json`: this file sits three directories below the package root. */
const ABBREVIATIONS = fileURLToPath(
  new URL('../../../data/text/abbreviations.json', import.meta.url),
);

export interface DigestCommandOptions {
  date?: string;
  format?: string;
  stories?: boolean;
  standalone?: boolean;
  embedScript?: boolean;
  strict?: boolean;
  check?: boolean;
}

/**
 * `kirinuki digest --date YYYY-MM-DD [--format F] [--strict]`: a day's digest in a publishing
 * format (the clip-document text by default). The summary lines' quotes are checked against
 * their entries' text first; flags go to stderr, and `--strict` refuses to print with flags.
 * `--stories` shows each story once, with a line naming its other sources (`--json`: the
 * stories as data).
 */
export async function digestCommand(
  ctx: CommandContext,
  opts: DigestCommandOptions,
): Promise<number> {
  const day = opts.date;
  if (day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(day))
    throw new UsageError('digest: --date YYYY-MM-DD is required');
  const { DIGEST_FORMATS, renderDigest } = await import('../../publish/index.js');
  const format = (opts.format ?? 'text') as DigestFormat;
  if (!DIGEST_FORMATS.includes(format))
    throw new UsageError(`digest: --format must be one of ${DIGEST_FORMATS.join(', ')}`);
  if (opts.stories && format !== 'text')
    throw new UsageError('digest: --stories is a view of the text format only');
  const pipeline = await import('../../pipeline/index.js');
  const archive = await ctx.openArchive();
  if (opts.stories && ctx.json) {
    writeJson(ctx.io, pipeline.storiesOfDay(archive, day));
    return 0;
  }
  const digestDay = pipeline.digestDayOf(archive, day);
  if (digestDay.entries.length === 0) {
    ctx.io.stderr.write(`digest: no entries filed for ${day}\n`);
    return 1;
  }
  if (opts.check !== false) {
    const report = pipeline.checkDayQuotes(archive, day, {
      knowledge: await loadCliKnowledge(ctx.io),
      abbreviations: pipeline.loadAbbreviations(ABBREVIATIONS),
    });
    if (report.flags.length > 0) {
      ctx.io.stderr.write(describeCheckReport(report, day));
      if (opts.strict) {
        ctx.io.stderr.write(
          `digest: ${report.flags.length} flagged; nothing printed (--strict). Fix the lines or drop --strict.\n`,
        );
        return 1;
      }
    }
  }
  const text = opts.stories
    ? pipeline.storyDigestOfDay(archive, day)
    : renderDigest(digestDay, format, {
        standalone: opts.standalone === true,
        embedScript: opts.embedScript === true,
      });
  ctx.io.stdout.write(text);
  return 0;
}

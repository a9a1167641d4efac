import type { Archive } from '../archive/index.js';
import type { CommandContext } from './context.js';
import { ABBREVIATIONS } from './commands/package-paths.js';
import { describeCheckReport } from './describe-check.js';
import { loadCliKnowledge } from './knowledge.js';

/**
 * The quote check a day goes through before it goes out (`digest`, `publish`): each flag on
 * stderr; with `strict`, a refusal naming the command, and `false` — nothing goes out.
 * `check: false` (`--no-check`) skips it.
 *
 * @example
 * if (!(await checkBeforePublishing(ctx, archive, day, opts, 'publish', 'nothing posted'))) return 1;
 */
export async function checkBeforePublishing(
  ctx: CommandContext,
  archive: Archive,
  day: string,
  opts: { check?: boolean; strict?: boolean },
  command: string,
  refused: string,
): Promise<boolean> {
  if (opts.check === false) return true;
  const { checkDayQuotes, loadAbbreviations } = await import('../pipeline/index.js');
  const report = checkDayQuotes(archive, day, {
    knowledge: await loadCliKnowledge(ctx.io),
    abbreviations: loadAbbreviations(ABBREVIATIONS),
  });
  if (report.flags.length === 0) return true;
  ctx.io.stderr.write(describeCheckReport(report, day));
  if (!opts.strict) return true;
  ctx.io.stderr.write(
    `${command}: ${report.flags.length} flagged; ${refused} (--strict). Fix the lines or drop --strict.\n`,
  );
  return false;
}

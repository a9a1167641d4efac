import { digestOfDay, storiesOfDay, storyDigestOfDay } from '../../pipeline/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { UsageError } from '../io.js';

/**
 * `kirinuki digest --date YYYY-MM-DD [--stories]`: a day's entries in the clip-document text
 * format; with `--stories` each story once, with a line naming its other sources (`--json`:
 * the stories as data).
 */
export async function digestCommand(
  ctx: CommandContext,
  opts: { date?: string; stories?: boolean },
): Promise<number> {
  const day = opts.date;
  if (day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(day))
    throw new UsageError('digest: --date YYYY-MM-DD is required');
  const archive = await ctx.openArchive();
  if (opts.stories && ctx.json) {
    writeJson(ctx.io, storiesOfDay(archive, day));
    return 0;
  }
  const text = opts.stories ? storyDigestOfDay(archive, day) : digestOfDay(archive, day);
  if (text === '') {
    ctx.io.stderr.write(`digest: no entries filed for ${day}\n`);
    return 1;
  }
  ctx.io.stdout.write(text);
  return 0;
}

import { digestOfDay } from '../../pipeline/index.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../io.js';

/** `kirinuki digest --date YYYY-MM-DD`: a day's entries in the clip-document text format. */
export async function digestCommand(ctx: CommandContext, opts: { date?: string }): Promise<number> {
  const day = opts.date;
  if (day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(day))
    throw new UsageError('digest: --date YYYY-MM-DD is required');
  const text = digestOfDay(await ctx.openArchive(), day);
  if (text === '') {
    ctx.io.stderr.write(`digest: no entries filed for ${day}\n`);
    return 1;
  }
  ctx.io.stdout.write(text);
  return 0;
}

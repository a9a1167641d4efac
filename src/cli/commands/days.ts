import { filedDays } from '../../pipeline/index.js';
import { writeJson, type CommandContext } from '../context.js';

/** `kirinuki days`: the filed days, newest first, with how many entries each holds. */
export async function daysCommand(ctx: CommandContext): Promise<number> {
  const days = filedDays(await ctx.openArchive());
  if (ctx.json) {
    writeJson(ctx.io, { days });
    return 0;
  }
  if (days.length === 0) {
    ctx.io.stderr.write('days: the archive has no entries yet (kirinuki import FILE)\n');
    return 0;
  }
  for (const { day, entries } of days)
    ctx.io.stdout.write(
      `${day}  ${String(entries).padStart(5)} ${entries === 1 ? 'entry' : 'entries'}\n`,
    );
  return 0;
}

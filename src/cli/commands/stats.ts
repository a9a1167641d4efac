import type { ArchiveStats } from '../../archive/index.js';
import { writeJson, type CommandContext } from '../context.js';

/** `kirinuki stats`: what the archive holds. */
export async function statsCommand(ctx: CommandContext): Promise<number> {
  const stats = (await ctx.openArchive()).stats();
  if (ctx.json) writeJson(ctx.io, stats);
  else ctx.io.stdout.write(formatStats(stats));
  return 0;
}

/** A short human summary of the archive. */
export function formatStats(s: ArchiveStats): string {
  const top = <T>(xs: T[], f: (x: T) => string): string => xs.slice(0, 8).map(f).join(', ') || '—';
  return [
    `entries       ${s.entries} over ${s.days} day(s)${s.firstDay ? ` (${s.firstDay} – ${s.lastDay})` : ''}`,
    `summary lines ${s.summaryLines}`,
    `tags          ${top(s.tags, (t) => `#${t.tag} ${t.count}`)}`,
    `sources       ${top(s.handles, (h) => `@${h.handle} ${h.count}`)}`,
    `on disk       ${(s.bytesOnDisk / 1024).toFixed(0)} KiB`,
    '',
  ].join('\n');
}

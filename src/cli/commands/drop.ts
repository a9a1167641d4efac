import { removeEntry } from '../../pipeline/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { refused } from '../curate.js';

/**
 * `kirinuki drop ID`: removes an entry from the archive — from its day, search, counts and
 * story. `--json`: `{ removed: card }`.
 */
export async function dropCommand(ctx: CommandContext, id: string): Promise<number> {
  const r = removeEntry(await ctx.openArchive(), id);
  if (!r.ok) return refused(ctx, 'drop', r.error);
  if (ctx.json) writeJson(ctx.io, { removed: r.value });
  else ctx.io.stdout.write(`drop: removed ${r.value.id} (${r.value.day})  ${r.value.headline}\n`);
  return 0;
}

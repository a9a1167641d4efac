import { entryLines } from '../../format/index.js';
import { writeJson, type CommandContext } from '../context.js';

/** `kirinuki show ID`: one entry as text (or JSON), found by id or unique id prefix. */
export async function showCommand(ctx: CommandContext, id: string): Promise<number> {
  const archive = await ctx.openArchive();
  const stored = archive.findEntry(id);
  if (!stored) {
    ctx.io.stderr.write(
      `show: no entry with id "${id}" (give the full id or a unique prefix of 6+ characters)\n`,
    );
    return 1;
  }
  if (ctx.json) writeJson(ctx.io, stored);
  else ctx.io.stdout.write(`${entryLines(stored.entry).join('\n')}\n`);
  return 0;
}

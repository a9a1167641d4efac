import { sourceLabel } from '../../publish/index.js';
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
  const others = archive.entriesOfStory(stored.story).filter((s) => s.entry.id !== stored.entry.id);
  if (ctx.json) {
    writeJson(ctx.io, { ...stored, storyEntries: others.map((s) => s.entry.id) });
    return 0;
  }
  ctx.io.stdout.write(`${entryLines(stored.entry).join('\n')}\n`);
  if (others.length > 0) {
    ctx.io.stdout.write(
      `\nThe same story (${others.length} other source${others.length === 1 ? '' : 's'}):\n`,
    );
    for (const s of others)
      ctx.io.stdout.write(`  ${s.entry.id}  ${s.day}  ${sourceLabel(s.entry, null)}\n`);
  }
  return 0;
}

import { sourceLabel } from '../../publish/index.js';
import { entryLines } from '../../format/index.js';
import { entryCard, entryCardLines } from '../../pipeline/index.js';
import { writeJson, type CommandContext } from '../context.js';

/**
 * `kirinuki show ID`: one entry, found by id or unique id prefix — what it is (headline, who
 * and when, its post and article links, where it is filed), then its text as the clip
 * document has it, then the other sources of its story. `--json`: the stored entry with its
 * card's fields beside it.
 */
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
  const card = entryCard(stored);
  if (ctx.json) {
    writeJson(ctx.io, { ...stored, ...card, storyEntries: others.map((s) => s.entry.id) });
    return 0;
  }
  const filed = `${card.id}  filed ${card.day} #${card.seq + 1}${card.tags.length > 0 ? `  ${card.tags.map((t) => `#${t}`).join(' ')}` : ''}`;
  ctx.io.stdout.write([filed, ...entryCardLines(card), ''].join('\n'));
  ctx.io.stdout.write(`\n${entryLines(stored.entry).join('\n')}\n`);
  if (others.length > 0) {
    ctx.io.stdout.write(
      `\nThe same story (${others.length} other source${others.length === 1 ? '' : 's'}):\n`,
    );
    for (const s of others)
      ctx.io.stdout.write(`  ${s.entry.id}  ${s.day}  ${sourceLabel(s.entry, null)}\n`);
  }
  return 0;
}

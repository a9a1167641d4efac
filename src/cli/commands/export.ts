import { entryLines } from '../../format/index.js';
import { entryCard } from '../../pipeline/index.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../io.js';

/**
 * `kirinuki export --format jsonl|text`: every entry, streamed, by day then digest order.
 * `jsonl`: each stored entry (`entry`, `day`, `seq`, `source`, `story`) with its card's fields
 * beside it (`id`, `headline`, `authorName`, `handle`, `postUrl`, `articleUrl`, `date`,
 * `tags`, `summaryLines`), so a tool needs no digging into the entry for them; `text`: the
 * entries as the clip document has them.
 */
export async function exportCommand(
  ctx: CommandContext,
  opts: { format: string },
): Promise<number> {
  if (opts.format !== 'jsonl' && opts.format !== 'text')
    throw new UsageError(`export: --format must be jsonl or text, got "${opts.format}"`);
  const archive = await ctx.openArchive();
  for (const stored of archive.allEntries()) {
    ctx.io.stdout.write(
      opts.format === 'jsonl'
        ? `${JSON.stringify({ ...stored, ...entryCard(stored) })}\n`
        : `${entryLines(stored.entry).join('\n')}\n`,
    );
  }
  return 0;
}

import { entryLines } from '../../format/index.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../io.js';

/** `kirinuki export --format jsonl|text`: every entry, streamed, by day then filing order. */
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
        ? `${JSON.stringify(stored)}\n`
        : `${entryLines(stored.entry).join('\n')}\n`,
    );
  }
  return 0;
}

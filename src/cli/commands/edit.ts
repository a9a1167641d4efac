import { editEntry } from '../../pipeline/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { cardSummary, curateOptions, refused, type CurateCommandOptions } from '../curate.js';
import { UsageError } from '../io.js';

/**
 * `kirinuki edit ID --line '#Tag(…)' [--line …]`: sets an entry's summary lines (and so its
 * tags), and teaches the tag model at once. `--json`: the entry's card.
 */
export async function editCommand(
  ctx: CommandContext,
  id: string,
  opts: CurateCommandOptions & { line?: string[]; clear?: boolean },
): Promise<number> {
  const lines = opts.line ?? [];
  if (lines.length === 0 && !opts.clear)
    throw new UsageError("edit: give the summary lines with --line '#Tag(…)' (or --clear)");
  if (lines.length > 0 && opts.clear) throw new UsageError('edit: --clear takes no --line');
  const r = editEntry(await ctx.openArchive(), id, lines, await curateOptions(ctx, opts));
  if (!r.ok) return refused(ctx, 'edit', r.error);
  if (ctx.json) writeJson(ctx.io, r.value);
  else ctx.io.stdout.write(cardSummary(r.value));
  return 0;
}

import { acceptSuggestion, type Suggestion } from '../../pipeline/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { cardSummary, curateOptions, refused, type CurateCommandOptions } from '../curate.js';

/**
 * `kirinuki accept ID [--line '#Tag(…)']`: files the summary line kirinuki proposes for the
 * entry (or the corrected one given), teaches the tagger at once, and shows what it proposes
 * for the entry now. `--json`: `{ card, accepted, suggestionAfter }`.
 */
export async function acceptCommand(
  ctx: CommandContext,
  id: string,
  opts: CurateCommandOptions & { line?: string },
): Promise<number> {
  const archive = await ctx.openArchive();
  const r = acceptSuggestion(archive, id, await curateOptions(ctx, opts), opts.line);
  if (!r.ok) return refused(ctx, 'accept', r.error);
  if (ctx.json) {
    writeJson(ctx.io, r.value);
    return 0;
  }
  ctx.io.stdout.write(`accepted: ${r.value.accepted}\n${cardSummary(r.value.card)}`);
  const after = r.value.suggestionAfter;
  if (after) ctx.io.stdout.write(describeSuggestion(after));
  return 0;
}

function describeSuggestion(s: Suggestion): string {
  const tags = s.tags
    .slice(0, 3)
    .map((t) => `${t.tag} ${t.score.toFixed(2)}`)
    .join(', ');
  return `now proposed: ${s.line ?? '(no line)'}\n  tags: ${tags || '-'}\n`;
}

import type { SearchHit } from '../../archive/index.js';
import { entryCard, entryCardLines } from '../../pipeline/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { UsageError } from '../io.js';
import { loadAliasExpander } from '../knowledge.js';
import { markSnippet } from '../highlight.js';

/** `kirinuki search QUERY`: ranked entries with highlighted snippets. */
export async function searchCommand(
  ctx: CommandContext,
  words: string[],
  opts: { limit: string; offset: string; stories?: boolean; sort?: string },
): Promise<number> {
  const limit = Number(opts.limit);
  const offset = Number(opts.offset);
  if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0)
    throw new UsageError(
      'search: --limit must be a positive integer and --offset a non-negative one',
    );
  const sort = opts.sort ?? 'rank';
  if (sort !== 'rank' && sort !== 'date')
    throw new UsageError('search: --sort must be rank or date');
  const expandTerm = await loadAliasExpander(ctx.io);
  const archive = await ctx.openArchive();
  // One hit per story: rank more hits than asked for and keep each story's best.
  const result = opts.stories
    ? archive.search(words.join(' '), {
        limit: Math.min(1000, (offset + limit) * STORY_OVERFETCH),
        expandTerm,
        sort,
      })
    : archive.search(words.join(' '), { limit, offset, expandTerm, sort });
  if (!result.ok) {
    const { formatDiagnostic } = await import('../../model/index.js');
    ctx.io.stderr.write(`${formatDiagnostic(result.error)}\n`);
    return 1;
  }
  const { total, totalExact } = result.value;
  const hits = opts.stories
    ? collapseStories(result.value.hits).slice(offset, offset + limit)
    : result.value.hits.map((hit) => ({ hit, sources: 0 }));
  if (ctx.json) {
    writeJson(ctx.io, { total, totalExact, hits: hits.map(hitJson) });
    return 0;
  }
  const tty = ctx.io.stdout.isTTY === true;
  for (const { hit, sources } of hits) {
    const more = sources > 0 ? `  (+${sources} more in this story)` : '';
    ctx.io.stdout.write(`${hitHeader(hit)}${more}\n  ${markSnippet(hit.snippet, tty)}\n`);
    // What the entry is, under what matched: headline, who and when, links, summary lines.
    const card = entryCardLines(entryCard(hit.stored), { summaryLines: true });
    ctx.io.stdout.write(card.map((l) => `    ${l}\n`).join(''));
  }
  const counted = totalExact ? `${total}` : `about ${total}`;
  const shown = hits.length > 0 ? `, showing ${offset + 1}–${offset + hits.length}` : '';
  ctx.io.stdout.write(
    `${counted} match${total === 1 ? '' : 'es'}${opts.stories ? ' (entries, not stories)' : ''}${total > hits.length ? shown : ''}\n`,
  );
  return 0;
}

/** How many hits are ranked per story shown with `--stories`. */
const STORY_OVERFETCH = 4;

/** The best-ranked hit of each story, with how many other hits the story had. */
function collapseStories(hits: readonly SearchHit[]): { hit: SearchHit; sources: number }[] {
  const byStory = new Map<string, { hit: SearchHit; sources: number }>();
  for (const hit of hits) {
    const known = byStory.get(hit.stored.story);
    if (known) known.sources += 1;
    else byStory.set(hit.stored.story, { hit, sources: 0 });
  }
  return [...byStory.values()];
}

function hitHeader(hit: SearchHit): string {
  const { entry, day } = hit.stored;
  const who = entry.post ? `@${entry.post.handle} ${entry.post.date}` : day;
  const tags = [...new Set(entry.summaries.map((s) => `#${s.tag}`))].join(' ');
  return `${entry.id}  ${who}  ${tags}`.trimEnd();
}

/** A hit as JSON: the entry's card (id, day, source, headline, links, tags, lines…) and the match. */
function hitJson({ hit, sources }: { hit: SearchHit; sources: number }): object {
  return {
    ...entryCard(hit.stored),
    otherHitsInStory: sources,
    score: hit.score,
    snippet: hit.snippet,
  };
}

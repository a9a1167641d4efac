import type { SearchHit } from '../../archive/index.js';
import { formatDiagnostic } from '../../model/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { UsageError } from '../io.js';
import { loadCliKnowledge } from '../knowledge.js';
import { markSnippet } from '../highlight.js';

/** `kirinuki search QUERY`: ranked entries with highlighted snippets. */
export async function searchCommand(
  ctx: CommandContext,
  words: string[],
  opts: { limit: string; offset: string },
): Promise<number> {
  const limit = Number(opts.limit);
  const offset = Number(opts.offset);
  if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0)
    throw new UsageError(
      'search: --limit must be a positive integer and --offset a non-negative one',
    );
  const knowledge = await loadCliKnowledge(ctx.io);
  const { aliasesOf } = await import('../../nlp/index.js');
  const archive = await ctx.openArchive();
  const expandTerm = (term: string): string[] => aliasesOf(term, knowledge);
  const result = archive.search(words.join(' '), { limit, offset, expandTerm });
  if (!result.ok) {
    ctx.io.stderr.write(`${formatDiagnostic(result.error)}\n`);
    return 1;
  }
  const { total, hits } = result.value;
  if (ctx.json) {
    writeJson(ctx.io, { total, hits: hits.map(hitJson) });
    return 0;
  }
  const tty = ctx.io.stdout.isTTY === true;
  for (const hit of hits)
    ctx.io.stdout.write(`${hitHeader(hit)}\n  ${markSnippet(hit.snippet, tty)}\n`);
  ctx.io.stdout.write(
    `${total} match${total === 1 ? '' : 'es'}${total > hits.length ? `, showing ${offset + 1}–${offset + hits.length}` : ''}\n`,
  );
  return 0;
}

function hitHeader(hit: SearchHit): string {
  const { entry, day } = hit.stored;
  const who = entry.post ? `@${entry.post.handle} ${entry.post.date}` : day;
  const tags = [...new Set(entry.summaries.map((s) => `#${s.tag}`))].join(' ');
  return `${entry.id}  ${who}  ${tags}`.trimEnd();
}

function hitJson(hit: SearchHit): object {
  const { entry, day, source } = hit.stored;
  return {
    id: entry.id,
    day,
    source,
    handle: entry.post?.handle ?? null,
    date: entry.post?.date ?? null,
    tags: entry.summaries.map((s) => s.tag),
    score: hit.score,
    snippet: hit.snippet,
  };
}

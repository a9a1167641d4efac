import { keepHeapNearLive, reindexArchive, type ReindexReport } from '../../pipeline/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { UsageError } from '../io.js';
import { loadCliKnowledge } from '../knowledge.js';
import { startProgress } from '../progress.js';

/**
 * `kirinuki reindex`: derives identity keys, the people of each text and stories again for
 * every entry — for an archive filed by an older kirinuki, or after the knowledge files or
 * the story window changed.
 */
export async function reindexCommand(
  ctx: CommandContext,
  opts: { storyDays: string; people: boolean },
): Promise<number> {
  const storyDays = Number(opts.storyDays);
  if (!Number.isInteger(storyDays) || storyDays < 0)
    throw new UsageError(
      `reindex: --story-days must be a whole number of days, got "${opts.storyDays}"`,
    );
  const knowledge = opts.people ? await loadCliKnowledge(ctx.io) : undefined;
  const archive = await ctx.openArchive();
  const total = archive.stats().entries;
  const progress = startProgress(ctx.io, total, total > 20_000, 'reindex');
  // A reindex holds the last days' entries and drops them, as an import holds a file: the heap
  // is kept near what is alive (heap-growth.ts). Days of 1,370 clips: 278 → 218 MB, the same
  // CPU time (docs/benchmarks.md).
  const restoreHeapGrowth = keepHeapNearLive();
  let report: ReindexReport;
  try {
    report = reindexArchive(archive, {
      storyWindowDays: storyDays,
      ...(knowledge ? { knowledge } : {}),
      onProgress: (done) => progress.update(done, total, 'entries'),
    });
  } finally {
    restoreHeapGrowth();
    progress.stop();
  }
  if (ctx.json) writeJson(ctx.io, report);
  else
    ctx.io.stdout.write(
      `reindexed ${report.entries} entries: ${report.stories} stories of two or more entries (${report.entriesInStories} entries)\n`,
    );
  return 0;
}

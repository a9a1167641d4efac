import { writeJson, type CommandContext } from '../context.js';

/**
 * `kirinuki optimize [--vacuum]`: compacts the search index, refreshes the planner's
 * statistics and builds the ranking lists that let a search rank every match of a common word
 * (`Archive.optimize()`). `import` does it by itself after 1,000 or more new entries.
 * `--vacuum` also gives the space freed by deletions and migrations back to the file system
 * (SQLite: it needs the archive to itself to change the page size, and free disk for a copy).
 *
 * @example
 * await optimizeCommand(ctx, { vacuum: true }); // 0
 */
export async function optimizeCommand(
  ctx: CommandContext,
  opts: { vacuum?: boolean } = {},
): Promise<number> {
  const archive = await ctx.openArchive();
  const started = performance.now();
  const { vacuumed } = archive.optimize({ vacuum: opts.vacuum === true });
  const seconds = (performance.now() - started) / 1000;
  const entries = archive.stats().entries;
  if (ctx.json) writeJson(ctx.io, { optimized: true, vacuumed, entries, seconds });
  else {
    ctx.io.stdout.write(`optimised ${entries} entries in ${seconds.toFixed(1)} s\n`);
    if (opts.vacuum && !vacuumed)
      ctx.io.stderr.write(
        'optimize: the space was not given back: another process has the archive open (close it and run optimize --vacuum again)\n',
      );
  }
  return 0;
}

import { writeJson, type CommandContext } from '../context.js';

/**
 * `kirinuki optimize`: compacts the search index, refreshes the planner's statistics and
 * builds the ranking lists that let a search rank every match of a common word
 * (`Archive.optimize()`). `import` does it by itself after 1,000 or more new entries.
 */
export async function optimizeCommand(ctx: CommandContext): Promise<number> {
  const archive = await ctx.openArchive();
  const started = performance.now();
  archive.optimize();
  const seconds = (performance.now() - started) / 1000;
  const entries = archive.stats().entries;
  if (ctx.json) writeJson(ctx.io, { optimized: true, entries, seconds });
  else ctx.io.stdout.write(`optimised ${entries} entries in ${seconds.toFixed(1)} s\n`);
  return 0;
}

import { writeJson, type CommandContext } from '../context.js';

/**
 * `kirinuki doctor`: the archive's consistency — storage integrity, the search index against
 * the entries, partial entries, counts per day, tag and account. Exit 1 when a check fails.
 *
 * @example
 * await doctorCommand(ctx); // 0, after printing `ok  SQLite integrity` …
 */
export async function doctorCommand(ctx: CommandContext): Promise<number> {
  const archive = await ctx.openArchive();
  const checks = archive.check();
  if (ctx.json) writeJson(ctx.io, { ok: checks.every((c) => c.ok), checks });
  else
    for (const c of checks)
      ctx.io.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}${c.ok ? '' : `: ${c.detail}`}\n`);
  return checks.every((c) => c.ok) ? 0 : 1;
}

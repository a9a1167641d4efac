import { formatDiagnostic } from '../../model/index.js';
import { fetchIntoArchive } from '../../pipeline/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { UsageError } from '../io.js';
import { describeReport } from '../describe-report.js';
import { loadCliKnowledge } from '../knowledge.js';

/**
 * `kirinuki fetch URL`: one feed, article page or post into the archive. Exits with 1 when the
 * URL cannot be fetched or nothing in it could be filed, as `import` does for a file.
 */
export async function fetchCommand(
  ctx: CommandContext,
  url: string,
  opts: { allowHost?: string[]; timeout?: string },
): Promise<number> {
  const timeoutMs = timeoutInMs(opts.timeout);
  const knowledge = await loadCliKnowledge(ctx.io);
  const r = await fetchIntoArchive(await ctx.openArchive(), url, {
    today: new Date().toISOString().slice(0, 10),
    knowledge,
    fetch: {
      allowPrivateHosts: opts.allowHost ?? [],
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    },
  });
  if (!r.ok) {
    ctx.io.stderr.write(`${formatDiagnostic(r.error)}\n`);
    return 1;
  }
  for (const d of r.value.diagnostics) ctx.io.stderr.write(`${formatDiagnostic(d)}\n`);
  const { report, format, file, days } = r.value;
  if (ctx.json) writeJson(ctx.io, r.value);
  else
    ctx.io.stdout.write(
      report
        ? `${file} (${format}): ${describeReport(report)}${days.length ? ` (${days.join(', ')})` : ''}\n`
        : `${file} (${format}): not imported\n`,
    );
  return report === null ? 1 : 0;
}

/**
 * `--timeout` (seconds) as whole milliseconds, which the fetcher's timers need; `undefined`
 * keeps the fetcher's default.
 */
function timeoutInMs(seconds: string | undefined): number | undefined {
  if (seconds === undefined) return undefined;
  const ms = Math.round(Number(seconds) * 1000);
  if (!Number.isFinite(ms) || ms < 1)
    throw new UsageError(`fetch: --timeout must be a positive number of seconds, got "${seconds}"`);
  return ms;
}

import { formatDiagnostic } from '../../model/index.js';
import { fetchIntoArchive } from '../../pipeline/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { loadCliKnowledge } from '../knowledge.js';

/** `kirinuki fetch URL`: one feed, article page or post into the archive. */
export async function fetchCommand(
  ctx: CommandContext,
  url: string,
  opts: { allowHost?: string[]; timeout: string },
): Promise<number> {
  const knowledge = await loadCliKnowledge(ctx.io);
  const r = await fetchIntoArchive(await ctx.openArchive(), url, {
    today: new Date().toISOString().slice(0, 10),
    knowledge,
    fetch: { allowPrivateHosts: opts.allowHost ?? [], timeoutMs: Number(opts.timeout) * 1000 },
  });
  if (!r.ok) {
    ctx.io.stderr.write(`${formatDiagnostic(r.error)}\n`);
    return 1;
  }
  for (const d of r.value.diagnostics) ctx.io.stderr.write(`${formatDiagnostic(d)}\n`);
  if (ctx.json) writeJson(ctx.io, r.value);
  else {
    const { report, format, file, days } = r.value;
    ctx.io.stdout.write(
      `${file} (${format}): ${report?.inserted ?? 0} new, ${report?.unchanged ?? 0} already in the archive${days.length ? ` (${days.join(', ')})` : ''}\n`,
    );
  }
  return 0;
}

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { formatDiagnostic } from '../../model/index.js';
import { digestOfDay, importClipFiles } from '../../pipeline/index.js';
import type { CommandContext } from '../context.js';
import { formatStats } from './stats.js';

/** The bundled sample digests, beside `src/` and `dist/` alike. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../../samples', import.meta.url));

/**
 * `kirinuki demo` (`npm start`): imports the bundled sample digests into the archive, prints
 * the latest day's digest and a short account of what was found.
 */
export async function demoCommand(ctx: CommandContext, opts: { dir?: string }): Promise<number> {
  const dir = opts.dir ?? SAMPLES_DIR;
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  const files = names.map((n) => ({ name: join(dir, n), bytes: readFileSync(join(dir, n)) }));
  const archive = await ctx.openArchive();
  const summary = importClipFiles(archive, files);
  for (const d of summary.diagnostics) ctx.io.stderr.write(`${formatDiagnostic(d)}\n`);
  const days = summary.files.flatMap((f) => (f.day ? [f.day] : [])).sort();
  const latest = days[days.length - 1];
  const out = ctx.io.stdout;
  for (const f of summary.files)
    out.write(
      `imported ${f.file}: ${f.report?.inserted ?? 0} new, ${f.report?.unchanged ?? 0} already there\n`,
    );
  if (latest !== undefined) {
    out.write(`\n===== digest for ${latest} =====\n`);
    out.write(digestOfDay(archive, latest));
  }
  out.write('\n===== the archive =====\n');
  out.write(formatStats(archive.stats()));
  return summary.files.some((f) => f.report === null) ? 1 : 0;
}

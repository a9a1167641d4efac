import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatDiagnostic } from '../../model/index.js';
import type { Archive } from '../../archive/index.js';
import type { Knowledge } from '../../nlp/index.js';
import {
  buildSite,
  compareProposals,
  digestOfDay,
  importFiles,
  readTaxonomy,
} from '../../pipeline/index.js';
import type { CommandContext } from '../context.js';
import { loadCliKnowledge } from '../knowledge.js';
import { SAMPLES_DIR } from './package-paths.js';
import { formatStats } from './stats.js';

/**
 * `kirinuki demo` (`npm start`): imports the bundled sample digests into the archive, prints
 * the latest day's digest, summary lines proposed for some of its entries, and a short account
 * of what was found; then builds the archive's static site beside it and says how to open it
 * and the workbench.
 */
export async function demoCommand(ctx: CommandContext, opts: { dir?: string }): Promise<number> {
  const dir = opts.dir ?? SAMPLES_DIR;
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  const files = names.map((n) => ({ name: join(dir, n), bytes: readFileSync(join(dir, n)) }));
  const knowledge = await loadCliKnowledge(ctx.io);
  const archive = await ctx.openArchive();
  const today = new Date().toISOString().slice(0, 10);
  const summary = importFiles(archive, files, { today, knowledge });
  for (const d of summary.diagnostics) ctx.io.stderr.write(`${formatDiagnostic(d)}\n`);
  const days = summary.files.flatMap((f) => f.days).sort();
  const latest = days[days.length - 1];
  const out = ctx.io.stdout;
  for (const f of summary.files)
    out.write(
      `imported ${f.file}: ${f.report?.inserted ?? 0} new, ${f.report?.unchanged ?? 0} already there\n`,
    );
  if (latest !== undefined) {
    out.write(`\n===== digest for ${latest} =====\n`);
    out.write(digestOfDay(archive, latest));
    showProposals(ctx, archive, latest, join(dir, 'taxonomy.json'), knowledge);
  }
  out.write('\n===== the archive =====\n');
  out.write(formatStats(archive.stats()));
  // The archive as a static site beside it, and how to open it and the workbench.
  const siteDir = join(dirname(await ctx.archivePath()), 'site');
  const site = buildSite(archive, siteDir, { knowledge });
  out.write('\n===== where to look next =====\n');
  if (site.ok)
    out.write(
      `static site: ${siteDir} (${site.value.files} files) — serve it with \`kirinuki site ${siteDir} --serve\` and open http://127.0.0.1:8000/\n`,
    );
  else ctx.io.stderr.write(`${site.error.message}\n`);
  out.write('workbench: `kirinuki serve`, then open the link it prints\n');
  return summary.files.some((f) => f.report === null) || !site.ok ? 1 : 0;
}

/** Lines kirinuki proposes for a few entries of the day, trained on the other days only. */
function showProposals(
  ctx: CommandContext,
  archive: Archive,
  day: string,
  taxonomyFile: string,
  knowledge: Knowledge,
): void {
  const taxonomy = readTaxonomy(taxonomyFile);
  if (!taxonomy.ok) return;
  const options = { taxonomy: taxonomy.value, knowledge, limit: 3 };
  const out = ctx.io.stdout;
  out.write(`\n===== proposed summary lines (trained on the other days) =====\n`);
  for (const c of compareProposals(archive, day, options)) {
    out.write(`${c.headline.split('\n')[0]?.slice(0, 50) ?? ''}\n`);
    for (const l of c.curator) out.write(`  curator:  ${l}\n`);
    for (const l of c.proposed) out.write(`  kirinuki: ${l}\n`);
    if (c.proposed.length === 0) out.write('  kirinuki: (no tag fits)\n');
  }
}

import { existsSync } from 'node:fs';
import { formatDiagnostic } from '../model/index.js';
import type { Knowledge } from '../nlp/index.js';
import type { Tagger } from '../pipeline/index.js';
import type { CommandContext } from './context.js';

/**
 * The archive's tagger for a command (`suggest`, `annotate --jsonl`): the stored model, else
 * one trained from the archive now (said on stderr), else a cold-start model from the
 * taxonomy. Null when there is nothing to suggest tags from, or — with `onlyIfArchiveExists`
 * — no archive file; `'error'` after printing why the stored files cannot be read.
 */
export async function loadCliTagger(
  ctx: CommandContext,
  command: string,
  knowledge: Knowledge,
  options: { taxonomy?: string; onlyIfArchiveExists?: boolean },
): Promise<Tagger | null | 'error'> {
  const { loadTagger, tagStorePaths } = await import('../pipeline/index.js');
  const path = await ctx.archivePath();
  if (options.onlyIfArchiveExists && !existsSync(path)) return null;
  const r = loadTagger(await ctx.openArchive(), tagStorePaths(path, options.taxonomy), knowledge);
  if (!r.ok) {
    for (const d of r.error) ctx.io.stderr.write(`${formatDiagnostic(d)}\n`);
    return 'error';
  }
  if (r.value?.source === 'trained')
    ctx.io.stderr.write(
      `${command}: no tag model yet: trained one from the ${r.value.labelled ?? 0} labelled entries of the archive\n`,
    );
  if (r.value?.source === 'cold-start')
    ctx.io.stderr.write(
      `${command}: no tag model and no labelled entries: suggesting from the taxonomy's descriptions and keywords alone\n`,
    );
  return r.value?.tagger ?? null;
}

import { existsSync } from 'node:fs';
import { formatDiagnostic } from '../model/index.js';
import type { Knowledge } from '../nlp/index.js';
import type { Tagger, TagStorePaths } from '../pipeline/index.js';
import type { CommandContext } from './context.js';

/**
 * The tag store of the command's archive (`tagStorePaths`), its notices — a PostgreSQL
 * archive's files moved into its database — on the command's stderr.
 *
 * @example
 * const paths = await cliTagStorePaths(ctx, opts.taxonomy);
 */
export async function cliTagStorePaths(
  ctx: CommandContext,
  taxonomy: string | undefined,
): Promise<TagStorePaths> {
  const { tagStorePaths } = await import('../pipeline/index.js');
  const { dataDirectory, isPostgresUrl } = await import('../archive/index.js');
  const path = await ctx.archivePath();
  // The store is in the archive's database: opened first, a server that cannot be reached is
  // the usage error naming it (as for every command), not an internal error of the store.
  if (isPostgresUrl(path)) await ctx.openArchive();
  return tagStorePaths(path, taxonomy, dataDirectory(), (m) => ctx.io.stderr.write(`${m}\n`));
}

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
  const { isPostgresUrl } = await import('../archive/index.js');
  const { loadTagger } = await import('../pipeline/index.js');
  const path = await ctx.archivePath();
  // A server archive is no file: it is there when it can be opened.
  if (options.onlyIfArchiveExists && !isPostgresUrl(path) && !existsSync(path)) return null;
  const paths = await cliTagStorePaths(ctx, options.taxonomy);
  const r = loadTagger(await ctx.openArchive(), paths, knowledge);
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

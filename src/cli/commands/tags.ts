import { formatDiagnostic } from '../../model/index.js';
import {
  addTagToStore,
  archiveTagCounts,
  importTaxonomyFile,
  readStoredTaxonomy,
  relabelTags,
  type Relabel,
  type TagEditReport,
  type TagStorePaths,
} from '../../pipeline/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { UsageError } from '../io.js';
import { cliTagStorePaths } from '../tagger.js';

interface TaxonomyOption {
  taxonomy?: string;
}

/** `kirinuki tags`: every tag of the taxonomy and the archive, with entry and line counts. */
export async function tagsCommand(ctx: CommandContext, opts: TaxonomyOption): Promise<number> {
  const paths = await storePaths(ctx, opts);
  const taxonomy = readStoredTaxonomy(paths);
  if (!taxonomy.ok) {
    for (const d of taxonomy.error) ctx.io.stderr.write(`${formatDiagnostic(d)}\n`);
    return 1;
  }
  const counts = archiveTagCounts(await ctx.openArchive(), taxonomy.value);
  if (ctx.json) {
    writeJson(ctx.io, counts);
    return 0;
  }
  ctx.io.stdout.write('entries  lines  tag\n');
  for (const c of counts)
    ctx.io.stdout.write(
      `${String(c.entries).padStart(7)} ${String(c.lines).padStart(6)}  ${c.tag}${c.defined ? '' : '  (not in the taxonomy)'}\n`,
    );
  return 0;
}

/** `kirinuki tags add NAME [--description TEXT] [--keywords WORD...]`. */
export async function tagsAddCommand(
  ctx: CommandContext,
  name: string,
  opts: TaxonomyOption & { description?: string; keywords?: string[] },
): Promise<number> {
  const tag = {
    name,
    ...(opts.description === undefined ? {} : { description: opts.description }),
    ...(opts.keywords === undefined ? {} : { keywords: opts.keywords }),
  };
  return report(ctx, addTagToStore(await storePaths(ctx, opts), tag), `added '${name}'`);
}

/** `kirinuki tags rename OLD NEW`: the taxonomy, the stored entries and the model. */
export async function tagsRenameCommand(
  ctx: CommandContext,
  from: string,
  to: string,
  opts: TaxonomyOption,
): Promise<number> {
  return relabel(ctx, { kind: 'rename', from, to }, opts, `renamed '${from}' to '${to}'`);
}

/** `kirinuki tags merge FROM... INTO`: the last tag named is the one the others become. */
export async function tagsMergeCommand(
  ctx: CommandContext,
  names: string[],
  opts: TaxonomyOption,
): Promise<number> {
  const into = names[names.length - 1];
  if (names.length < 2 || into === undefined)
    throw new UsageError('tags: merge needs the tags to merge and the tag to merge them into');
  const from = names.slice(0, -1);
  return relabel(
    ctx,
    { kind: 'merge', from, into },
    opts,
    `merged ${from.join(', ')} into '${into}'`,
  );
}

/**
 * `kirinuki tags import FILE`: a taxonomy file (as `samples/taxonomy.json`) merged into the
 * taxonomy beside the archive — new tags added, known ones gaining its keywords — and into the
 * stored model, if there is one.
 */
export async function tagsImportCommand(
  ctx: CommandContext,
  file: string,
  opts: TaxonomyOption,
): Promise<number> {
  const paths = await storePaths(ctx, opts);
  const r = importTaxonomyFile(paths, file);
  if (!r.ok) {
    for (const d of r.error) ctx.io.stderr.write(`${formatDiagnostic(d)}\n`);
    return 1;
  }
  const { added, extended, unchanged, model } = r.value;
  if (ctx.json) writeJson(ctx.io, { taxonomy: paths.taxonomy, added, extended, unchanged, model });
  else
    ctx.io.stdout.write(
      `tags: imported ${file} into ${paths.taxonomy}: ${added.length} added, ${extended.length} extended, ${unchanged.length} unchanged${model ? '; model updated' : ''}\n`,
    );
  return 0;
}

async function relabel(
  ctx: CommandContext,
  change: Relabel,
  opts: TaxonomyOption,
  done: string,
): Promise<number> {
  const paths = await storePaths(ctx, opts);
  return report(ctx, relabelTags(await ctx.openArchive(), paths, change), done);
}

function report(
  ctx: CommandContext,
  r: { ok: true; value: TagEditReport } | { ok: false; error: string },
  done: string,
): number {
  if (!r.ok) throw new UsageError(`tags: ${r.error.replace(/^tagging: /, '')}`);
  const { entries, model, relabelling } = r.value;
  const relabelled =
    Object.keys(relabelling).length > 0 ? `; ${entries} stored entries relabelled` : '';
  if (ctx.json) writeJson(ctx.io, { relabelling, entries, model });
  else ctx.io.stdout.write(`tags: ${done}${relabelled}${model ? '; model updated' : ''}\n`);
  return 0;
}

async function storePaths(ctx: CommandContext, opts: TaxonomyOption): Promise<TagStorePaths> {
  return cliTagStorePaths(ctx, opts.taxonomy);
}

import type { Archive } from '../archive/index.js';
import { err, ok, type Result } from '../model/index.js';
import {
  addTag,
  addTagToModel,
  countTags,
  findTag,
  mergeTags,
  relabelTag,
  redescribeTagModel,
  relabelTagModel,
  renameTag,
  type Relabelling,
  type SummaryStyle,
  type TagCount,
  type TagDefinition,
  type Taxonomy,
  type TaxonomyEdit,
} from '../tagging/index.js';
import { relabelArchive } from './relabel-archive.js';
import {
  readGlossary,
  readSummaryStyle,
  readTagModel,
  readTaxonomy,
  writeSummaryStyle,
  writeTagModel,
  writeTaxonomy,
  type TagStorePaths,
} from './tag-store.js';

/**
 * Every tag of the taxonomy and of the archive with its entry and line counts (`kirinuki tags`).
 *
 * @example
 * archiveTagCounts(archive, taxonomy)[0]; // { tag: 'ロシア', entries: 3, lines: 3, defined: true }
 */
export function archiveTagCounts(archive: Archive, taxonomy: Taxonomy): TagCount[] {
  function* entries() {
    for (const s of archive.allEntries()) yield s.entry;
  }
  return countTags(
    entries(),
    taxonomy.tags.map((t) => t.name),
  );
}

/** What a taxonomy edit changed. */
export interface TagEditReport {
  taxonomy: Taxonomy;
  relabelling: Relabelling;
  /** Stored entries rewritten with the new tag. */
  entries: number;
  /** Whether a stored model (and style) was brought up to date too. */
  model: boolean;
}

/**
 * Adds a tag to the taxonomy file (`kirinuki tags add`), and to the stored model if there is
 * one, so it can be suggested before any entry carries it.
 *
 * @example
 * addTagToStore(paths, { name: '中東', keywords: ['ガザ'] });
 */
export function addTagToStore(
  paths: TagStorePaths,
  tag: TagDefinition,
): Result<TagEditReport, string> {
  const taxonomy = readTaxonomy(paths.taxonomy);
  if (!taxonomy.ok) return err(taxonomy.error.map((d) => d.message).join('\n'));
  const edit = addTag(taxonomy.value, tag);
  if (!edit.ok) return edit;
  writeTaxonomy(paths.taxonomy, edit.value.taxonomy);
  const model = readTagModel(paths.model);
  if (!model.ok) return err(model.error.message);
  if (model.value) {
    const added = addTagToModel(model.value, tag);
    writeTagModel(paths.model, redescribeTagModel(added, edit.value.taxonomy, readGlossary()));
  }
  return ok({ ...edit.value, entries: 0, model: model.value !== null });
}

/** A rename or a merge, as `kirinuki tags rename|merge` asks for it. */
export type Relabel =
  { kind: 'rename'; from: string; to: string } | { kind: 'merge'; from: string[]; into: string };

/**
 * Renames or merges tags everywhere: the stored entries' summary lines first (so an
 * interrupted run can be repeated), then the taxonomy file, then the stored model and style.
 * A tag neither the taxonomy nor the archive knows is an error, not a silent no-op; so is
 * renaming onto a tag already in use (that is a merge).
 *
 * @example
 * relabelTags(archive, paths, { kind: 'rename', from: '露斯', to: '露イラン' });
 */
export function relabelTags(
  archive: Archive,
  paths: TagStorePaths,
  change: Relabel,
): Result<TagEditReport, string> {
  const taxonomy = readTaxonomy(paths.taxonomy);
  if (!taxonomy.ok) return err(taxonomy.error.map((d) => d.message).join('\n'));
  const used = new Set(archive.stats().tags.map((t) => t.tag));
  const sources = change.kind === 'rename' ? [change.from] : change.from;
  const unknown = sources.filter((t) => !used.has(t) && !findTag(taxonomy.value, t));
  if (unknown.length > 0)
    return err(
      `tagging: no tag ${unknown.map((t) => `'${t}'`).join(', ')} in the taxonomy or the archive`,
    );
  if (change.kind === 'rename' && used.has(change.to))
    return err(`tagging: tag '${change.to}' is already used in the archive; merge into it instead`);
  const edit: Result<TaxonomyEdit, string> =
    change.kind === 'rename'
      ? renameTag(taxonomy.value, change.from, change.to)
      : mergeTags(taxonomy.value, change.from, change.into);
  if (!edit.ok) return edit;
  const { relabelling } = edit.value;
  const entries = relabelArchive(archive, relabelling);
  writeTaxonomy(paths.taxonomy, edit.value.taxonomy);
  const model = readTagModel(paths.model);
  if (model.ok && model.value) {
    const relabelled = relabelTagModel(model.value, relabelling);
    writeTagModel(paths.model, redescribeTagModel(relabelled, edit.value.taxonomy, readGlossary()));
  }
  const style = readSummaryStyle(paths.style);
  if (style.ok && style.value)
    writeSummaryStyle(paths.style, relabelStyle(style.value, relabelling));
  return ok({ ...edit.value, entries, model: model.ok && model.value !== null });
}

/** The style's per-tag habits under the new tag names; merged tags pool theirs. */
export function relabelStyle(style: SummaryStyle, relabelling: Relabelling): SummaryStyle {
  const contexts: SummaryStyle['contexts'] = {};
  for (const [tag, counts] of Object.entries(style.contexts)) {
    const into = (contexts[relabelTag(tag, relabelling)] ??= {});
    for (const [phrase, n] of Object.entries(counts)) into[phrase] = (into[phrase] ?? 0) + n;
  }
  const tagWords: SummaryStyle['tagWords'] = {};
  for (const [tag, words] of Object.entries(style.tagWords)) {
    const to = relabelTag(tag, relabelling);
    tagWords[to] = [...new Set([...(tagWords[to] ?? []), ...words])];
  }
  return { ...style, contexts, tagWords };
}

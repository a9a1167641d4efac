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
  readStoredSummaryStyle,
  readStoredTagModel,
  readStoredTaxonomy,
  withTagStoreLocked,
  writeStoredSummaryStyle,
  writeStoredTagModel,
  writeStoredTaxonomy,
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
  return withTagStoreLocked(paths, (): Result<TagEditReport, string> => {
    const taxonomy = readStoredTaxonomy(paths);
    if (!taxonomy.ok) return err(taxonomy.error.map((d) => d.message).join('\n'));
    const edit = addTag(taxonomy.value, tag);
    if (!edit.ok) return edit;
    writeStoredTaxonomy(paths, edit.value.taxonomy);
    const model = readStoredTagModel(paths);
    if (!model.ok) return err(model.error.message);
    if (model.value) {
      const added = addTagToModel(model.value, tag);
      writeStoredTagModel(paths, redescribeTagModel(added, edit.value.taxonomy, readGlossary()));
    }
    return ok({ ...edit.value, entries: 0, model: model.value !== null });
  });
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
  const taxonomy = readStoredTaxonomy(paths);
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
  const edit = applyRelabel(taxonomy.value, change);
  if (!edit.ok) return edit;
  const { relabelling } = edit.value;
  const entries = relabelArchive(archive, relabelling);
  // The store's part with it locked, its taxonomy read again: a tag another machine added
  // since the check above is kept. (Not the archive's part: its own transactions.)
  return withTagStoreLocked(paths, (): Result<TagEditReport, string> => {
    const current = readStoredTaxonomy(paths);
    if (!current.ok) return err(current.error.map((d) => d.message).join('\n'));
    const redone = applyRelabel(current.value, change);
    const stored = redone.ok ? redone.value.taxonomy : edit.value.taxonomy;
    writeStoredTaxonomy(paths, stored);
    const model = readStoredTagModel(paths);
    if (model.ok && model.value) {
      const relabelled = relabelTagModel(model.value, relabelling);
      writeStoredTagModel(paths, redescribeTagModel(relabelled, stored, readGlossary()));
    }
    const style = readStoredSummaryStyle(paths);
    if (style.ok && style.value)
      writeStoredSummaryStyle(paths, relabelStyle(style.value, relabelling));
    return ok({
      ...edit.value,
      taxonomy: stored,
      entries,
      model: model.ok && model.value !== null,
    });
  });
}

/** The taxonomy edit a rename or a merge is. */
function applyRelabel(taxonomy: Taxonomy, change: Relabel): Result<TaxonomyEdit, string> {
  return change.kind === 'rename'
    ? renameTag(taxonomy, change.from, change.to)
    : mergeTags(taxonomy, change.from, change.into);
}

/**
 * The style's per-tag habits under the new tag names; merged tags pool theirs.
 *
 * @example
 * relabelStyle(style, { 露斯: '露イラン' }).contexts['露イラン']; // the counts 露斯 had
 */
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

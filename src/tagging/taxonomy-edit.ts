import { err, ok, type Result } from '../model/index.js';
import { findTag, isValidTagName, type TagDefinition, type Taxonomy } from './taxonomy.js';

/**
 * What an edit means for stored summary lines: each key is an old tag, its value the tag that
 * replaces it. Empty for edits that relabel nothing (adding a tag).
 */
export type Relabelling = Readonly<Record<string, string>>;

/** A taxonomy edit's outcome: the new taxonomy and the relabelling to apply to the archive. */
export interface TaxonomyEdit {
  taxonomy: Taxonomy;
  relabelling: Relabelling;
}

/**
 * Adds a tag. Fails when the name is invalid or already taken.
 *
 * @example
 * addTag(emptyTaxonomy(), { name: '露朝', keywords: ['北朝鮮'] });
 * // { ok: true, value: { taxonomy: { version: 1, tags: [{ name: '露朝', … }] }, relabelling: {} } }
 */
export function addTag(taxonomy: Taxonomy, tag: TagDefinition): Result<TaxonomyEdit, string> {
  const bad = checkName(tag.name);
  if (bad) return err(bad);
  if (findTag(taxonomy, tag.name))
    return err(`tagging: tag '${tag.name}' already exists in the taxonomy`);
  return ok({ taxonomy: { ...taxonomy, tags: [...taxonomy.tags, tag] }, relabelling: {} });
}

/**
 * Renames a tag, keeping its description and keywords and its place in the file. A tag that is
 * used in the archive but absent from the taxonomy can be renamed too: the taxonomy is then
 * unchanged and only the relabelling matters. Renaming onto an existing tag is a merge, and is
 * refused here so it is never done by accident.
 *
 * @example
 * renameTag(taxonomy, '露斯', '露イラン'); // relabelling { 露斯: '露イラン' }
 */
export function renameTag(
  taxonomy: Taxonomy,
  from: string,
  to: string,
): Result<TaxonomyEdit, string> {
  const bad = checkName(to);
  if (bad) return err(bad);
  if (from === to) return err(`tagging: '${from}' would be renamed to itself`);
  if (findTag(taxonomy, to))
    return err(`tagging: tag '${to}' already exists; merge '${from}' into it instead`);
  const tags = taxonomy.tags.map((t) => (t.name === from ? { ...t, name: to } : t));
  return ok({ taxonomy: { ...taxonomy, tags }, relabelling: { [from]: to } });
}

/**
 * Merges tags into one. The target keeps its description (or takes the first source's when it
 * is new) and gains the sources' keywords; the sources disappear from the taxonomy and every
 * summary line carrying one of them is relabelled to the target.
 *
 * @example
 * mergeTags(taxonomy, ['露斯', 'イラン'], '露イラン');
 * // relabelling { 露斯: '露イラン', イラン: '露イラン' }
 */
export function mergeTags(
  taxonomy: Taxonomy,
  sources: readonly string[],
  into: string,
): Result<TaxonomyEdit, string> {
  const bad = checkName(into);
  if (bad) return err(bad);
  const from = [...new Set(sources)].filter((s) => s !== into);
  if (from.length === 0) return err(`tagging: nothing to merge into '${into}'`);
  const merged = mergedDefinition(taxonomy, from, into);
  const tags: TagDefinition[] = [];
  let placed = false;
  for (const t of taxonomy.tags) {
    if (t.name !== into && !from.includes(t.name)) tags.push(t);
    else if (!placed) {
      // The merged tag takes the place of the first of them in the file.
      tags.push(merged);
      placed = true;
    }
  }
  if (!placed) tags.push(merged);
  const relabelling = Object.fromEntries(from.map((s) => [s, into]));
  return ok({ taxonomy: { ...taxonomy, tags }, relabelling });
}

/** Follows a relabelling: the tag a stored tag becomes (itself when untouched). */
export function relabelTag(tag: string, relabelling: Relabelling): string {
  return Object.hasOwn(relabelling, tag) ? (relabelling[tag] as string) : tag;
}

function mergedDefinition(
  taxonomy: Taxonomy,
  from: readonly string[],
  into: string,
): TagDefinition {
  const parts = [into, ...from].flatMap((n) => {
    const t = findTag(taxonomy, n);
    return t ? [t] : [];
  });
  const description = parts.find((p) => p.description !== undefined)?.description;
  const keywords = [...new Set(parts.flatMap((p) => p.keywords ?? []))];
  return {
    name: into,
    ...(description === undefined ? {} : { description }),
    ...(keywords.length === 0 ? {} : { keywords }),
  };
}

function checkName(name: string): string | null {
  return isValidTagName(name)
    ? null
    : `tagging: '${name}' cannot be a tag: no spaces, #, ＃ or parentheses, and not empty`;
}

import { readFileSync } from 'node:fs';
import { err, ok, type Diagnostic, type Result } from '../model/index.js';
import {
  addTagToModel,
  findTag,
  parseTaxonomy,
  redescribeTagModel,
  type TagDefinition,
  type Taxonomy,
} from '../tagging/index.js';
import {
  readGlossary,
  readStoredTagModel,
  readStoredTaxonomy,
  withTagStoreLocked,
  writeStoredTagModel,
  writeStoredTaxonomy,
  type TagStorePaths,
} from './tag-store.js';

/** What importing a taxonomy file changed. */
export interface TaxonomyImport {
  /** The taxonomy as now stored. */
  taxonomy: Taxonomy;
  /** Tags the taxonomy did not have. */
  added: string[];
  /** Tags it had that gained keywords, or a description they lacked. */
  extended: string[];
  /** Tags it already had as the file defines them. */
  unchanged: string[];
  /** Whether a stored model learned the new and extended tags too. */
  model: boolean;
}

/**
 * Merges a taxonomy file (the format of `samples/taxonomy.json`) into the archive's taxonomy
 * (`kirinuki tags import FILE`): new tags are added in the file's order; a tag already there
 * keeps its description — the curator's edits win — and gains the file's keywords (and its
 * description, when it had none). A stored model learns the new and extended tags at once
 * (as `kirinuki tags add` teaches it), so they can be suggested before any entry carries
 * them. A file that is not a valid taxonomy changes nothing.
 *
 * @example
 * const r = importTaxonomyFile(tagStorePaths(dbPath), 'samples/taxonomy.json');
 * if (r.ok) r.value.added; // ['ロシア', 'NATO', …]
 */
export function importTaxonomyFile(
  paths: TagStorePaths,
  file: string,
): Result<TaxonomyImport, Diagnostic[]> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return err([{ severity: 'error', message: `tagging: cannot read ${file}: ${why}`, file }]);
  }
  const incoming = parseTaxonomy(text, file);
  if (!incoming.ok) return incoming;
  // A merge is a read-modify-write: with the store locked, a curator's edit made meanwhile on
  // another machine is merged into, never overwritten.
  return withTagStoreLocked(paths, (): Result<TaxonomyImport, Diagnostic[]> => {
    const current = readStoredTaxonomy(paths);
    if (!current.ok) return current;
    const model = readStoredTagModel(paths);
    if (!model.ok) return err([model.error]);
    const merged = mergeTaxonomy(current.value, incoming.value);
    writeStoredTaxonomy(paths, merged.taxonomy);
    if (model.value) {
      for (const name of [...merged.added, ...merged.extended]) {
        const tag = findTag(merged.taxonomy, name);
        if (tag) addTagToModel(model.value, tag);
      }
      writeStoredTagModel(paths, redescribeTagModel(model.value, merged.taxonomy, readGlossary()));
    }
    return ok({ ...merged, model: model.value !== null });
  });
}

/**
 * One taxonomy merged into another (see {@link importTaxonomyFile}): pure.
 *
 * @example
 * mergeTaxonomy({ tags: [{ name: 'NATO' }] }, { tags: [{ name: 'NATO', keywords: ['加盟国'] }, { name: '露朝' }] });
 * // { taxonomy: { version: 1, tags: [{ name: 'NATO', keywords: ['加盟国'] }, { name: '露朝' }] },
 * //   added: ['露朝'], extended: ['NATO'], unchanged: [] }
 */
export function mergeTaxonomy(base: Taxonomy, incoming: Taxonomy): Omit<TaxonomyImport, 'model'> {
  const tags = [...base.tags];
  const added: string[] = [];
  const extended: string[] = [];
  const unchanged: string[] = [];
  for (const tag of incoming.tags) {
    const at = tags.findIndex((t) => t.name === tag.name);
    const known = tags[at];
    if (at < 0 || known === undefined) {
      tags.push(tag);
      added.push(tag.name);
      continue;
    }
    const next = extendTag(known, tag);
    if (next === known) unchanged.push(tag.name);
    else {
      tags[at] = next;
      extended.push(tag.name);
    }
  }
  return { taxonomy: { version: 1, tags }, added, extended, unchanged };
}

/** `known` with the keywords it lacks and, if it had none, the description; itself if no change. */
function extendTag(known: TagDefinition, incoming: TagDefinition): TagDefinition {
  const keywords = [...(known.keywords ?? [])];
  for (const k of incoming.keywords ?? []) if (!keywords.includes(k)) keywords.push(k);
  const description = known.description ?? incoming.description;
  const same =
    keywords.length === (known.keywords ?? []).length && description === known.description;
  if (same) return known;
  return {
    name: known.name,
    ...(description === undefined ? {} : { description }),
    ...(keywords.length === 0 ? {} : { keywords }),
  };
}

import type { Archive } from '../archive/index.js';
import { err, ok, type Diagnostic, type Entry, type Result } from '../model/index.js';
import type { Knowledge } from '../nlp/index.js';
import {
  createTagModel,
  DEFAULT_SUMMARY_STYLE,
  entryLabels,
  updateTagModel,
  type SummaryStyle,
  type TagModel,
  type Taxonomy,
  type WritingRules,
} from '../tagging/index.js';
import {
  readGlossary,
  readStoredSummaryStyle,
  readStoredTagModel,
  readStoredTaxonomy,
  readWritingRules,
  withTagStoreLocked,
  writeStoredSummaryStyle,
  writeStoredTagModel,
  type TagStorePaths,
} from './tag-store.js';
import { annotatedEntry, trainTagsFromArchive, type TrainedTags } from './train-tags.js';

/** What suggesting needs: the taxonomy, a tag model, the curator's style and the writer's words. */
export interface Tagger {
  taxonomy: Taxonomy;
  model: TagModel;
  style: SummaryStyle;
  rules: WritingRules;
}

/**
 * Where the tagger came from: the stored model, one trained just now from the archive, or a
 * cold-start model made from the taxonomy's descriptions and keywords alone.
 */
export type TaggerSource = 'stored' | 'trained' | 'cold-start';

export interface LoadedTagger {
  tagger: Tagger;
  source: TaggerSource;
  /** For a model trained just now: how many labelled entries it learned from. */
  labelled?: number;
}

/**
 * Trains a model and learns the style from the archive and stores both beside it (`kirinuki
 * train`).
 *
 * @example
 * const r = trainAndStoreTags(archive, tagStorePaths(dbPath), knowledge);
 * if (r.ok) r.value.labelled; // 42
 */
export function trainAndStoreTags(
  archive: Archive,
  paths: TagStorePaths,
  knowledge: Knowledge,
): Result<TrainedTags & { taxonomy: Taxonomy }, Diagnostic[]> {
  const taxonomy = readStoredTaxonomy(paths);
  if (!taxonomy.ok) return taxonomy;
  const trained = trainTagsFromArchive(archive, { taxonomy: taxonomy.value, knowledge });
  // Model and style together: a reader never pairs the new model with the old style.
  withTagStoreLocked(paths, () => {
    writeStoredTagModel(paths, trained.model);
    writeStoredSummaryStyle(paths, trained.style);
  });
  return ok({ ...trained, taxonomy: taxonomy.value });
}

/**
 * The tagger of an archive: the stored model and style; without a stored model, one trained
 * from the archive's labelled entries (and stored); without any, a cold-start model from the
 * taxonomy. Null when there is nothing to learn tags from at all.
 *
 * @example
 * const r = loadTagger(archive, tagStorePaths(dbPath), knowledge);
 * if (r.ok && r.value?.source === 'trained') console.error('trained a model first');
 */
export function loadTagger(
  archive: Archive,
  paths: TagStorePaths,
  knowledge: Knowledge,
): Result<LoadedTagger | null, Diagnostic[]> {
  const taxonomy = readStoredTaxonomy(paths);
  if (!taxonomy.ok) return taxonomy;
  const model = readStoredTagModel(paths);
  const style = readStoredSummaryStyle(paths);
  if (!model.ok) return err([model.error]);
  if (!style.ok) return err([style.error]);
  const rules = readWritingRules();
  if (model.value) {
    const tagger = { taxonomy: taxonomy.value, model: model.value, rules };
    return ok({
      tagger: { ...tagger, style: style.value ?? DEFAULT_SUMMARY_STYLE },
      source: 'stored',
    });
  }
  if (archive.stats().summaryLines > 0) {
    const trained = trainAndStoreTags(archive, paths, knowledge);
    if (!trained.ok) return trained;
    const { model: m, style: s, labelled } = trained.value;
    return ok({
      tagger: { taxonomy: taxonomy.value, model: m, style: s, rules },
      source: 'trained',
      labelled,
    });
  }
  if (taxonomy.value.tags.length === 0) return ok(null);
  const cold = createTagModel(taxonomy.value, {}, readGlossary());
  return ok({
    tagger: { taxonomy: taxonomy.value, model: cold, style: DEFAULT_SUMMARY_STYLE, rules },
    source: 'cold-start',
  });
}

/** What learning from the curator's own tags did (`kirinuki tags learn`). */
export interface CuratorLearning {
  /** Entries learned from: those with summary lines. */
  learned: number;
  /** Of those, entries whose tags differ from what the model would have suggested. */
  corrected: number;
  /** Tags the model had not known before. */
  newTags: string[];
  /** The model that learned: the stored one, or one trained or started cold just now. */
  source: TaggerSource;
}

/**
 * Learns the tags the curator gave entries (a suggestion accepted, or retagged) into the stored
 * model at once, one online step per entry, without retraining, and stores the model: the next
 * `suggest` shows the change. Entries without summary lines are skipped (unlabelled is not
 * "no tag fits"). Without a stored model, one is trained from the archive first, or started
 * from the taxonomy.
 *
 * @example
 * const r = learnCuratorTags(archive, paths, knowledge, documentEntries(parsed.document));
 * if (r.ok) r.value.corrected; // 1: one entry was retagged
 */
export function learnCuratorTags(
  archive: Archive,
  paths: TagStorePaths,
  knowledge: Knowledge,
  entries: Iterable<Entry>,
): Result<CuratorLearning, Diagnostic[]> {
  // Read, learn and write with the store locked: two servers (or a server and `tags learn`)
  // learning at once each start from the other's model, so neither step is lost.
  return withTagStoreLocked(paths, (): Result<CuratorLearning, Diagnostic[]> => {
    const loaded = loadTagger(archive, paths, knowledge);
    if (!loaded.ok) return loaded;
    const taxonomy = readStoredTaxonomy(paths);
    if (!taxonomy.ok) return taxonomy;
    const model = loaded.value?.tagger.model ?? createTagModel(taxonomy.value, {}, readGlossary());
    const source = loaded.value?.source ?? 'cold-start';
    const known = new Set(model.tags);
    const before = model.stats.corrections;
    let learned = 0;
    for (const entry of entries) {
      const labels = entryLabels(entry);
      if (labels.length === 0) continue;
      updateTagModel(model, annotatedEntry(entry, knowledge), labels);
      learned += 1;
    }
    writeStoredTagModel(paths, model);
    const newTags = model.tags.filter((t) => !known.has(t));
    return ok({ learned, corrected: model.stats.corrections - before, newTags, source });
  });
}

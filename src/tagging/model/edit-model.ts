import { normaliseForMatch } from '../../text/index.js';
import { relabelTag, type Relabelling } from '../taxonomy-edit.js';
import type { TagDefinition, Taxonomy } from '../taxonomy.js';
import { seedExamples } from './examples.js';
import { describeTags, type DescriptionTerms, type Glossary } from '../features/description.js';
import { descriptionBucket } from '../features/extract.js';
import { rearrangeTags, withExtraTag, type LinearWeights } from './linear.js';
import type { TagModel } from './tag-model.js';
import { updateTagModel } from './update.js';

/**
 * Applies a taxonomy relabelling (rename or merge) to a model, so it suggests the new names
 * at once. A rename moves the tag's weights; a merge gives the target the element-wise
 * maximum of the merged tags' weights, a cheap stand-in that keeps entries of either scoring
 * high — `trainTagModel` on the relabelled archive gives the exact model. Returns a new model.
 *
 * @example
 * relabelTagModel(model, { 露斯: '露イラン' }).tags; // [… '露イラン' …]
 */
export function relabelTagModel(model: TagModel, relabelling: Relabelling): TagModel {
  const tags: string[] = [];
  const from: number[][] = [];
  model.tags.forEach((old, i) => {
    const name = relabelTag(old, relabelling);
    const k = tags.indexOf(name);
    if (k >= 0) from[k]?.push(i);
    else {
      tags.push(name);
      from.push([i]);
    }
  });
  const keywords = tags.flatMap((tag) => {
    const words = model.keywords
      .filter((k) => relabelTag(k.tag, relabelling) === tag)
      .flatMap((k) => k.keywords);
    return words.length === 0 ? [] : [{ tag, keywords: [...new Set(words)] }];
  });
  const memory = model.memory.map((m) => ({
    ...m,
    labels: [...new Set(m.labels.map((l) => relabelTag(l, relabelling)))],
  }));
  const linear = rearrangeTags(model.linear, from);
  moveDescriptionRows(model, linear, tags, from);
  return {
    ...model,
    tags,
    keywords,
    descriptions: relabelDescriptions(model.descriptions, relabelling),
    memory,
    linear,
    stats: { ...model.stats },
  };
}

/**
 * A tag's description feature is hashed by its name (`desc:露斯`): what the model learned of
 * the old names' features goes to the new name's, merged tags keeping the largest weight.
 */
function moveDescriptionRows(
  model: TagModel,
  linear: LinearWeights,
  tags: readonly string[],
  from: readonly (readonly number[])[],
): void {
  const U = linear.tags;
  const rows = from.map((olds) =>
    olds.map((o) => linear.weights.slice(...rowOf(model, model.tags[o] as string, U))),
  );
  // Old names' rows are cleared first: a tag added later under an old name starts afresh.
  for (const old of model.tags) linear.weights.fill(0, ...rowOf(model, old, U));
  tags.forEach((tag, k) => {
    const olds = rows[k] ?? [];
    const [start] = rowOf(model, tag, U);
    for (let u = 0; u < U; u += 1)
      linear.weights[start + u] = Math.max(...olds.map((r) => r[u] as number));
  });
}

function rowOf(model: TagModel, tag: string, width: number): [number, number] {
  const start = descriptionBucket(tag, model.options.features.bits) * width;
  return [start, start + width];
}

/**
 * Descriptions under the new tag names. Merged tags pool their words (the larger weight) and
 * have no parties nor required words: a tag made of 露朝 and 露斯 is about either pair, not all
 * three countries at once. A renamed tag keeps its description as it was.
 */
function relabelDescriptions(
  descriptions: readonly DescriptionTerms[],
  relabelling: Relabelling,
): DescriptionTerms[] {
  const sources = new Map<string, DescriptionTerms[]>();
  for (const d of descriptions) {
    const tag = relabelTag(d.tag, relabelling);
    sources.set(tag, [...(sources.get(tag) ?? []), d]);
  }
  return [...sources].map(([tag, from]) => {
    const [only] = from;
    if (from.length === 1 && only) return { ...only, tag };
    const terms = new Map<string, number>();
    for (const d of from)
      for (const t of d.terms) terms.set(t.term, Math.max(terms.get(t.term) ?? 0, t.weight));
    return { tag, terms: [...terms].map(([term, weight]) => ({ term, weight })) };
  });
}

/**
 * Adds a tag defined in the taxonomy to a model (`kirinuki tags add`): its keywords become
 * features, and the model takes one online step on its description and keywords, so it can be
 * suggested before any entry carries it. Changes `model` in place and returns it.
 *
 * @example
 * addTagToModel(model, { name: '中東', keywords: ['ガザ', 'フーシ派'] });
 */
export function addTagToModel(model: TagModel, tag: TagDefinition): TagModel {
  if (!model.tags.includes(tag.name)) {
    model.tags.push(tag.name);
    model.linear = withExtraTag(model.linear);
  }
  const words = [...new Set((tag.keywords ?? []).map((k) => normaliseForMatch(k)))].filter(
    (k) => k !== '',
  );
  model.keywords = model.keywords.filter((k) => k.tag !== tag.name);
  if (words.length > 0) model.keywords.push({ tag: tag.name, keywords: words });
  const [seed] = seedExamples({ tags: [tag] });
  if (seed) {
    const stats = { ...model.stats };
    const background = { docs: model.background.docs, seen: { ...model.background.seen } };
    updateTagModel(model, seed, seed.labels);
    // The seed is not an entry: it teaches weights, but is neither counted nor recalled.
    model.memory = model.memory.filter((m) => m.id !== seed.entry.id);
    model.stats = stats;
    model.background = background;
  }
  return model;
}

/**
 * The model's description words made again from a (changed) taxonomy, so a tag added, renamed
 * or merged is described as the taxonomy file now says. Words new to the descriptions count as
 * rare until the next full training counts them. Changes `model` in place and returns it.
 *
 * @example
 * redescribeTagModel(model, editedTaxonomy, glossary);
 */
export function redescribeTagModel(
  model: TagModel,
  taxonomy: Taxonomy,
  glossary?: Glossary,
): TagModel {
  model.descriptions = describeTags(taxonomy.tags, glossary);
  return model;
}

import { normaliseForMatch } from '../../text/index.js';
import { relabelTag, type Relabelling } from '../taxonomy-edit.js';
import type { TagDefinition } from '../taxonomy.js';
import { seedExamples } from './examples.js';
import { rearrangeTags, withExtraTag } from './linear.js';
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
  return {
    ...model,
    tags,
    keywords,
    memory,
    linear: rearrangeTags(model.linear, from),
    stats: { ...model.stats },
  };
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
    updateTagModel(model, seed, seed.labels);
    // The seed is not an entry: it teaches weights, but is neither counted nor recalled.
    model.memory = model.memory.filter((m) => m.id !== seed.entry.id);
    model.stats = stats;
  }
  return model;
}

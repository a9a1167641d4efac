import type { Entry } from '../../model/index.js';
import type { FeatureInput } from '../features/extract.js';
import type { Taxonomy } from '../taxonomy.js';

/** An entry with the tags the curator gave it, the main tag first. */
export interface LabelledExample extends FeatureInput {
  labels: readonly string[];
}

/**
 * The taxonomy as labelled examples, one per tag with a description or keywords: what a model
 * learns from before the curator has labelled anything (cold start), and keeps learning from
 * so that a rarely used tag is not forgotten.
 *
 * @example
 * seedExamples({ tags: [{ name: '露朝', keywords: ['北朝鮮'] }] })[0]?.entry.body; // ['露朝、北朝鮮']
 */
export function seedExamples(taxonomy: Taxonomy): LabelledExample[] {
  return taxonomy.tags.flatMap((t) => {
    const parts = [t.name, t.description ?? '', ...(t.keywords ?? [])].filter((p) => p !== '');
    if (parts.length === 1) return [];
    const entry: Entry = {
      id: `taxonomy:${t.name}`,
      post: null,
      bodyKind: 'article',
      body: [parts.join('、')],
      summaries: [],
    };
    return [{ entry, annotations: null, labels: [t.name] }];
  });
}

/** The 0/1 target of every tag for a set of labels. */
export function targetsOf(tags: readonly string[], labels: readonly string[]): Uint8Array {
  const y = new Uint8Array(tags.length);
  for (const l of labels) {
    const t = tags.indexOf(l);
    if (t >= 0) y[t] = 1;
  }
  return y;
}

/** The tags of a taxonomy, then any other label of the examples, in order of first use. */
export function tagsOf(taxonomy: Taxonomy, examples: readonly LabelledExample[]): string[] {
  const tags = taxonomy.tags.map((t) => t.name);
  for (const ex of examples) for (const l of ex.labels) if (!tags.includes(l)) tags.push(l);
  return tags;
}

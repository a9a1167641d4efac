import { hashPair, hashString } from './hashing.js';
import {
  descriptionBucket,
  entryTexts,
  namedFeatures,
  NS,
  type FeatureInput,
  type FeatureOptions,
  type KeywordSet,
} from './extract.js';
import { forEachBigram } from './units.js';

/**
 * The readable names of an entry's features, by bucket, for explanations: `本文:凍結`,
 * `見出し:露朝`, `speaker:プーチン`, `kw:露朝`, `説明:露朝` (a tag's description probability). The
 * model keeps only buckets, so names are
 * recovered from the entry itself; a bucket shared by several features lists them all.
 *
 * @example
 * featureNames({ entry, annotations }, keywords, options).get(bucket); // ['本文:凍結']
 */
export function featureNames(
  input: FeatureInput,
  keywords: readonly KeywordSet[],
  options: FeatureOptions,
  tags: readonly string[] = [],
): Map<number, string[]> {
  const mask = 2 ** options.bits - 1;
  const names = new Map<number, string[]>();
  const add = (bucket: number, name: string): void => {
    const list = names.get(bucket) ?? [];
    if (!list.includes(name)) list.push(name);
    names.set(bucket, list);
  };
  const { head, body } = entryTexts(input.entry, options.maxBodyChars);
  forEachBigram(head, (a, b) => add(hashPair(NS.head, a, b) & mask, `見出し:${pair(a, b)}`));
  forEachBigram(body, (a, b) => add(hashPair(NS.body, a, b) & mask, `本文:${pair(a, b)}`));
  const named = namedFeatures(input, keywords, head, body);
  named.annotation.forEach((n) => add(hashString(NS.annotation, n) & mask, n));
  named.handle.forEach((n) => add(hashString(NS.handle, n) & mask, n));
  named.keyword.forEach((n) => add(hashString(NS.keyword, n) & mask, n));
  tags.forEach((t) => add(descriptionBucket(t, options.bits), `説明:${t}`));
  return names;
}

function pair(a: number, b: number): string {
  return String.fromCodePoint(a, b);
}

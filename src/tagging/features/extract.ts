import type { Annotations, Entry } from '../../model/index.js';
import { normaliseForMatch } from '../../text/index.js';
import { hashPair, hashString } from './hashing.js';
import { binaryVector, sumVectors, type SparseVector } from './sparse.js';
import { forEachBigram } from './units.js';
import { annotationFeatures } from './annotation-features.js';

/** What the tagger sees of an entry: its text, and what the annotator found in it. */
export interface FeatureInput {
  entry: Entry;
  /** From the pipeline's annotator; null when the entry was not annotated. */
  annotations: Annotations | null;
}

/** A tag's keywords, already normalised for matching. */
export interface KeywordSet {
  tag: string;
  keywords: readonly string[];
}

/**
 * How features are made. Each group is scaled to its own length so that a thousand text
 * bigrams do not drown the few annotation features.
 */
export interface FeatureOptions {
  /** The hash space is `2 ** bits` buckets. */
  bits: number;
  /** Only the start of a long body is read: news puts what matters first. */
  maxBodyChars: number;
  headScale: number;
  bodyScale: number;
  annotationScale: number;
  handleScale: number;
  keywordScale: number;
  /** The value of a tag's description-probability feature at probability 1 (0: none). */
  descriptionScale: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  bits: 18,
  maxBodyChars: 1500,
  headScale: 0.7,
  bodyScale: 1,
  annotationScale: 0.8,
  handleScale: 0.4,
  keywordScale: 0.6,
  descriptionScale: 1,
};

/** The namespaces of the hashing trick: the same string in two groups is two features. */
export const NS = {
  head: 1,
  body: 2,
  annotation: 3,
  handle: 4,
  keyword: 5,
  description: 6,
} as const;

/**
 * The bucket of a tag's description feature (`desc:露朝`), whose value is the probability the
 * taxonomy's descriptions give that tag.
 *
 * @example
 * descriptionBucket('露朝', 18); // a number below 2 ** 18
 */
export function descriptionBucket(tag: string, bits: number): number {
  return hashString(NS.description, `desc:${tag}`) & (2 ** bits - 1);
}

/** An entry's features: the vector the model scores and compares entries by. */
export interface Features {
  vector: SparseVector;
}

/** An entry's normalised headline and body. */
export interface EntryTexts {
  head: string;
  body: string;
}

// The features, the description words and the background all read the same normalised texts;
// normalising is the costly part, so it is done once per entry (entries are not changed).
const texts = new WeakMap<Entry, EntryTexts & { maxBodyChars: number }>();

/**
 * The normalised texts features are drawn from; summary lines are never among them.
 *
 * @example
 * entryTexts(entry, 1500).head; // 'nato、北欧で大規模演習'
 */
export function entryTexts(entry: Entry, maxBodyChars: number): EntryTexts {
  const known = texts.get(entry);
  if (known && known.maxBodyChars === maxBodyChars) return known;
  const head = entry.post?.text ?? entry.origin?.title ?? '';
  let body = '';
  for (const line of entry.body) {
    if (body.length >= maxBodyChars) break;
    body += `${line}\n`;
  }
  const made = {
    head: normaliseForMatch(head),
    body: normaliseForMatch(body.slice(0, maxBodyChars)),
    maxBodyChars,
  };
  texts.set(entry, made);
  return made;
}

/**
 * Extracts the features of an entry.
 *
 * @example
 * const f = extractFeatures({ entry, annotations }, keywordSets, DEFAULT_FEATURE_OPTIONS);
 * f.vector.idx.length; // a few hundred buckets
 */
export function extractFeatures(
  input: FeatureInput,
  keywords: readonly KeywordSet[],
  options: FeatureOptions,
): Features {
  const mask = 2 ** options.bits - 1;
  const { head, body } = entryTexts(input.entry, options.maxBodyChars);
  const headHashes = bigramHashes(head, NS.head);
  const bodyHashes = bigramHashes(body, NS.body);
  const named = namedFeatures(input, keywords, head, body);
  const groups = [
    binaryVector(bucketsOf(headHashes, mask), options.headScale),
    binaryVector(bucketsOf(bodyHashes, mask), options.bodyScale),
    namedGroup(named.annotation, NS.annotation, mask, options.annotationScale),
    namedGroup(named.handle, NS.handle, mask, options.handleScale),
    namedGroup(named.keyword, NS.keyword, mask, options.keywordScale),
  ];
  return { vector: sumVectors(groups) };
}

/** The named (non-bigram) features of an entry, by group. */
export function namedFeatures(
  input: FeatureInput,
  keywords: readonly KeywordSet[],
  head: string,
  body: string,
): { annotation: string[]; handle: string[]; keyword: string[] } {
  const post = input.entry.post;
  const handle = post ? [`handle:${post.handle.toLowerCase()}`] : [];
  const outlet = input.entry.origin?.outlet;
  if (outlet !== undefined) handle.push(`outlet:${outlet}`);
  const keyword = keywords
    .filter((k) => k.keywords.some((w) => head.includes(w) || body.includes(w)))
    .map((k) => `kw:${k.tag}`);
  const annotation = input.annotations ? annotationFeatures(input.annotations) : [];
  return { annotation, handle, keyword };
}

function namedGroup(
  names: readonly string[],
  ns: number,
  mask: number,
  scale: number,
): SparseVector {
  const buckets = new Uint32Array(names.length);
  names.forEach((n, i) => (buckets[i] = hashString(ns, n) & mask));
  return binaryVector(buckets, scale);
}

/** The full 32-bit hashes of a text's bigrams (duplicates included). */
export function bigramHashes(text: string, ns: number): Uint32Array {
  const out = new Uint32Array(text.length);
  let n = 0;
  forEachBigram(text, (a, b) => (out[n++] = hashPair(ns, a, b)));
  return out.subarray(0, n);
}

function bucketsOf(hashes: Uint32Array, mask: number): Uint32Array {
  const out = new Uint32Array(hashes.length);
  for (let i = 0; i < hashes.length; i += 1) out[i] = (hashes[i] as number) & mask;
  return out;
}

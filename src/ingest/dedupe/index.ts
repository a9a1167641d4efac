/** Dedupe (exact, truncated posts) and near-duplicate story grouping. Pure. */
export { dedupeEntries, type Merge } from './exact.js';
export { entryText, matchKey } from './match-text.js';
export {
  estimateContainment,
  estimateJaccard,
  shingleHashes,
  sketch,
  type Sketch,
} from './minhash.js';
export {
  DEFAULT_STORY_OPTIONS,
  groupStories,
  similar,
  type Story,
  type StoryOptions,
} from './stories.js';
export { UnionFind } from './union-find.js';

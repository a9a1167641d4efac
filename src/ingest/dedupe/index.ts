/** Dedupe (exact, truncated posts) and near-duplicate story grouping. Pure. */
export { dedupeEntries, type Merge } from './exact.js';
export { entryText, isKeyChar, matchKey, matchText } from './match-text.js';
export {
  estimateContainment,
  estimateJaccard,
  keySketch,
  shingleHashes,
  sketch,
  type Sketch,
} from './minhash.js';
export {
  assignStories,
  DEFAULT_STORY_OPTIONS,
  groupStories,
  similar,
  type FiledEntry,
  type SketchCache,
  type Story,
  type StoryAssignment,
  type StoryOptions,
} from './stories.js';
export { UnionFind } from './union-find.js';
export { completeness, identityOf, isCurated, sameItem, type EntryIdentity } from './identity.js';

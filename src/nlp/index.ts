/**
 * The annotation layer: who said what, who and where is mentioned, when, and what could not be
 * verified — pure functions over text plus knowledge loaded once (`loadKnowledge`). Offsets are
 * `[start, end)` UTF-16 code units into the annotated text.
 */
export {
  annotate,
  annotateEntry,
  entryForAnnotation,
  entryText,
  type AnnotatableEntry,
  type AnnotateOptions,
} from './annotate.js';
export { annotateJsonl, type JsonlLine, type JsonlOptions, type JsonlReport } from './jsonl.js';
export { aliasesOf, canonicalName } from './aliases.js';
export { findCaveats } from './caveats/find-caveats.js';
export { resolveDates } from './dates/resolve-dates.js';
export { extractEntities, findMentions, type Mention, type MentionKind } from './entities/index.js';
export { extractQuotes } from './quotes/index.js';
export { classifySource, type SourceHint } from './source/classify-source.js';
export {
  compileKnowledge,
  foldWord,
  loadKnowledge,
  loadKnowledgeSource,
  mergeKnowledge,
  parseKnowledgeFile,
  parseKnowledgeFiles,
  SHIPPED_KNOWLEDGE_DIR,
  type Knowledge,
  type KnowledgeFile,
  type KnowledgeSource,
} from './knowledge/index.js';

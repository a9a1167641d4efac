/** The one place that chains ingest → nlp → tagging → archive → digest. */
export * from './batches.js';
export * from './check-quotes.js';
export * from './compare-proposals.js';
export * from './digest-of-day.js';
export * from './entry-people.js';
export * from './days.js';
export * from './fetch-into-archive.js';
export * from './file-batches.js';
export * from './import-files.js';
export * from './reindex-archive.js';
export * from './relabel-archive.js';
export * from './suggest-lines.js';
export * from './tag-edits.js';
export * from './tag-store.js';
export * from './tag-texts.js';
export * from './tagger.js';
export * from './train-tags.js';

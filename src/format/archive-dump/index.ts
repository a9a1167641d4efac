/**
 * The archive dump (`kirinuki export --format jsonl`): a versioned JSON-lines form of the whole
 * archive — days, entries with where they are filed, stories and what was derived, blog posts —
 * that `kirinuki import` restores, and that moves an archive between backends.
 */
export * from './dump-records.js';
export * from './is-archive-dump.js';
export * from './read-dump-line.js';
export * from './write-dump-line.js';
export * from './text-days-manifest.js';
export * from './day-breaks.js';

/** The one place that chains ingest → nlp → tagging → archive → digest. */
export * from './digest-of-day.js';
export * from './import-clip-files.js';

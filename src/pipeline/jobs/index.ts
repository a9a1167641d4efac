/** The handlers of the queue's jobs: each calls the pipeline function its kind names. */
export * from './annotate-job.js';
export * from './fetch-job.js';
export * from './import-job.js';
export * from './job-context.js';
export * from './rebuild-story-job.js';
export * from './retag-job.js';
export * from './run-job.js';

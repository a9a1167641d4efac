/**
 * The job queue (pg-boss on PostgreSQL): the jobs workers take, their schemas and settings,
 * the connection, and the worker loop. I/O at the pipeline's level; the handlers that do each
 * kind of job are in `pipeline/jobs/`.
 */
export * from './job-queue.js';
export * from './job-schema.js';
export * from './job-settings.js';
export * from './work-jobs.js';

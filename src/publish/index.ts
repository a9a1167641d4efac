/** Publishing: a day's entries rendered as a digest, one file a format. */
export * from './digest-day.js';
export * from './render-digest.js';
export * from './render-digest-text.js';
export * from './story-digest.js';

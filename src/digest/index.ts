/** Publishing: a day's entries rendered as a digest. */
export * from './render-digest-text.js';
export * from './story-digest.js';

/** Publishing: a day's entries rendered as a digest, one file a format. */
export * from './digest-day.js';
export * from './hatena.js';
export * from './json.js';
export * from './markdown.js';
export * from './render-digest.js';
export * from './render-digest-text.js';
export * from './site/index.js';
export * from './story-digest.js';
export * from './html.js';
export * from './html-escape.js';
export * from './html-links.js';
export * from './html-page.js';
export * from './html-post.js';
export * from './html-style.js';
export * from './html-summary.js';
export * from './atom.js';
export * from './atom-id.js';

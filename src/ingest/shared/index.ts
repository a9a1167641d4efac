/** Helpers shared by the importers: ids, diagnostics, charsets, HTML text, dates. */
export * from './charset.js';
export * from './dates.js';
export * from './diagnostics.js';
export * from './entities.js';
export * from './entry-id.js';
export * from './html-text.js';
export * from './markup-tokens.js';
export * from './normalise-long.js';
export * from './xml-items.js';

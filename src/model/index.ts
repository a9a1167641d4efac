/**
 * The data model: types with runtime schemas. Imports nothing from the rest of kirinuki.
 */
export * from './annotation.js';
export * from './diagnostic.js';
export * from './document.js';
export * from './entry.js';
export * from './errors.js';
export * from './origin.js';
export * from './post.js';
export * from './result.js';
export * from './summary-line.js';

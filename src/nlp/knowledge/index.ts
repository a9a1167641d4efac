/** Knowledge as data: schema, merge, compile (pure) and the one loader that reads files. */
export * from './compile.js';
export * from './fold.js';
export * from './load-knowledge.js';
export * from './merge.js';
export * from './parse.js';
export * from './schema.js';
export * from './trie.js';

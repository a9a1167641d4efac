/**
 * Ingest: everything that brings news into kirinuki. One pure importer per source kind —
 * post embeds, feeds, article pages, Telegram exports, blog archives, pastes — each from
 * bytes or text to `{ entries, diagnostics }`; the fetch edge (safe HTTP) and the feed
 * watcher; and dedupe and story grouping. See README.md in this folder.
 */
export * from './article/index.js';
export * from './blog-archive/index.js';
export * from './dedupe/index.js';
export * from './embed/index.js';
export * from './feed/index.js';
export * from './fetch/index.js';
export * from './paste/index.js';
export * from './readable.js';
export * from './shared/index.js';
export * from './telegram/index.js';
export * from './watch/index.js';
export {
  detectImportFormat,
  importBytes,
  type ImportBytesResult,
  type ImportFormat,
  type ImportOptions,
} from './import-bytes.js';
export type {
  ArchivedDocument,
  BlogImportResult,
  ClipParser,
  ImportResult,
  ProgressListener,
} from './types.js';

/**
 * kirinuki's library API: the data model, the clip-document format, the archive and the
 * pipeline functions the CLI is built from.
 *
 * @example
 * import { parseClipDocument, openSqliteArchive, importFiles } from 'kirinuki';
 */
export * from './model/index.js';
export * from './format/index.js';
export * from './text/index.js';
export * from './archive/index.js';
export * from './publish/index.js';
export * from './pipeline/index.js';
export { run, processIo, type CliIo } from './cli/index.js';

/**
 * The archive: every entry ever imported, searchable. `openSqliteArchive` is the embedded
 * default; other backends implement the same `Archive` interface and pass the contract suite.
 */
export * from './archive.js';
export { dataDirectory, defaultArchivePath } from './default-path.js';
export { entrySearchText, entrySections, type EntrySections } from './fulltext/entry-text.js';
export { makeSnippet, type SnippetOptions } from './fulltext/snippet.js';
export { isIsoDate, parseQuery } from './query/parse-query.js';
export * from './query/query-ast.js';
export { MIGRATIONS, type Migration } from './sqlite/migrations.js';
export { openSqliteArchive, type SqliteArchiveOptions } from './sqlite/sqlite-archive.js';
export {
  EntryVersionConflict,
  isPostgresUrl,
  migratePostgresArchive,
  openPostgresArchive,
  PgConnectError,
  redactArchiveUrl,
  type PostgresArchive,
  type PostgresArchiveOptions,
} from './postgres/postgres-archive.js';
export * from './postgres/accounts-api.js';
export {
  dropPostgresSchema,
  replacePostgresContents,
  type ReplacedContents,
} from './postgres/replace-contents.js';
export {
  dropBackupDocuments,
  readBackupDocuments,
  writeBackupDocuments,
  type NamedDocuments,
} from './backup-documents.js';
export { StoredDocuments, type StoredDocument } from './postgres/stored-documents.js';

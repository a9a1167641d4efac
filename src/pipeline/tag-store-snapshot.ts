import { rmSync } from 'node:fs';
import { readBackupDocuments, writeBackupDocuments } from '../archive/index.js';
import { err, ok, type Diagnostic, type Result } from '../model/index.js';
import { parseSummaryStyle, parseTagModel, parseTaxonomy } from '../tagging/index.js';
import { DOCUMENT_NAMES } from './database-tag-documents.js';
import { TAG_DOCUMENT_KINDS, writeAtomic, type TagDocumentKind } from './tag-documents.js';
import { tagDocuments, type TagStorePaths } from './tag-store.js';

/**
 * The documents of a tag store at one moment, as texts by kind — what a backup or an archive
 * dump carries so that the taxonomy, the learned tag model and the learned style travel with
 * the entries. A kind that is absent was never written.
 */
export type TagStoreSnapshot = Partial<Record<TagDocumentKind, string>>;

/** How each document is named to a curator. */
const DOCUMENT_WORDS: Record<TagDocumentKind, string> = {
  taxonomy: 'taxonomy',
  model: 'tag model',
  style: 'summary-line style',
};

/**
 * The documents of the archive's tag store, read together: for a PostgreSQL archive in one
 * transaction with their rows locked, so a lesson being written meanwhile is in all of them or
 * none (files are read as they are).
 *
 * @example
 * readTagStoreSnapshot(tagStorePaths('/data/archive.db')); // { taxonomy: '{…}', model: '{…}' }
 */
export function readTagStoreSnapshot(paths: TagStorePaths): TagStoreSnapshot {
  const docs = tagDocuments(paths);
  return docs.locked(() => {
    const snapshot: TagStoreSnapshot = {};
    for (const kind of TAG_DOCUMENT_KINDS) {
      const text = docs.read(kind);
      if (text !== null) snapshot[kind] = text;
    }
    return snapshot;
  });
}

/**
 * Whether each document of a snapshot reads as what it is (a taxonomy, a tag model, a style):
 * the same checks as when the store is used, so a restore never installs a store that every
 * later command would refuse. `origin` names where the snapshot came from, for the message.
 *
 * @example
 * checkTagStoreSnapshot({ model: '{"broken"' }, 'backup.db');
 * // { ok: false, error: "the tag model of backup.db cannot be read: …" }
 */
export function checkTagStoreSnapshot(
  snapshot: TagStoreSnapshot,
  origin: string,
): Result<TagStoreSnapshot, string> {
  for (const kind of TAG_DOCUMENT_KINDS) {
    const text = snapshot[kind];
    if (text === undefined) continue;
    const problem = documentProblem(kind, text);
    if (problem !== null)
      return err(`the ${DOCUMENT_WORDS[kind]} of ${origin} cannot be read: ${problem}`);
  }
  return ok(snapshot);
}

/**
 * Writes a snapshot into a backup file (`kirinuki backup`), under the names the documents have
 * in a PostgreSQL archive's database.
 *
 * @example
 * writeTagStoreToBackup('/backups/2024-03-06.db.partial', readTagStoreSnapshot(paths));
 */
export function writeTagStoreToBackup(file: string, snapshot: TagStoreSnapshot): void {
  const documents: Record<string, string> = {};
  for (const kind of TAG_DOCUMENT_KINDS) {
    const text = snapshot[kind];
    if (text !== undefined) documents[DOCUMENT_NAMES[kind]] = text;
  }
  writeBackupDocuments(file, documents);
}

/**
 * The tag store a backup file carries, checked (`checkTagStoreSnapshot`); null for a backup
 * that carries none (written by a kirinuki from before backups held the tag store). A document
 * of a name this kirinuki does not know is refused: it would be lost. `name` is how messages
 * call the file (a checked copy is read under the name of the backup it copies).
 *
 * @example
 * readTagStoreOfBackup('archive-2024-03-06.db'); // { ok: true, value: { taxonomy: '{…}' } }
 */
export function readTagStoreOfBackup(
  file: string,
  name: string = file,
): Result<TagStoreSnapshot | null, string> {
  const documents = readBackupDocuments(file);
  if (documents === null) return ok(null);
  const snapshot: TagStoreSnapshot = {};
  const known = new Set<string>();
  for (const kind of TAG_DOCUMENT_KINDS) {
    known.add(DOCUMENT_NAMES[kind]);
    const text = documents[DOCUMENT_NAMES[kind]];
    if (text !== undefined) snapshot[kind] = text;
  }
  const unknown = Object.keys(documents).filter((name) => !known.has(name));
  if (unknown.length > 0)
    return err(
      `${name} holds documents this kirinuki does not know (${unknown.join(', ')}): written by a newer kirinuki?`,
    );
  return checkTagStoreSnapshot(snapshot, name);
}

/**
 * The documents of the archive's store that making `snapshot` the store would change or
 * remove: what a restore without `--force` must not overwrite.
 *
 * @example
 * changedTagDocuments(paths, { taxonomy: sameText }); // ['model'] when a model was trained
 */
export function changedTagDocuments(
  paths: TagStorePaths,
  snapshot: TagStoreSnapshot,
): TagDocumentKind[] {
  const docs = tagDocuments(paths);
  return TAG_DOCUMENT_KINDS.filter((kind) => {
    const text = docs.read(kind);
    return text !== null && text !== snapshot[kind];
  });
}

/**
 * Makes a snapshot the store of a SQLite archive (its files): each document written whole
 * (`writeAtomic`), each the snapshot lacks removed — the restored archive never had it.
 *
 * @example
 * replaceTagFiles(tagStorePaths('/data/archive.db'), snapshot);
 */
export function replaceTagFiles(paths: TagStorePaths, snapshot: TagStoreSnapshot): void {
  for (const kind of TAG_DOCUMENT_KINDS) {
    const text = snapshot[kind];
    if (text === undefined) rmSync(paths[kind], { force: true });
    else writeAtomic(paths[kind], text);
  }
}

/**
 * A snapshot as the documents a PostgreSQL archive's database is to hold, by their names there:
 * a text, or null to clear a document the snapshot does not have.
 *
 * @example
 * databaseDocuments({ taxonomy: text }); // { taxonomy: text, 'tag-model': null, 'summary-style': null }
 */
export function databaseDocuments(snapshot: TagStoreSnapshot): Record<string, string | null> {
  const documents: Record<string, string | null> = {};
  for (const kind of TAG_DOCUMENT_KINDS) documents[DOCUMENT_NAMES[kind]] = snapshot[kind] ?? null;
  return documents;
}

/**
 * Files the documents of an archive dump into the archive's store as `import` files entries:
 * a document the store does not have is written, one it holds already is left, and one where
 * the store has its own, different text keeps the store's — never overwritten by an import —
 * with a warning saying so. A document that does not read as what it is, is an error and not
 * written. One read-modify-write under the store's lock.
 *
 * @example
 * mergeDumpTagDocuments(paths, { taxonomy: text }, 'archive.jsonl'); // [] when written
 */
export function mergeDumpTagDocuments(
  paths: TagStorePaths,
  snapshot: TagStoreSnapshot,
  file: string,
): { written: TagDocumentKind[]; diagnostics: Diagnostic[] } {
  const docs = tagDocuments(paths);
  const written: TagDocumentKind[] = [];
  const diagnostics: Diagnostic[] = [];
  const kinds = TAG_DOCUMENT_KINDS.filter((kind) => snapshot[kind] !== undefined);
  if (kinds.length === 0) return { written, diagnostics };
  docs.locked(() => {
    for (const kind of kinds) {
      const text = snapshot[kind] as string;
      const problem = documentProblem(kind, text);
      if (problem !== null) {
        diagnostics.push({
          severity: 'error',
          file,
          message: `pipeline: the dump's ${DOCUMENT_WORDS[kind]} cannot be read (${problem}); not filed`,
        });
        continue;
      }
      const held = docs.read(kind);
      if (held === text) continue;
      if (held !== null) {
        diagnostics.push({
          severity: 'warning',
          file,
          message: `pipeline: the archive has a ${DOCUMENT_WORDS[kind]} of its own (${docs.where(kind)}), unlike the dump's: kept the archive's (restore a backup to replace a whole archive)`,
        });
        continue;
      }
      docs.write(kind, text);
      written.push(kind);
    }
  });
  return { written, diagnostics };
}

/**
 * Names documents for a message: `taxonomy, tag model`.
 *
 * @example
 * tagDocumentWords(['model', 'style']); // 'tag model, summary-line style'
 */
export function tagDocumentWords(kinds: readonly TagDocumentKind[]): string {
  return kinds.map((k) => DOCUMENT_WORDS[k]).join(', ');
}

/** Why a document's text is not the document it should be, or null when it is. */
function documentProblem(kind: TagDocumentKind, text: string): string | null {
  if (kind === 'taxonomy') {
    const r = parseTaxonomy(text);
    return r.ok ? null : r.error.map((d) => d.message).join('; ');
  }
  const r = kind === 'model' ? parseTagModel(text) : parseSummaryStyle(text);
  return r.ok ? null : r.error.message;
}

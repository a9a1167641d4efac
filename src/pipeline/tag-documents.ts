import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The three documents of an archive's tag store. */
export type TagDocumentKind = 'taxonomy' | 'model' | 'style';

/** Every kind, in the order a key of the store lists them. */
export const TAG_DOCUMENT_KINDS: readonly TagDocumentKind[] = ['model', 'style', 'taxonomy'];

/** Each document's version as a text, or null for one never written: see `versions`. */
export type TagDocumentVersions = Record<TagDocumentKind, string | null>;

/**
 * Where the tag store's documents are read and written, the same for both archive backends:
 * files beside a SQLite archive, rows of a PostgreSQL archive's database (so every server and
 * worker of a team shares one taxonomy, model and style). Texts only: parsing and rendering
 * stay in `tag-store.ts`, so both keep byte for byte the same documents.
 */
export interface TagDocuments {
  /** The document's text, or null when it was never written. */
  read(kind: TagDocumentKind): string | null;
  /** Replaces the document's text; a reader sees the old or the new text, never a mix. */
  write(kind: TagDocumentKind, text: string): void;
  /**
   * Runs a read-modify-write: in a database, one transaction with the documents' rows locked,
   * so another process's change waits and neither is lost.
   */
  locked<T>(work: () => T): T;
  /** What changes when a document is written, for a reader that keeps what it parsed. */
  versions(): TagDocumentVersions;
  /** The document's place, for messages: a file path, or the database and the document. */
  where(kind: TagDocumentKind): string;
}

/**
 * The documents as files at the given paths (a SQLite archive's store, and a taxonomy file a
 * curator names). A file that does not exist is a document never written.
 *
 * @example
 * new TagFiles({ taxonomy: '/d/taxonomy.json', model: '/d/a.db.tag-model.json', style: '/d/a.db.style.json' }).read('model');
 */
export class TagFiles implements TagDocuments {
  constructor(private readonly paths: Readonly<Record<TagDocumentKind, string>>) {}

  read(kind: TagDocumentKind): string | null {
    const path = this.paths[kind];
    return existsSync(path) ? readFileSync(path, 'utf8') : null;
  }

  write(kind: TagDocumentKind, text: string): void {
    writeAtomic(this.paths[kind], text);
  }

  /** Files have no lock: one process at a time teaches a SQLite archive's store, as before. */
  locked<T>(work: () => T): T {
    return work();
  }

  versions(): TagDocumentVersions {
    return {
      taxonomy: fileVersion(this.paths.taxonomy),
      model: fileVersion(this.paths.model),
      style: fileVersion(this.paths.style),
    };
  }

  where(kind: TagDocumentKind): string {
    return this.paths[kind];
  }
}

/**
 * A file's time and size, or null when it is not there.
 *
 * @example
 * fileVersion('/data/archive.db.tag-model.json'); // '1733475200000.123:48213'
 */
export function fileVersion(path: string): string | null {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return null;
  }
}

/**
 * Writes a file so that a reader sees the old or the new content, never half of it: a
 * temporary file beside it, then a rename over it. Creates the directory if need be.
 *
 * @example
 * writeAtomic('/data/archive.db.style.json', '{"contexts":{}}\n');
 */
export function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

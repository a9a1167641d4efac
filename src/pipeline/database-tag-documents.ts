import { existsSync, readFileSync, renameSync } from 'node:fs';
import { redactArchiveUrl, StoredDocuments } from '../archive/index.js';
import {
  fileVersion,
  TAG_DOCUMENT_KINDS,
  type TagDocumentKind,
  type TagDocuments,
  type TagDocumentVersions,
  writeAtomic,
} from './tag-documents.js';

/** The documents' names in the database's `kirinuki_documents` (and in a backup file). */
export const DOCUMENT_NAMES: Readonly<Record<TagDocumentKind, string>> = {
  taxonomy: 'taxonomy',
  model: 'tag-model',
  style: 'summary-style',
};

/** What a file left behind after its move into the database is renamed to. */
export const MOVED_SUFFIX = '.moved-to-database';

/**
 * One connection per database and process, whichever command or server route asks: a
 * workbench asks for the store's versions on every suggestion.
 */
const connections = new Map<string, StoredDocuments>();

export interface DatabaseTagDocumentsOptions {
  /** A taxonomy file named by the curator: read and written as a file. */
  taxonomyFile: string | null;
  /** Told what moving this machine's files in did. */
  notify: (message: string) => void;
}

/**
 * The tag store of a PostgreSQL archive: its documents in the archive's database
 * (`StoredDocuments`), shared by every server and worker of a team. A taxonomy file the curator
 * names (`--taxonomy`) stays that file.
 *
 * On first use in a process, the files this machine kept before (`files`: the data directory's
 * `postgres/<host>_<port>_<db>/`) are moved in: each is written to the database unless the
 * database already has that document (another machine moved its own first), then renamed with
 * `.moved-to-database`, so the move happens once; `notify` says what was done.
 *
 * @example
 * const docs = new DatabaseTagDocuments(url, paths, { taxonomyFile: null, notify: console.error });
 */
export class DatabaseTagDocuments implements TagDocuments {
  // Private fields (#), not properties: the URL may hold a password, and a store is part of
  // `TagStorePaths`, which is logged and compared as a plain object.
  readonly #url: string;
  readonly #files: Readonly<Record<TagDocumentKind, string>>;
  readonly #options: DatabaseTagDocumentsOptions;
  #opened: StoredDocuments | null = null;

  /**
   * @param files where this machine kept the documents before they moved into the database
   */
  constructor(
    url: string,
    files: Readonly<Record<TagDocumentKind, string>>,
    options: DatabaseTagDocumentsOptions,
  ) {
    this.#url = url;
    this.#files = files;
    this.#options = options;
  }

  read(kind: TagDocumentKind): string | null {
    const file = this.fileOf(kind);
    if (file !== null) return existsSync(file) ? readFileSync(file, 'utf8') : null;
    return this.documents().read(DOCUMENT_NAMES[kind])?.body ?? null;
  }

  write(kind: TagDocumentKind, text: string): void {
    const file = this.fileOf(kind);
    if (file !== null) {
      writeAtomic(file, text);
      return;
    }
    this.documents().write(DOCUMENT_NAMES[kind], text);
  }

  locked<T>(work: () => T): T {
    const names = TAG_DOCUMENT_KINDS.filter((k) => this.fileOf(k) === null).map(
      (k) => DOCUMENT_NAMES[k],
    );
    return this.documents().locked(names, work);
  }

  versions(): TagDocumentVersions {
    const stored = this.documents().versions();
    const version = (kind: TagDocumentKind): string | null => {
      const file = this.fileOf(kind);
      if (file !== null) return fileVersion(file);
      const v = stored[DOCUMENT_NAMES[kind]];
      return v === undefined ? null : `v${v}`;
    };
    return { taxonomy: version('taxonomy'), model: version('model'), style: version('style') };
  }

  where(kind: TagDocumentKind): string {
    return (
      this.fileOf(kind) ??
      `${redactArchiveUrl(this.#url)} (document '${DOCUMENT_NAMES[kind]}' of kirinuki_documents)`
    );
  }

  private fileOf(kind: TagDocumentKind): string | null {
    return kind === 'taxonomy' ? this.#options.taxonomyFile : null;
  }

  /** The database's documents, opened (and this machine's old files moved in) on first use. */
  private documents(): StoredDocuments {
    if (this.#opened) return this.#opened;
    let docs = connections.get(this.#url);
    if (!docs) {
      docs = StoredDocuments.open(this.#url);
      connections.set(this.#url, docs);
    }
    this.#opened = docs;
    this.moveFilesIn(docs);
    return docs;
  }

  private moveFilesIn(docs: StoredDocuments): void {
    for (const kind of TAG_DOCUMENT_KINDS) {
      if (this.fileOf(kind) !== null) continue;
      const file = this.#files[kind];
      if (!existsSync(file)) continue;
      const name = DOCUMENT_NAMES[kind];
      const wrote = docs.writeIfAbsent(name, readFileSync(file, 'utf8'));
      const kept = `${file}${MOVED_SUFFIX}`;
      try {
        renameSync(file, kept);
      } catch (e) {
        // Another process on this machine moved it in the meantime: nothing left to do.
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      this.#options.notify(
        wrote
          ? `tags: moved ${file} into the database (document '${name}'): every server and worker of the archive now shares it; the file is kept as ${kept}`
          : `tags: the database already holds a ${name} (another machine moved its own first): ${file} was not used and is kept as ${kept}`,
      );
    }
  }
}

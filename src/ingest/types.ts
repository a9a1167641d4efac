import type { Diagnostic, Document, Entry } from '../model/index.js';

/**
 * What every importer returns: the entries it could read and a diagnostic for each thing it
 * could not, naming the file and the line or byte offset. One bad item never loses the rest.
 */
export interface ImportResult {
  entries: Entry[];
  diagnostics: Diagnostic[];
}

/** A blog-archive post read as a clip document, with the day it was published. */
export interface ArchivedDocument {
  /** Publication day `YYYY-MM-DD`, when the post had a date. */
  day: string | undefined;
  title: string | undefined;
  url: string | undefined;
  document: Document;
}

/** Blog archives also give back each post as a document, so digests keep their tag lines. */
export interface BlogImportResult extends ImportResult {
  documents: ArchivedDocument[];
}

/** The clip-document parser the blog-archive importer reads each post body with. */
export type ClipParser = (text: string) => { document: Document; diagnostics: Diagnostic[] };

/** Progress of a long import, for a progress bar: `done` of `total` units (posts, bytes). */
export type ProgressListener = (done: number, total: number) => void;

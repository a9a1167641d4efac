import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataDirectory, isPostgresUrl } from '../archive/index.js';
import { err, KirinukiError, ok, type Diagnostic, type Result } from '../model/index.js';
import {
  emptyTaxonomy,
  parseSummaryStyle,
  parseWritingRules,
  parseTagModel,
  parseTaxonomy,
  renderTaxonomy,
  serialiseTagModel,
  type Glossary,
  type SummaryStyle,
  type TagModel,
  type Taxonomy,
  type WritingRules,
} from '../tagging/index.js';
import { DatabaseTagDocuments } from './database-tag-documents.js';
import {
  TAG_DOCUMENT_KINDS,
  TagFiles,
  writeAtomic,
  type TagDocumentKind,
  type TagDocuments,
  type TagDocumentVersions,
} from './tag-documents.js';

export { TAG_DOCUMENT_KINDS, writeAtomic };
export type { TagDocumentKind, TagDocuments, TagDocumentVersions };

/**
 * Where the tagging state of an archive lives: the curator's taxonomy (`taxonomy.json` beside
 * the archive unless chosen), and the trained model and learned style beside the archive file
 * (`<db>.tag-model.json`, `<db>.style.json`). A PostgreSQL archive keeps them in its database
 * (`database`), shared by every server and worker; its paths are then the data directory's
 * files this machine kept before, moved into the database on first use.
 */
export interface TagStorePaths {
  taxonomy: string;
  model: string;
  style: string;
  /** The archive's database, for a PostgreSQL archive; absent: the files at the paths. */
  database?: TagDocuments;
}

/**
 * @example
 * tagStorePaths('/data/archive.db');
 * // { taxonomy: '/data/taxonomy.json', model: '/data/archive.db.tag-model.json', style: '/data/archive.db.style.json' }
 * tagStorePaths('postgres://kirinuki@db/news', undefined, dataDirectory(), (m) => io.stderr.write(`${m}\n`));
 * // { …the data directory's postgres/db_5432_news/ files, database: the documents of `news` }
 */
export function tagStorePaths(
  archivePath: string,
  taxonomyPath?: string,
  dataDir: string = dataDirectory(),
  // A library default: the CLI and the server pass their own output.
  notify: (message: string) => void = (m) => void process.stderr.write(`${m}\n`),
): TagStorePaths {
  // A server archive (postgres://…) has no folder beside it: its files were kept under this
  // machine's data directory, in a folder named after the database (never a relative
  // "postgres:" path); that folder still holds what is not shared (the sources file).
  const server = isPostgresUrl(archivePath);
  const base = server
    ? join(dataDir, 'postgres', serverArchiveFolder(archivePath), 'archive')
    : archivePath;
  const paths = {
    taxonomy: taxonomyPath ?? join(dirname(base), 'taxonomy.json'),
    model: `${base}.tag-model.json`,
    style: `${base}.style.json`,
  };
  if (!server) return paths;
  const database = new DatabaseTagDocuments(archivePath.trim(), paths, {
    taxonomyFile: taxonomyPath ?? null,
    notify,
  });
  return { ...paths, database };
}

/**
 * The documents of a tag store: the archive's database for a PostgreSQL archive, else the
 * files at its paths.
 *
 * @example
 * tagDocuments(tagStorePaths('/data/archive.db')).where('model'); // '/data/archive.db.tag-model.json'
 */
export function tagDocuments(paths: TagStorePaths): TagDocuments {
  return paths.database ?? new TagFiles(paths);
}

/**
 * Runs a read-modify-write of the tag store (learning, a taxonomy edit) so that another
 * process doing the same at once loses nothing: for a PostgreSQL archive one transaction with
 * the documents' rows locked; for files, as it is.
 *
 * @example
 * withTagStoreLocked(paths, () => writeStoredTagModel(paths, learn(readStoredTagModel(paths))));
 */
export function withTagStoreLocked<T>(paths: TagStorePaths, work: () => T): T {
  return tagDocuments(paths).locked(work);
}

/**
 * Each stored document's version (null for one never written): compared by a reader that kept
 * a tagger, to know another process changed it.
 *
 * @example
 * tagStoreVersions(paths).model; // 'v7' in a database, '1733475200000.123:48213' for a file
 */
export function tagStoreVersions(paths: TagStorePaths): TagDocumentVersions {
  return tagDocuments(paths).versions();
}

/**
 * Where a document of the store is, for messages (`train: model …`).
 *
 * @example
 * tagStoreLocation(paths, 'style'); // '/data/archive.db.style.json'
 */
export function tagStoreLocation(paths: TagStorePaths, kind: TagDocumentKind): string {
  return tagDocuments(paths).where(kind);
}

/**
 * The store's taxonomy; one never written is an empty taxonomy.
 *
 * @example
 * readStoredTaxonomy(paths); // { ok: true, value: { version: 1, tags: [...] } }
 */
export function readStoredTaxonomy(paths: TagStorePaths): Result<Taxonomy, Diagnostic[]> {
  const docs = tagDocuments(paths);
  const text = docs.read('taxonomy');
  return text === null ? ok(emptyTaxonomy()) : parseTaxonomy(text, docs.where('taxonomy'));
}

/**
 * The store's model, or null when none has been trained yet.
 *
 * @example
 * readStoredTagModel(paths); // { ok: true, value: null } before `kirinuki train`
 */
export function readStoredTagModel(paths: TagStorePaths): Result<TagModel | null, Diagnostic> {
  const docs = tagDocuments(paths);
  const text = docs.read('model');
  if (text === null) return ok(null);
  const r = parseTagModel(text);
  return r.ok ? r : err({ ...r.error, file: docs.where('model') });
}

/**
 * The store's learned style, or null when none has been learned yet.
 *
 * @example
 * readStoredSummaryStyle(paths); // { ok: true, value: { contexts: {…}, … } }
 */
export function readStoredSummaryStyle(
  paths: TagStorePaths,
): Result<SummaryStyle | null, Diagnostic> {
  const docs = tagDocuments(paths);
  const text = docs.read('style');
  if (text === null) return ok(null);
  const r = parseSummaryStyle(text);
  return r.ok ? r : err({ ...r.error, file: docs.where('style') });
}

/**
 * Stores the taxonomy, as `writeTaxonomy` renders it.
 *
 * @example
 * writeStoredTaxonomy(paths, edit.value.taxonomy);
 */
export function writeStoredTaxonomy(paths: TagStorePaths, taxonomy: Taxonomy): void {
  tagDocuments(paths).write('taxonomy', renderTaxonomy(taxonomy));
}

/**
 * Stores the model, as `writeTagModel` serialises it.
 *
 * @example
 * writeStoredTagModel(paths, trained.model);
 */
export function writeStoredTagModel(paths: TagStorePaths, model: TagModel): void {
  tagDocuments(paths).write('model', serialiseTagModel(model));
}

/**
 * Stores the learned style, as `writeSummaryStyle` writes it.
 *
 * @example
 * writeStoredSummaryStyle(paths, trained.style);
 */
export function writeStoredSummaryStyle(paths: TagStorePaths, style: SummaryStyle): void {
  tagDocuments(paths).write('style', styleText(style));
}

/** `host_port_db` of a connection string (no user or password), safe as a folder name. */
function serverArchiveFolder(url: string): string {
  let name = 'database';
  try {
    // Without its user and password: `postgres://user@/db` (a socket) is no WHATWG URL.
    const u = new URL(url.replace(/\/\/[^/@]*@/, '//'));
    const host = u.searchParams.get('host') ?? (u.hostname || 'localhost');
    const port = u.searchParams.get('port') ?? (u.port || '5432');
    name = `${basename(host)}_${port}_${decodeURIComponent(u.pathname.slice(1)) || 'postgres'}`;
  } catch {
    // An unparsable URL cannot be opened anyway; the generic name keeps paths valid.
  }
  return name.replace(/[^\p{L}\p{N}._-]/gu, '_');
}

/**
 * The taxonomy file; a file that does not exist yet is an empty taxonomy.
 *
 * @example
 * readTaxonomy('/data/taxonomy.json'); // { ok: true, value: { version: 1, tags: [...] } }
 */
export function readTaxonomy(path: string): Result<Taxonomy, Diagnostic[]> {
  if (!existsSync(path)) return ok(emptyTaxonomy());
  return parseTaxonomy(readFileSync(path, 'utf8'), path);
}

// `data/tagging/glossary.json` at the package root: two directories up from src/pipeline and
// dist/pipeline, three from the CLI bundle's chunks.
const GLOSSARY_CANDIDATES = [
  '../../data/tagging/glossary.json',
  '../../../data/tagging/glossary.json',
];

/**
 * The shipped English–Japanese glossary that lets tag descriptions written in English find
 * Japanese text; empty when the file is not there (descriptions then work by their Japanese
 * words alone). A malformed file is an error, not silently ignored.
 *
 * @example
 * readGlossary()['drone']; // ['ドローン', '無人機']
 */
export function readGlossary(path?: string): Glossary {
  const found =
    path ??
    GLOSSARY_CANDIDATES.map((c) => fileURLToPath(new URL(c, import.meta.url))).find((c) =>
      existsSync(c),
    );
  if (found === undefined || !existsSync(found)) return {};
  const json: unknown = JSON.parse(readFileSync(found, 'utf8'));
  const terms = (json as { terms?: unknown }).terms;
  if (typeof terms !== 'object' || terms === null)
    throw new Error(`tagging: ${found}: a glossary needs a "terms" object`);
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(terms))
    if (Array.isArray(v))
      out[k.toLowerCase()] = v.filter((x): x is string => typeof x === 'string');
  return out;
}

// `data/tagging/writing.json` at the package root, found as the glossary is.
const WRITING_CANDIDATES = [
  '../../data/tagging/writing.json',
  '../../../data/tagging/writing.json',
];

/**
 * The summary-line writer's words (`data/tagging/writing.json`, or the lexicon at `path`):
 * report openers, references, connectives, spokesperson titles, country initials, glued
 * organisations, compiled for the writer, which reads no files. The shipped file is part of
 * kirinuki: a missing or malformed one is an error, not a writer that silently knows nothing.
 *
 * @example
 * proposeSummaryLine(entry, annotations, '露朝', readWritingRules(), style);
 */
export function readWritingRules(path?: string): WritingRules {
  const found =
    path ??
    WRITING_CANDIDATES.map((c) => fileURLToPath(new URL(c, import.meta.url))).find((c) =>
      existsSync(c),
    );
  if (found === undefined)
    throw new KirinukiError('pipeline', 'tagging: data/tagging/writing.json is missing');
  let text: string;
  try {
    text = readFileSync(found, 'utf8');
  } catch (e) {
    throw new KirinukiError('pipeline', `cannot read ${found}`, { cause: e });
  }
  const r = parseWritingRules(text);
  if (!r.ok) throw new KirinukiError('pipeline', `${found}: ${r.error.message}`);
  return r.value;
}

/**
 * The model file, or null when none has been trained yet.
 *
 * @example
 * readTagModel('/data/archive.db.tag-model.json'); // { ok: true, value: null } before `train`
 */
export function readTagModel(path: string): Result<TagModel | null, Diagnostic> {
  if (!existsSync(path)) return ok(null);
  const r = parseTagModel(readFileSync(path, 'utf8'));
  return r.ok ? r : err({ ...r.error, file: path });
}

/**
 * The style file, or null when none has been learned yet.
 *
 * @example
 * readSummaryStyle('/data/archive.db.style.json'); // { ok: true, value: { contexts: {…}, … } }
 */
export function readSummaryStyle(path: string): Result<SummaryStyle | null, Diagnostic> {
  if (!existsSync(path)) return ok(null);
  const r = parseSummaryStyle(readFileSync(path, 'utf8'));
  return r.ok ? r : err({ ...r.error, file: path });
}

/**
 * Writes a taxonomy file.
 *
 * @example
 * writeTaxonomy('/data/taxonomy.json', taxonomy);
 */
export function writeTaxonomy(path: string, taxonomy: Taxonomy): void {
  writeAtomic(path, renderTaxonomy(taxonomy));
}

/**
 * Writes a model file.
 *
 * @example
 * writeTagModel('/data/archive.db.tag-model.json', model);
 */
export function writeTagModel(path: string, model: TagModel): void {
  writeAtomic(path, serialiseTagModel(model));
}

/**
 * Writes a style file.
 *
 * @example
 * writeSummaryStyle('/data/archive.db.style.json', style);
 */
export function writeSummaryStyle(path: string, style: SummaryStyle): void {
  writeAtomic(path, styleText(style));
}

function styleText(style: SummaryStyle): string {
  return `${JSON.stringify(style)}\n`;
}

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

/**
 * Where the tagging state of an archive lives: the curator's taxonomy (`taxonomy.json` beside
 * the archive unless chosen), and the trained model and learned style beside the archive file
 * (`<db>.tag-model.json`, `<db>.style.json`).
 */
export interface TagStorePaths {
  taxonomy: string;
  model: string;
  style: string;
}

/**
 * @example
 * tagStorePaths('/data/archive.db');
 * // { taxonomy: '/data/taxonomy.json', model: '/data/archive.db.tag-model.json', style: '/data/archive.db.style.json' }
 */
export function tagStorePaths(
  archivePath: string,
  taxonomyPath?: string,
  dataDir: string = dataDirectory(),
): TagStorePaths {
  // A server archive (postgres://…) has no folder beside it: its files go under this machine's
  // data directory, in a folder named after the database (never a relative "postgres:" path).
  const base = isPostgresUrl(archivePath)
    ? join(dataDir, 'postgres', serverArchiveFolder(archivePath), 'archive')
    : archivePath;
  return {
    taxonomy: taxonomyPath ?? join(dirname(base), 'taxonomy.json'),
    model: `${base}.tag-model.json`,
    style: `${base}.style.json`,
  };
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

/** The taxonomy file; a file that does not exist yet is an empty taxonomy. */
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

/** The stored model, or null when none has been trained yet. */
export function readTagModel(path: string): Result<TagModel | null, Diagnostic> {
  if (!existsSync(path)) return ok(null);
  const r = parseTagModel(readFileSync(path, 'utf8'));
  return r.ok ? r : err({ ...r.error, file: path });
}

/** The stored style, or null when none has been learned yet. */
export function readSummaryStyle(path: string): Result<SummaryStyle | null, Diagnostic> {
  if (!existsSync(path)) return ok(null);
  const r = parseSummaryStyle(readFileSync(path, 'utf8'));
  return r.ok ? r : err({ ...r.error, file: path });
}

export function writeTaxonomy(path: string, taxonomy: Taxonomy): void {
  writeAtomic(path, renderTaxonomy(taxonomy));
}

export function writeTagModel(path: string, model: TagModel): void {
  writeAtomic(path, serialiseTagModel(model));
}

export function writeSummaryStyle(path: string, style: SummaryStyle): void {
  writeAtomic(path, `${JSON.stringify(style)}\n`);
}

/**
 * Writes a file so that a reader sees the old or the new content, never half of it: a
 * temporary file beside it, then a rename over it. Creates the directory if need be.
 */
export function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

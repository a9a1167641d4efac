import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseSourcesFile, type WatchSource } from '../ingest/index.js';
import { err, ok, type Diagnostic, type Result } from '../model/index.js';
import { tagStorePaths } from './tag-store.js';

/** The sources file `kirinuki watch` reads, as a list with what its reader found. */
export interface WatchSourcesList {
  /** The file's path. */
  file: string;
  sources: WatchSource[];
  /** Lines the reader skipped or warned about, with their line numbers. */
  diagnostics: Diagnostic[];
}

/** Why a change to the sources file was refused. */
export type WatchSourceEditFailure =
  | { kind: 'invalid'; field: 'url' | 'name'; message: string }
  | { kind: 'duplicate'; message: string }
  | { kind: 'missing'; message: string };

/**
 * The sources file of an archive: `sources.txt` beside it, unless a path is given.
 *
 * @example
 * watchSourcesPath('/data/archive.db'); // '/data/sources.txt'
 * watchSourcesPath('postgres://k@db/k'); // '~/.local/share/kirinuki/postgres/db_5432_k/sources.txt'
 */
export function watchSourcesPath(archivePath: string, given?: string): string {
  // Beside the tag files: the archive file's folder, or for a server archive (postgres://…)
  // its folder in this machine's data directory — never a relative path made of the URL.
  return given ?? join(dirname(tagStorePaths(archivePath).model), 'sources.txt');
}

/**
 * Reads a sources file with the reader `watch` uses; a file that does not exist yet lists
 * nothing.
 *
 * @example
 * readWatchSources('/data/sources.txt').sources; // [{ url: 'https://example.jp/rss', name: '例新聞' }]
 */
export function readWatchSources(file: string): WatchSourcesList {
  const parsed = parseSourcesFile(readText(file), file);
  return { file, sources: parsed.sources, diagnostics: parsed.diagnostics };
}

/**
 * Appends a feed to a sources file as one line, `URL NAME`, keeping every other line (comments
 * too) as it was. The line is read back by `watch`'s own reader before it is written: a URL it
 * would skip is refused, and so is a URL the file already lists.
 *
 * @example
 * const r = addWatchSource('/data/sources.txt', { url: 'https://example.jp/rss', name: '例新聞' });
 * if (r.ok) r.value.sources.length; // one more than before
 */
export function addWatchSource(
  file: string,
  source: WatchSource,
): Result<WatchSourcesList, WatchSourceEditFailure> {
  const url = source.url.trim();
  const name = (source.name ?? '').replace(/\s+/g, ' ').trim();
  if (/\s/.test(url) || url === '')
    return err({ kind: 'invalid', field: 'url', message: 'pipeline: a feed URL has no spaces' });
  if (name.startsWith('#'))
    return err({ kind: 'invalid', field: 'name', message: 'pipeline: a name cannot start with #' });
  const line = name === '' ? url : `${url} ${name}`;
  const alone = parseSourcesFile(line, file);
  const refused = alone.diagnostics.find((d) => d.severity === 'error');
  if (refused || alone.sources.length !== 1)
    return err({
      kind: 'invalid',
      field: 'url',
      message: `pipeline: ${refused?.message ?? `"${url}" is not an http(s) URL`}`,
    });
  const before = readText(file);
  const kept = before === '' || before.endsWith('\n') ? before : `${before}\n`;
  const after = parseSourcesFile(`${kept}${line}\n`, file);
  if (after.sources.length === parseSourcesFile(before, file).sources.length)
    return err({ kind: 'duplicate', message: `pipeline: ${url} is already watched` });
  writeAtomically(file, `${kept}${line}\n`);
  return ok({ file, sources: after.sources, diagnostics: after.diagnostics });
}

/**
 * Removes a feed from a sources file: every line listing the same URL (as `watch` compares
 * them) goes, every other line stays as it was.
 *
 * @example
 * const r = removeWatchSource('/data/sources.txt', 'https://example.jp/rss');
 * if (!r.ok) r.error.kind; // 'missing' when the file did not list it
 */
export function removeWatchSource(
  file: string,
  url: string,
): Result<WatchSourcesList, WatchSourceEditFailure> {
  if (/\s/.test(url.trim()) || parseSourcesFile(url.trim(), file).sources.length !== 1)
    return err({
      kind: 'invalid',
      field: 'url',
      message: `pipeline: "${url}" is not an http(s) URL`,
    });
  const text = readText(file);
  const lines = text.split(/(?<=\n)/);
  const kept = lines.filter((l) => !listsSameFeed(l, url.trim(), file));
  if (kept.length === lines.length)
    return err({ kind: 'missing', message: `pipeline: ${url} is not in ${file}` });
  writeAtomically(file, kept.join(''));
  return ok(readWatchSources(file));
}

/** Whether a line of the file lists the feed `url`: the reader takes the pair as one feed. */
function listsSameFeed(line: string, url: string, file: string): boolean {
  const one = parseSourcesFile(line, file);
  if (one.sources.length !== 1) return false;
  return parseSourcesFile(`${line.trimEnd()}\n${url}`, file).sources.length === 1;
}

function readText(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** Written to a temporary file and renamed, so `watch` never reads half a file. */
function writeAtomically(file: string, text: string): void {
  // A PostgreSQL archive's folder in the data directory exists only once something is kept in it.
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { err, ok, type Diagnostic, type Result } from '../../model/index.js';

/** The file in the site's directory that records what the last build wrote. */
export const SITE_MANIFEST = '.kirinuki-site.json';

/** What the manifest records of each file of the site. */
export interface ManifestFile {
  /** The hash of everything the file was made from. */
  hash: string;
  /** When it was last written, `YYYY-MM-DD`. */
  written: string;
}

/** `.kirinuki-site.json`: the files the last build produced and what each was made from. */
export interface SiteManifest {
  version: number;
  files: Record<string, ManifestFile>;
}

const MANIFEST_VERSION = 1;

/**
 * The files of one build of the site: each file the build produces is put with the hash of its
 * inputs, and written only when that hash differs from the last build's (or the file is gone);
 * `finish` then removes the files the last build wrote and this one did not, and records the
 * manifest. Files the builder never wrote are never touched.
 *
 * @example
 * const files = SiteFiles.open('site', { today: '2024-03-09', full: false });
 * if (files.ok) {
 *   files.value.put('index.html', hash, () => renderIndexPage(input, site));
 *   files.value.finish(); // removes what is no longer produced, writes the manifest
 * }
 */
export class SiteFiles {
  private readonly current: Record<string, ManifestFile> = {};
  readonly written: string[] = [];
  unchanged = 0;

  private constructor(
    private readonly dir: string,
    private readonly previous: Record<string, ManifestFile>,
    private readonly today: string,
    private readonly full: boolean,
  ) {}

  /**
   * Opens a site directory for a build: a new or empty directory, or one a build wrote before
   * (it has the manifest). Any other directory is refused, so that a mistyped path never has
   * its files mixed with or removed by the site's.
   */
  static open(
    dir: string,
    options: { today: string; full: boolean },
  ): Result<SiteFiles, Diagnostic> {
    const manifestPath = join(dir, SITE_MANIFEST);
    if (existsSync(dir) && !statSync(dir).isDirectory())
      return err({ severity: 'error', message: `site: ${dir} is a file, not a directory` });
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    if (!existsSync(manifestPath)) {
      if (readdirSync(dir).length > 0)
        return err({
          severity: 'error',
          message: `site: ${dir} is not empty and holds no site kirinuki built (no ${SITE_MANIFEST}); give a new or empty directory`,
        });
      return ok(new SiteFiles(dir, {}, options.today, options.full));
    }
    const manifest = readManifest(manifestPath);
    if (manifest === null)
      return err({
        severity: 'error',
        message: `site: ${manifestPath} is not a kirinuki site manifest; remove the directory or give another`,
      });
    return ok(new SiteFiles(dir, manifest.files, options.today, options.full));
  }

  /**
   * Puts one file of the site: written (atomically, through a temporary file) unless the last
   * build wrote it from the same inputs and it is still there.
   */
  put(path: string, hash: string, render: () => string | Uint8Array): void {
    const before = this.previous[path];
    const target = join(this.dir, path);
    if (!this.full && before?.hash === hash && existsSync(target)) {
      this.current[path] = before;
      this.unchanged += 1;
      return;
    }
    writeAtomically(target, render());
    this.current[path] = { hash, written: this.today };
    this.written.push(path);
  }

  /** Whether the last build wrote `path` from inputs of this hash (and it is still there). */
  isCurrent(path: string, hash: string): boolean {
    return !this.full && this.previous[path]?.hash === hash && existsSync(join(this.dir, path));
  }

  /** The paths under a directory (`search/2024-03.ab12/`) that the last build wrote. */
  previousUnder(prefix: string): string[] {
    return Object.keys(this.previous).filter((p) => p.startsWith(prefix));
  }

  /** When a file put in this build was last written, `YYYY-MM-DD`. */
  writtenOn(path: string): string | undefined {
    return this.current[path]?.written;
  }

  /** Every path put so far, in the order put. */
  paths(): string[] {
    return Object.keys(this.current);
  }

  /**
   * Removes what the last build wrote and this one did not (and directories left empty by
   * that), then records this build's manifest. Returns the removed paths.
   */
  finish(): string[] {
    const removed = Object.keys(this.previous).filter((p) => !(p in this.current));
    for (const path of removed) {
      rmSync(join(this.dir, path), { force: true });
      removeEmptyParents(this.dir, path);
    }
    const manifest: SiteManifest = { version: MANIFEST_VERSION, files: this.current };
    writeAtomically(join(this.dir, SITE_MANIFEST), `${JSON.stringify(manifest)}\n`);
    return removed;
  }
}

/**
 * The manifest at `path`, or null when it is none. A manifest of another version still says
 * which files are the site's (to be removed when no longer produced), but none of its hashes
 * is trusted: every file is written again.
 */
function readManifest(path: string): SiteManifest | null {
  let value: Partial<SiteManifest>;
  try {
    value = JSON.parse(readFileSync(path, 'utf8')) as Partial<SiteManifest>;
  } catch {
    return null;
  }
  if (typeof value.files !== 'object' || value.files === null) return null;
  const trusted = value.version === MANIFEST_VERSION;
  const files: Record<string, ManifestFile> = {};
  // The manifest is a file anyone who can write the site folder can edit: a path in it that
  // leads out of the folder (`../notes.txt`, `/home/…`) is never the site's, so it is dropped
  // rather than removed by `finish`.
  for (const [p, f] of Object.entries(value.files))
    if (isSitePath(p)) files[p] = trusted ? f : { hash: '', written: f.written };
  return { version: MANIFEST_VERSION, files };
}

/**
 * Whether a manifest path names a file inside the site folder: relative, in `/` form, with no
 * `.`/`..` segment, backslash or NUL.
 *
 * @example
 * isSitePath('day/2024-03-04.html'); // true
 * isSitePath('../victim.txt'); // false
 */
export function isSitePath(path: string): boolean {
  if (path === '' || path.includes('\\') || path.includes('\0')) return false;
  if (posix.isAbsolute(path) || /^[A-Za-z]:/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

function writeAtomically(target: string, content: string | Uint8Array): void {
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, target);
}

function removeEmptyParents(root: string, path: string): void {
  for (let dir = dirname(path); dir !== '.' && dir !== ''; dir = dirname(dir)) {
    const full = join(root, dir);
    if (!existsSync(full) || readdirSync(full).length > 0) return;
    rmdirSync(full);
  }
}

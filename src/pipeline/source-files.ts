import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Diagnostic, type Result } from '../model/index.js';
import type { LazySourceFile } from './import-files.js';

/**
 * The files an import of `path` reads, as `kirinuki import` takes them: a file as it is, a
 * directory as the files in it (sorted, hidden ones left out). Their bytes are read when the
 * import comes to them.
 *
 * @example
 * const r = sourceFilesAt('samples');
 * if (r.ok) await importFilesInSteps(archive, r.value, { today });
 */
export function sourceFilesAt(path: string): Result<LazySourceFile[], Diagnostic> {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    return err({ severity: 'error', file: path, message: `pipeline: no such file: ${path}` });
  }
  const names = isDirectory
    ? readdirSync(path, { withFileTypes: true })
        .filter((d) => d.isFile() && !d.name.startsWith('.'))
        .map((d) => join(path, d.name))
        .sort()
    : [path];
  return ok(names.map((name) => ({ name, read: () => readFileSync(name) })));
}

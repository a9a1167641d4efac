import { closeSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { KirinukiError } from '../model/index.js';
import type { BlockSpill } from './fulltext/dense-set-builder.js';

/**
 * A spill for the dense sets' blocks (`fulltext/dense-set-builder.ts`) in a temporary file in
 * `dir`: what `optimize()` builds stays on disk, not in memory, until it is stored. The file is
 * removed as soon as it is open, so nothing is left behind if the process dies; its space is
 * freed when `close()` closes it.
 *
 * @example
 * const spill = fileBlockSpill(dirname(archivePath));
 * const at = spill.put(bytes);
 * spill.get(at); // bytes
 * spill.close();
 */
export function fileBlockSpill(dir: string): BlockSpill {
  const path = join(dir, `.kirinuki-dense-${process.pid}-${Date.now()}.tmp`);
  const fd = openSync(path, 'wx+', 0o600);
  let removed = true;
  try {
    unlinkSync(path);
  } catch {
    // A platform that cannot remove an open file: removed at close.
    removed = false;
  }
  /** Offset and length of each block put, by its number. */
  const where: number[] = [];
  let end = 0;
  let open = true;
  return {
    put(bytes) {
      let written = 0;
      while (written < bytes.length)
        written += writeSync(fd, bytes, written, bytes.length - written, end + written);
      where.push(end, bytes.length);
      end += bytes.length;
      return where.length / 2 - 1;
    },
    get(at) {
      const offset = where[2 * at];
      const length = where[2 * at + 1];
      if (offset === undefined || length === undefined)
        throw new KirinukiError('archive', `no spilled block ${at} in ${path}`);
      const out = Buffer.alloc(length);
      let read = 0;
      while (read < length) {
        const n = readSync(fd, out, read, length - read, offset + read);
        if (n === 0)
          throw new KirinukiError(
            'archive',
            `spilled block ${at} in ${path} cut short at ${read} bytes`,
          );
        read += n;
      }
      return out;
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
      if (!removed) rmSync(path, { force: true });
    },
  };
}

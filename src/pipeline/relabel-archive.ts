import type { Archive } from '../archive/index.js';
import type { Entry } from '../model/index.js';
import { relabelEntry, type Relabelling } from '../tagging/index.js';

// Rewritten entries are written this many at a time, so memory stays flat on a large archive.
const CHUNK = 1000;

/**
 * Rewrites every stored entry whose summary lines carry a relabelled tag (a rename or merge):
 * the line's `raw` gets the new tag, everything else byte for byte. Written in transactions of
 * a thousand entries; relabelling is idempotent, so running it again after an interruption
 * finishes the job. Returns how many entries changed.
 *
 * @example
 * relabelArchive(archive, { 露斯: '露イラン' }); // 12
 */
export function relabelArchive(archive: Archive, relabelling: Relabelling): number {
  let changed = 0;
  let pending: Entry[] = [];
  const flush = (): void => {
    if (pending.length > 0) changed += archive.updateEntries(pending);
    pending = [];
  };
  for (const { entry } of archive.allEntries()) {
    const next = relabelEntry(entry, relabelling);
    if (next === entry) continue;
    pending.push(next);
    if (pending.length >= CHUNK) flush();
  }
  flush();
  return changed;
}

import type { Database } from 'better-sqlite3';

/**
 * Sets numeric pragmas of a connection for a while (a bulk pass: an import, `optimize()`) and
 * returns what puts back the values they had.
 *
 * @example
 * const restore = setPragmas(db, { cache_size: -16 * 1024, mmap_size: 0 });
 * try { pass(); } finally { restore(); }
 */
export function setPragmas(db: Database, values: Readonly<Record<string, number>>): () => void {
  const before = Object.keys(values).map(
    (name) => [name, db.pragma(name, { simple: true }) as number] as const,
  );
  for (const [name, value] of Object.entries(values)) db.pragma(`${name} = ${value}`);
  return () => {
    for (const [name, value] of before) db.pragma(`${name} = ${value}`);
  };
}

/**
 * The page cache of a bulk pass, in KiB (negative, as `cache_size` takes it): 16 MiB. A pass
 * reads or writes each page about once, so a larger cache only holds memory: the default 64 MiB
 * made `optimize()` no faster (20,000 and 100,000 entries) and an import no faster.
 */
export const BULK_CACHE_KIB = -16 * 1024;

/** `temp_store` for temporary tables and journals in files (the OS caches them, not the process). */
export const TEMP_STORE_FILE = 1;

/**
 * Pragmas set while any of several passes that may overlap is under way — streams over every
 * entry, which a caller can interleave — and put back when the last one ends (or is abandoned
 * with `return()`, as `for … of` does on `break`).
 *
 * @example
 * const scans = new SharedPragmas(db, { mmap_size: 0 });
 * for (const row of scans.during(pages())) write(row);
 */
export class SharedPragmas {
  private holders = 0;
  private restore: (() => void) | null = null;

  constructor(
    private readonly db: Database,
    private readonly values: Readonly<Record<string, number>>,
  ) {}

  /** The items, with the pragmas set from the first one asked for until the last. */
  *during<T>(items: Iterable<T>): Generator<T, void, undefined> {
    if (this.holders === 0) this.restore = setPragmas(this.db, this.values);
    this.holders += 1;
    try {
      yield* items;
    } finally {
      this.holders -= 1;
      if (this.holders === 0) {
        if (this.db.open) this.restore?.();
        this.restore = null;
      }
    }
  }
}

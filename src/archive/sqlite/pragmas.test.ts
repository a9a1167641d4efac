import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BULK_CACHE_KIB, setPragmas, SharedPragmas, TEMP_STORE_FILE } from './pragmas.js';

describe('pragmas set for a bulk pass', () => {
  it('sets each value and puts back what the connection had', () => {
    const db = new Database(':memory:');
    try {
      db.pragma('cache_size = -65536');
      db.pragma('wal_autocheckpoint = 1000');
      db.pragma('temp_store = MEMORY');
      const restore = setPragmas(db, {
        cache_size: BULK_CACHE_KIB,
        wal_autocheckpoint: 10_000,
        temp_store: TEMP_STORE_FILE,
      });
      expect(db.pragma('cache_size', { simple: true })).toBe(BULK_CACHE_KIB);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
      expect(db.pragma('temp_store', { simple: true })).toBe(TEMP_STORE_FILE);
      restore();
      expect(db.pragma('cache_size', { simple: true })).toBe(-65536);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      // MEMORY.
      expect(db.pragma('temp_store', { simple: true })).toBe(2);
    } finally {
      db.close();
    }
  });
});

describe('pragmas shared by overlapping streams', () => {
  it('are set from the first item asked for until the last stream ends or is left', () => {
    const db = new Database(':memory:');
    try {
      db.pragma('cache_size = -65536');
      const shared = new SharedPragmas(db, { cache_size: BULK_CACHE_KIB });
      const cache = (): unknown => db.pragma('cache_size', { simple: true });
      const a = shared.during([1, 2, 3]);
      expect(cache()).toBe(-65536);
      expect(a.next().value).toBe(1);
      expect(cache()).toBe(BULK_CACHE_KIB);
      // A second stream, interleaved: the values stay until both are done.
      const b = shared.during(['x', 'y']);
      expect(b.next().value).toBe('x');
      expect([...a]).toEqual([2, 3]);
      expect(cache()).toBe(BULK_CACHE_KIB);
      b.return();
      expect(cache()).toBe(-65536);
      // Left early, as `break` leaves it.
      for (const n of shared.during([1, 2, 3])) if (n === 2) break;
      expect(cache()).toBe(-65536);
    } finally {
      db.close();
    }
  });
});

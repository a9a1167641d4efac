import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BULK_CACHE_KIB, setPragmas, TEMP_STORE_FILE } from './pragmas.js';

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

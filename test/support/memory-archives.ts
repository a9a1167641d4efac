import { afterEach } from 'vitest';
import { openSqliteArchive, type Archive } from '../../src/archive/index.js';

/**
 * For a test file: a function that opens a fresh in-memory SQLite archive, every one of them
 * closed after each test.
 *
 * @example
 * const open = memoryArchives();
 * it('…', () => { const archive = open(); … });
 */
export function memoryArchives(): () => Archive {
  const opened: Archive[] = [];
  afterEach(() => {
    for (const a of opened.splice(0)) a.close();
  });
  return () => {
    const a = openSqliteArchive(':memory:');
    opened.push(a);
    return a;
  };
}

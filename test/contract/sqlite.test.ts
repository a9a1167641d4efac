import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openSqliteArchive } from '../../src/archive/index.js';
import { runArchiveContract } from './archive-contract.js';

runArchiveContract('sqlite in memory', () => openSqliteArchive(':memory:'));

// The same on disk (WAL journal, file-backed pages), a fresh file per archive.
const dir = mkdtempSync(join(tmpdir(), 'kirinuki-contract-'));
let n = 0;
runArchiveContract('sqlite file', () => openSqliteArchive(join(dir, `archive-${(n += 1)}.db`)));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

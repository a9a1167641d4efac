/**
 * The archive contract: what every backend (SQLite now, PostgreSQL later) must do, as one
 * suite. A backend's test file calls `runArchiveContract('sqlite', () => openSqliteArchive(…))`.
 */
import { afterEach, describe } from 'vitest';
import type { Archive } from '../../src/archive/index.js';
import { curateContract } from './contract-curate.js';
import { dumpContract } from './contract-dump.js';
import { importContract } from './contract-import.js';
import { nameTagCountsContract } from './contract-name-tag-counts.js';
import { peopleContract } from './contract-people.js';
import { propertyContract } from './contract-properties.js';
import { publishedContract } from './contract-published.js';
import { queryContract } from './contract-query.js';
import { rankingContract } from './contract-ranking.js';
import { searchContract } from './contract-search.js';
import { storiesContract } from './contract-stories.js';
import { updateContract } from './contract-update.js';

/** Opens a fresh, empty archive for one test. */
export type OpenArchive = () => Archive;

/** Hands out archives and closes them after each test. */
export interface ArchiveFixture {
  open: () => Archive;
}

export function runArchiveContract(name: string, open: OpenArchive): void {
  describe(`archive contract: ${name}`, () => {
    const opened: Archive[] = [];
    afterEach(() => {
      for (const a of opened.splice(0)) a.close();
    });
    const fixture: ArchiveFixture = {
      open: () => {
        const a = open();
        opened.push(a);
        return a;
      },
    };
    importContract(fixture);
    searchContract(fixture);
    queryContract(fixture);
    propertyContract(fixture);
    updateContract(fixture);
    peopleContract(fixture);
    storiesContract(fixture);
    publishedContract(fixture);
    nameTagCountsContract(fixture);
    curateContract(fixture);
    dumpContract(fixture);
    rankingContract(fixture);
  });
}

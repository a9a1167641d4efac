import type { Database } from 'better-sqlite3';
import { KirinukiError } from '../../model/index.js';
import { NORMALISATION_VERSION, normaliseForMatch } from '../../text/index.js';
import { entryIndexText } from './import-batch.js';
import { decodeEntryDoc } from './entry-docs.js';
import { FulltextRows } from './fulltext-rows.js';
import { dropDenseSets } from './dense-terms.js';

// Archives written before the version was recorded were normalised by version 1.
const UNRECORDED = 1;
// Entries read per statement: better-sqlite3 cannot write while a SELECT is being iterated.
const PAGE = 1000;

/** The normalisation version the archive's index and normalised names were built with. */
export function storedNormalisation(db: Database): number {
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'normalisation'`).get() as
    { value: number } | undefined;
  return row === undefined ? UNRECORDED : Number(row.value);
}

/**
 * Brings what the archive stores normalised — the full-text rows, the total indexed length
 * BM25 averages over, and the normalised names of tags and persons — up to the current
 * `normaliseForMatch` (src/text's NORMALISATION_VERSION), in one transaction, so that queries
 * normalised by the current rules meet the text. Stored entries are never changed. Does
 * nothing when the archive is current; costs one pass over every entry when it is not.
 *
 * @example
 * renormalise(db); // after migrate(db), on a writable archive
 */
export function renormalise(db: Database): void {
  if (storedNormalisation(db) === NORMALISATION_VERSION) return;
  try {
    // IMMEDIATE, and checked again inside: another process opening the archive at the same
    // moment may have done it already (a deferred transaction would fail SQLITE_BUSY_SNAPSHOT
    // on its first write).
    db.transaction(() => {
      if (storedNormalisation(db) === NORMALISATION_VERSION) return;
      const page = db.prepare(
        'SELECT e.rowid AS rowid, d.doc AS doc FROM entries e JOIN entry_docs d ON d.entry = e.rowid WHERE e.rowid > ? ORDER BY e.rowid LIMIT ?',
      );
      const fulltext = new FulltextRows(db);
      let total = 0;
      for (let last = 0; ;) {
        const rows = page.all(last, PAGE) as { rowid: number; doc: unknown }[];
        if (rows.length === 0) break;
        for (const { rowid, doc } of rows) {
          const t = entryIndexText(decodeEntryDoc(doc));
          fulltext.unindex(rowid);
          fulltext.index(rowid, t);
          total += t.length;
          last = rowid;
        }
      }
      db.prepare(`UPDATE meta SET value = ? WHERE key = 'fulltext_length'`).run(total);
      // The dense terms' sets were found in text normalised by the old rules.
      dropDenseSets(db);
      for (const [table, column] of [
        ['tags', 'tag'],
        ['persons', 'name'],
      ] as const) {
        const update = db.prepare(`UPDATE ${table} SET norm = ? WHERE id = ?`);
        const names = db.prepare(`SELECT id, ${column} AS name FROM ${table}`).all() as {
          id: number;
          name: string;
        }[];
        for (const { id, name } of names) update.run(normaliseForMatch(name), id);
      }
      db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('normalisation', ?)`).run(
        NORMALISATION_VERSION,
      );
    }).immediate();
  } catch (e) {
    throw new KirinukiError('archive', 'normalising the search index again failed', { cause: e });
  }
}

/** For a read-only archive, which cannot be brought up to date: it must already be. */
export function checkNormalisation(db: Database): void {
  const stored = storedNormalisation(db);
  if (stored !== NORMALISATION_VERSION)
    throw new KirinukiError(
      'archive',
      `the search index was normalised by rules version ${stored}, this kirinuki uses ${NORMALISATION_VERSION}; open it writable once to update it`,
    );
}

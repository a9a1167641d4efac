import type { Database, Statement } from 'better-sqlite3';
import { indexRuns, runTokens } from '../fulltext/bigram-tokens.js';
import { termMatch } from '../fulltext/term-match.js';

/**
 * Full-text expressions that find at least every entry of a tag, so that a search can hand
 * the tag to FTS5 along with its words.
 *
 * A summary line is `#Tag(content)`, and every line is indexed, so every entry tagged 露朝
 * holds the bigrams of `#露朝(`: the phrase, and each of its tokens — the first, `#露`, and
 * the last, `朝(`, are rare, since `#` and `(` seldom frame a word outside a tag line. Given
 * such a token and the query's words, FTS5 walks their position lists together and skips
 * what cannot match: `-ロシア tag:中東` then reads the 3 % of the archive tagged 中東 instead
 * of listing the 99 % that mention ロシア, and `ロシア tag:NATO` visits the 6 % tagged NATO
 * instead of every entry with ロシア. The tag itself is still checked on every candidate; the
 * expression only narrows. Of the first token, the last and the whole phrase, the one with
 * the fewest matches is used (a single token is also cheaper to walk than a phrase).
 *
 * That every tagged entry matches holds when each summary line's text contains its tag, as
 * it does for every parsed line. The archive does not enforce it (an `Entry` built by hand
 * may carry any tag), so it is checked, once per tag and version of the database: the tag's
 * entries that match the expression are counted against all of them. A tag that fails the
 * check is simply not narrowed.
 */
export class TagSupersets {
  private readonly checked: VersionedCache<string | null>;
  private readonly covered: Statement;
  private readonly tagged: Statement;

  /** `estimate`: roughly how many entries an FTS5 expression matches. */
  constructor(
    db: Database,
    private readonly estimate: (fts: string) => number,
  ) {
    this.checked = new VersionedCache(db);
    this.covered = db
      .prepare(
        `SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?
         AND +entries_fts.rowid IN (SELECT entry FROM entry_tags WHERE tag IN (SELECT id FROM tags WHERE norm = ?))`,
      )
      .pluck();
    this.tagged = db
      .prepare(
        'SELECT count(DISTINCT entry) FROM entry_tags WHERE tag IN (SELECT id FROM tags WHERE norm = ?)',
      )
      .pluck();
  }

  /**
   * An FTS5 expression matched by every entry with the tag whose normalised form is `norm`,
   * or `null` when there is none or it does not hold for this archive.
   *
   * @example
   * supersets.of('露朝'); // '"\uE023露"' (the token `#露`) or '"朝\uE028"' (`朝(`)
   */
  of(norm: string): string | null {
    return this.checked.get(norm, () => this.check(norm));
  }

  private check(norm: string): string | null {
    // The line holds the tag as the archive normalised it, between `#` and `(`: the phrase
    // must normalise to exactly that, or the text of the line might not contain it.
    const framed = `#${norm}(`;
    const m = termMatch(framed);
    // (`#` and `(` make it at least three characters: a phrase of the text table.)
    if (m.fts === null || m.table !== 'text' || m.normalised !== framed) return null;
    const runs = indexRuns(framed);
    const candidates = [m.fts];
    if (runs.length === 1) {
      const bigrams = runTokens(runs[0] as string[]).slice(0, -1);
      candidates.unshift(`"${bigrams[0]}"`, `"${bigrams[bigrams.length - 1]}"`);
    }
    let fts = candidates[0] as string;
    let fewest = Infinity;
    for (const c of candidates) {
      const n = this.estimate(c);
      if (n < fewest) [fts, fewest] = [c, n];
    }
    const all = this.tagged.get(norm) as number;
    return all > 0 && (this.covered.get(fts, norm) as number) === all ? fts : null;
  }
}

/**
 * Values computed from the database, forgotten as soon as it changes: through this
 * connection (`total_changes()`) or another one (`PRAGMA data_version`). At most `size` are
 * kept.
 */
export class VersionedCache<T> {
  private readonly values = new Map<string, T>();
  private version = '';
  private readonly changes: Statement;
  private readonly dataVersion: Statement;

  constructor(
    db: Database,
    private readonly size = 256,
  ) {
    this.changes = db.prepare('SELECT total_changes()').pluck();
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
  }

  get(key: string, compute: () => T): T {
    const version = `${this.dataVersion.get() as number}:${this.changes.get() as number}`;
    if (version !== this.version) {
      this.values.clear();
      this.version = version;
    }
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = compute();
    if (this.values.size >= this.size) this.values.clear();
    this.values.set(key, value);
    return value;
  }
}

import { DistinctTokens } from '../fulltext/distinct-tokens.js';
import { DISTINCT_TEXT_HASH_BYTES, type FulltextRows, type IndexRow } from './fulltext-rows.js';

/** Tokens of index text in each window the switch judges. */
export const WINDOW_TOKENS = 65_536;

/**
 * One window judged in this many: reading every token cost an import of news 10 % more CPU
 * (137,000 clips: 31–32 s → 35 s); after a judged window, the next ones' worth of text
 * (about three units of token text a token) is passed over.
 */
export const JUDGED_EVERY = 16;
const SKIPPED_UNITS = (JUDGED_EVERY - 1) * WINDOW_TOKENS * 3;

/**
 * Share of a window's tokens that are distinct above which its text counts as nearly all new
 * pairs. Measured on windows of 65,536 tokens: generated news 0.02–0.04, the 200 real news
 * excerpts of `../shared/real` 0.19, a paste of random kana and kanji 0.70.
 */
export const DISTINCT_SHARE = 0.5;

/**
 * Chooses FTS5's `hashsize` for the text table while a transaction writes its rows: the
 * archive's own (32 MiB) for text whose pairs of characters recur, as news does, and FTS5's
 * default 1 MiB for text whose pairs are nearly all new (`DISTINCT_TEXT_HASH_BYTES` says why).
 * It reads the rows' tokens in windows of {@link WINDOW_TOKENS} — the first, then one in
 * {@link JUDGED_EVERY} — estimates how many of each window's tokens are distinct
 * (`DistinctTokens`), and sets the size the window calls for, for the rows after it. `finish`
 * puts the archive's size back before the transaction commits.
 *
 * @example
 * const hash = new TextHashSwitch(rows);
 * for (const [rowid, row] of pending) { hash.read(row); rows.index(rowid, row); }
 * hash.finish();
 */
export class TextHashSwitch {
  private readonly sketch = new DistinctTokens();
  /** The archive's size while the small one is set; `null` while the archive's is. */
  private archives: number | null = null;
  /** Units of token text still to pass over before the next window. */
  private skip = 0;

  constructor(private readonly rows: FulltextRows) {}

  /** Reads a row's tokens; at the end of a window, sets the size it calls for. */
  read(row: IndexRow): void {
    if (this.skip > 0) {
      this.skip -= row.body.length + row.post.length + row.summary.length;
      return;
    }
    this.sketch.add(row.body);
    this.sketch.add(row.post);
    this.sketch.add(row.summary);
    if (this.sketch.tokens < WINDOW_TOKENS) return;
    const distinct = this.sketch.estimate() > DISTINCT_SHARE * this.sketch.tokens;
    this.sketch.reset();
    this.skip = SKIPPED_UNITS;
    if (distinct && this.archives === null)
      this.archives = this.rows.textHashBytes(DISTINCT_TEXT_HASH_BYTES);
    else if (!distinct && this.archives !== null) this.finish();
  }

  /** Whether the small size is set now. */
  get small(): boolean {
    return this.archives !== null;
  }

  /** Puts the archive's size back, if the small one was set. */
  finish(): void {
    if (this.archives === null) return;
    this.rows.textHashBytes(this.archives);
    this.archives = null;
  }
}

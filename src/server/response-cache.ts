import { statSync } from 'node:fs';
import { isPostgresUrl } from '../archive/index.js';

/**
 * Answers of the read routes that cost the most (search, people, a tag), kept until the
 * archive changes: the same search or page asked again — paging back, a facet undone, several
 * curators on one archive — is answered from memory. The archive's "version" is read from its
 * files (the database and its write-ahead log change on every commit, by this server or by a
 * `kirinuki import` in another process) — for PostgreSQL, from where the database's write-ahead
 * log stands — and from a count of this server's own writes, so no answer outlives a change. At most `size` answers are kept, the least recently used dropped.
 */
export class ResponseCache {
  private readonly answers = new Map<string, unknown>();
  private readonly texts = new Map<string, string>();
  private readonly sizes = new Map<string, number>();
  private version = '';
  private writes = 0;
  /** Versions handed out for a server archive without a change mark: each one new. */
  private unmarked = 0;

  /**
   * `changeMark`: for a server archive (postgres://…), which has no files to watch, a value
   * that moves whenever anything is committed to its database (`AccountStore.changeMark`);
   * without one, an answer is never kept from one request to the next.
   */
  constructor(
    private readonly archivePath: string,
    private readonly size = 500,
    private readonly changeMark?: () => string,
  ) {}

  /**
   * The answer kept for `key` (`kept: true`), or `compute()`, kept for next time.
   *
   * @example
   * const { value } = cache.remember(`search ${q} ${limit} ${offset}`, () => run(q));
   */
  remember<T>(key: string, compute: () => T): { value: T; kept: boolean } {
    this.sync();
    if (this.answers.has(key)) {
      const kept = this.answers.get(key) as T;
      touch(this.answers, key, kept);
      return { value: kept, kept: true };
    }
    const value = compute();
    keep(this.answers, key, value, this.size);
    return { value, kept: false };
  }

  /**
   * The JSON text answered for a GET (its path and query), while the archive is unchanged: a
   * repeated read is sent as it was, without a query, a card or a JSON.stringify.
   *
   * @example
   * const text = cache.keptText('/api/days'); // null the first time
   */
  keptText(key: string): string | null {
    this.sync();
    const text = this.texts.get(key);
    if (text === undefined) return null;
    touch(this.texts, key, text);
    return text;
  }

  /**
   * Keeps the JSON text of a GET's answer, as `keptText` gives it back. Call it only with a
   * version read before the answer was computed (`versionNow`), so an answer made while a
   * write landed is not kept for the new archive.
   *
   * @example
   * const v = cache.versionNow(); const text = answer(); cache.keepText('/api/days', text, v);
   */
  keepText(key: string, text: string, version: string): void {
    this.sync();
    if (version === this.version) keep(this.texts, key, text, this.size);
  }

  /** The archive's version now (the answers kept are cleared if it moved). */
  versionNow(): string {
    this.sync();
    return this.version;
  }

  /**
   * How many entries each story holds, as far as asked since the archive last changed: filled
   * by the card views (one `entriesOfStory` a story), cleared with the answers. At most 50,000.
   *
   * @example
   * cardViews(archive, stored, cache.storySizes());
   */
  storySizes(): Map<string, number> {
    this.sync();
    if (this.sizes.size > 50_000) this.sizes.clear();
    return this.sizes;
  }

  /** Marks a write by this server (an archive in memory has no files to tell). */
  changed(): void {
    this.writes += 1;
  }

  /** Clears what was kept when the archive's version moved. */
  private sync(): void {
    const version = this.currentVersion();
    if (version === this.version) return;
    this.answers.clear();
    this.texts.clear();
    this.sizes.clear();
    this.version = version;
  }

  private currentVersion(): string {
    if (isPostgresUrl(this.archivePath))
      return `${this.changeMark?.() ?? `unmarked ${++this.unmarked}`}|${this.writes}`;
    return [this.archivePath, `${this.archivePath}-wal`]
      .map((p) => {
        try {
          const s = statSync(p, { bigint: true });
          return `${s.mtimeNs}:${s.size}`;
        } catch {
          return '-';
        }
      })
      .concat(String(this.writes))
      .join('|');
  }
}

/** Marks a kept answer as the most recently used. */
function touch<T>(map: Map<string, T>, key: string, value: T): void {
  map.delete(key);
  map.set(key, value);
}

/** Keeps an answer, dropping the least recently used beyond `size`. */
function keep<T>(map: Map<string, T>, key: string, value: T, size: number): void {
  map.set(key, value);
  if (map.size > size) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
}

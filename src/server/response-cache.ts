import { statSync } from 'node:fs';

/**
 * Answers of the read routes that cost the most (search, people, a tag), kept until the
 * archive changes: the same search or page asked again — paging back, a facet undone, several
 * curators on one archive — is answered from memory. The archive's "version" is read from its
 * files (the database and its write-ahead log change on every commit, by this server or by a
 * `kirinuki import` in another process) and from a count of this server's own writes, so no
 * answer outlives a change. At most `size` answers are kept, the least recently used dropped.
 */
export class ResponseCache {
  private readonly answers = new Map<string, unknown>();
  private version = '';
  private writes = 0;

  constructor(
    private readonly archivePath: string,
    private readonly size = 500,
  ) {}

  /**
   * The answer kept for `key` (`kept: true`), or `compute()`, kept for next time.
   *
   * @example
   * const { value } = cache.remember(`search ${q} ${limit} ${offset}`, () => run(q));
   */
  remember<T>(key: string, compute: () => T): { value: T; kept: boolean } {
    const version = this.currentVersion();
    if (version !== this.version) {
      this.answers.clear();
      this.version = version;
    }
    if (this.answers.has(key)) {
      const kept = this.answers.get(key) as T;
      // Refreshed as the most recently used.
      this.answers.delete(key);
      this.answers.set(key, kept);
      return { value: kept, kept: true };
    }
    const value = compute();
    this.answers.set(key, value);
    if (this.answers.size > this.size) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
    return { value, kept: false };
  }

  /** Marks a write by this server (an archive in memory has no files to tell). */
  changed(): void {
    this.writes += 1;
  }

  private currentVersion(): string {
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

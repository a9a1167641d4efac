import { statSync } from 'node:fs';
import type { Archive } from '../archive/index.js';
import type { Knowledge } from '../nlp/index.js';
import { loadTagger, type Tagger, type TagStorePaths } from '../pipeline/index.js';
import { ApiError } from './errors.js';

/**
 * The archive's tagger, loaded once and again only when its files change (the curator taught
 * it, `kirinuki train` ran): reading the model takes longer than suggesting with it.
 */
export class TaggerCache {
  private cached: { key: string; tagger: Tagger | null } | null = null;

  constructor(
    private readonly archive: Archive,
    private readonly paths: TagStorePaths,
    private readonly knowledge: Knowledge,
  ) {}

  /**
   * The tagger, or null when there is nothing to suggest tags from (no model, no labelled
   * entries, an empty taxonomy). A stored file that cannot be read is a 500 naming it.
   */
  current(): Tagger | null {
    const key = this.filesKey();
    if (this.cached?.key === key) return this.cached.tagger;
    const r = loadTagger(this.archive, this.paths, this.knowledge);
    if (!r.ok)
      throw new ApiError('internal', r.error.map((d) => `${d.file ?? ''} ${d.message}`).join('; '));
    const tagger = r.value?.tagger ?? null;
    // Loading may have trained and stored a model: key by the files as they are now.
    this.cached = { key: this.filesKey(), tagger };
    return tagger;
  }

  /**
   * Which files the current tagger was loaded from (their times and sizes): with the archive's
   * version, what a kept suggestion depends on.
   *
   * @example
   * const tagger = taggers.current(); const key = taggers.loadedFrom();
   */
  loadedFrom(): string {
    return this.cached?.key ?? '';
  }

  /** Forgets the loaded tagger: the next call reads the files again. */
  forget(): void {
    this.cached = null;
  }

  private filesKey(): string {
    const files = [this.paths.model, this.paths.style, this.paths.taxonomy].map((p) => {
      try {
        const s = statSync(p);
        return `${s.mtimeMs}:${s.size}`;
      } catch {
        return '-';
      }
    });
    // Without a stored model the tagger is trained from the labelled entries: more of them,
    // another tagger.
    if (files[0] === '-') files.push(String(this.archive.stats().summaryLines));
    return files.join('|');
  }
}

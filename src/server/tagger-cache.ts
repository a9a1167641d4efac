import type { Archive } from '../archive/index.js';
import type { Knowledge } from '../nlp/index.js';
import {
  loadTagger,
  TAG_DOCUMENT_KINDS,
  tagStoreVersions,
  type Tagger,
  type TagStorePaths,
} from '../pipeline/index.js';
import { ApiError } from './errors.js';

/**
 * The archive's tagger, loaded once and again only when its stored documents change (the
 * curator taught it, `kirinuki train` ran — in this process or, on a PostgreSQL archive,
 * another server or worker): reading the model takes longer than suggesting with it, and
 * asking for the documents' versions (file times, or one small query) much less.
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
    const key = this.storeKey();
    if (this.cached?.key === key) return this.cached.tagger;
    const r = loadTagger(this.archive, this.paths, this.knowledge);
    if (!r.ok)
      throw new ApiError('internal', r.error.map((d) => `${d.file ?? ''} ${d.message}`).join('; '));
    const tagger = r.value?.tagger ?? null;
    // Loading may have trained and stored a model: key by the documents as they are now.
    this.cached = { key: this.storeKey(), tagger };
    return tagger;
  }

  /**
   * Which versions of the stored documents the current tagger was loaded from: with the
   * archive's version, what a kept suggestion depends on.
   *
   * @example
   * const tagger = taggers.current(); const key = taggers.loadedFrom();
   */
  loadedFrom(): string {
    return this.cached?.key ?? '';
  }

  /** Forgets the loaded tagger: the next call reads the documents again. */
  forget(): void {
    this.cached = null;
  }

  private storeKey(): string {
    const versions = tagStoreVersions(this.paths);
    const parts = TAG_DOCUMENT_KINDS.map((kind) => versions[kind] ?? '-');
    // Without a stored model the tagger is trained from the labelled entries: more of them,
    // another tagger.
    if (versions.model === null) parts.push(String(this.archive.stats().summaryLines));
    return parts.join('|');
  }
}

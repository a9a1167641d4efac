import { createHash } from 'node:crypto';
import { KirinukiError } from '../../model/index.js';
import { entrySearchText, type Archive } from '../../archive/index.js';
import {
  buildSearchSegment,
  entryAnchor,
  entryView,
  listHeadline,
  SEARCH_INDEX_VERSION,
  type SearchManifest,
} from '../../publish/index.js';
import type { SiteDay } from './site-data.js';
import type { SiteFiles } from './site-files.js';
import { inputHash } from './site-hash.js';

/** Where the search index lives in the site. */
const SEARCH_DIR = 'search';

/**
 * The search index as the scan hands it months: each month's segment is built (from the
 * month's full entries) and written only when a day of the month changed; an unchanged
 * month keeps its files. `finish` writes `search/index.json`, newest month first.
 *
 * @example
 * const search = new SearchFiles(files, archive);
 * search.putMonth('2024-03', daysOfMarch);
 * search.finish(); // search/index.json
 */
export class SearchFiles {
  private readonly segments: SearchManifest['segments'] = [];

  constructor(
    private readonly files: SiteFiles,
    private readonly archive: Archive,
  ) {}

  /**
   * One month of the index. Its directory is named by the month and a hash of its days, so a
   * browser never mixes a changed month's files with cached ones; a changed month's entries
   * are read from the archive again.
   */
  putMonth(month: string, days: readonly SiteDay[]): void {
    const docs = days.reduce((n, d) => n + d.entries, 0);
    const hash = createHash('sha1')
      .update(`${SEARCH_INDEX_VERSION}\u0000${month}\u0000${days.map((d) => d.hash).join(',')}`)
      .digest('hex');
    const dir = `${month}.${hash.slice(0, 10)}`;
    const base = `${SEARCH_DIR}/${dir}`;
    const kept = this.files.previousUnder(`${base}/`);
    const shardCount = kept.filter((p) => p.endsWith('.bin')).length;
    const current =
      shardCount > 0 &&
      kept.every((p) => this.files.isCurrent(p, fileHash(hash, p.slice(base.length + 1))));
    if (current) {
      for (const p of kept) this.files.put(p, fileHash(hash, p.slice(base.length + 1)), fail);
      this.segments.push({ dir, month, docs, shards: shardCount });
      return;
    }
    const first = days[0]?.day ?? `${month}-01`;
    const last = days[days.length - 1]?.day ?? first;
    const segment = buildSearchSegment(
      this.archive.entriesOfDays(first, last).map((s) => {
        const view = entryView(s.entry);
        return {
          day: s.day,
          anchor: entryAnchor(s.entry.id),
          title: listHeadline(view.headline),
          author: view.authorName ?? '',
          tags: view.tags.join(' '),
          lines: view.summaries.map((l) => l.raw).join('\n'),
          text: entrySearchText(s.entry),
        };
      }),
    );
    this.files.put(`${base}/docs.json`, fileHash(hash, 'docs.json'), () => segment.docsJson);
    segment.shards.forEach((bytes, i) =>
      this.files.put(`${base}/${i}.bin`, fileHash(hash, `${i}.bin`), () => bytes),
    );
    this.segments.push({ dir, month, docs: segment.docs, shards: segment.shards.length });
  }

  /** Writes `search/index.json`, listing the months newest first. */
  finish(): void {
    const manifest: SearchManifest = {
      version: SEARCH_INDEX_VERSION,
      segments: [...this.segments].reverse(),
    };
    this.files.put(`${SEARCH_DIR}/index.json`, inputHash('search-index', manifest), () =>
      JSON.stringify(manifest),
    );
  }
}

function fileHash(segmentHash: string, name: string): string {
  return `${segmentHash}:${name}`;
}

function fail(): never {
  throw new KirinukiError('site', 'an unchanged search file was to be written again');
}

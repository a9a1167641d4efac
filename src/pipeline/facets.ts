import type { Archive, SearchHit, StoredEntry } from '../archive/index.js';
import type { QueryError } from '../archive/index.js';
import { ok, type Result } from '../model/index.js';
import { aliasesOf, type Knowledge } from '../nlp/index.js';

/** One value of a facet and how many of the matching entries have it. */
export interface FacetCount {
  value: string;
  count: number;
}

/** What the matching entries are: by tag, speaker, source (handle or outlet) and day. */
export interface SearchFacets {
  tags: FacetCount[];
  speakers: FacetCount[];
  sources: FacetCount[];
  days: FacetCount[];
}

/** A page of search results with the facets of the best matches. */
export interface FacetedResults {
  hits: SearchHit[];
  /** All matches (an estimate when `totalExact` is false, see `SearchResults`). */
  total: number;
  totalExact: boolean;
  facets: SearchFacets;
  /** How many of the best matches the facets count: all of them, up to `facetHits`. */
  facetedHits: number;
}

export interface FacetedSearchOptions {
  limit: number;
  offset: number;
  /** Knowledge for aliases (ハルキウ = ハリコフ), as `kirinuki search` matches them. */
  knowledge?: Knowledge;
  /** The facets count the best this many matches (default 100), or the page if it goes further. */
  facetHits?: number;
  /** Values kept per facet, most frequent first (default 20). */
  facetValues?: number;
  /** `rank` (default): best first; `date`: newest first (`SearchOptions.sort`). */
  sort?: 'rank' | 'date';
}

/**
 * A search as `kirinuki search` runs it (the same syntax, aliases expanded), with facets: the
 * tags, speakers, sources and days of the best-ranked matches, each value with how many of
 * them have it. One ranked search gives both the page and the facets, so the facets cost no
 * second query; they describe the best `facetHits` matches, which is what a curator refining
 * a query looks at.
 *
 * @example
 * const r = facetedSearch(archive, '停戦 tag:和平', { limit: 20, offset: 0, knowledge });
 * if (r.ok) r.value.facets.speakers[0]; // { value: 'ゼレンスキー大統領', count: 4 }
 */
export function facetedSearch(
  archive: Archive,
  query: string,
  options: FacetedSearchOptions,
): Result<FacetedResults, QueryError> {
  const facetHits = options.facetHits ?? 100;
  const knowledge = options.knowledge;
  const r = archive.search(query, {
    limit: options.limit,
    offset: options.offset,
    // The facets' entries come without snippets: only the page's hits need one.
    rankedEntries: Math.max(facetHits, options.offset + options.limit),
    ...(options.sort ? { sort: options.sort } : {}),
    ...(knowledge ? { expandTerm: (t: string) => aliasesOf(t, knowledge) } : {}),
  });
  if (!r.ok) return r;
  const { hits, total, totalExact } = r.value;
  const ranked = r.value.ranked ?? hits.map((h) => h.stored);
  return ok({
    hits,
    total,
    totalExact,
    facets: facetsOf(ranked, options.facetValues ?? 20),
    facetedHits: ranked.length,
  });
}

/**
 * The facets of some stored entries: each value with how many entries have it, most frequent
 * first (then by value; days newest first), at most `keep` per facet.
 *
 * @example
 * facetsOf(archive.entriesOfDay('2024-03-05'), 10).tags; // [{ value: '原発', count: 2 }, …]
 */
export function facetsOf(entries: readonly StoredEntry[], keep: number): SearchFacets {
  const tags = new Counter();
  const speakers = new Counter();
  const sources = new Counter();
  const days = new Counter();
  for (const { entry, day } of entries) {
    tags.addOnce(entry.summaries.map((s) => s.tag));
    speakers.addOnce(
      entry.summaries.flatMap((s) =>
        s.segments.flatMap((g) =>
          g.kind === 'quote' && g.speaker !== null && g.speaker.trim() !== ''
            ? [g.speaker.trim()]
            : [],
        ),
      ),
    );
    const source = entry.post
      ? `@${entry.post.handle}`
      : (entry.origin?.outlet ?? entry.origin?.author ?? null);
    sources.addOnce(source === null ? [] : [source]);
    days.addOnce([day]);
  }
  return {
    tags: tags.top(keep),
    speakers: speakers.top(keep),
    sources: sources.top(keep),
    days: days.top(keep, (a, b) => (a < b ? 1 : a > b ? -1 : 0)),
  };
}

/** Counts values, each at most once per entry. */
class Counter {
  private readonly counts = new Map<string, number>();

  addOnce(values: readonly string[]): void {
    for (const v of new Set(values)) this.counts.set(v, (this.counts.get(v) ?? 0) + 1);
  }

  top(keep: number, tie: (a: string, b: string) => number = byValue): FacetCount[] {
    return [...this.counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || tie(a.value, b.value))
      .slice(0, keep);
  }
}

const byValue = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

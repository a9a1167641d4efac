import type { Diagnostic, Entry } from '../../model/index.js';
import {
  detectSource,
  fetchUrl,
  HostRateLimiter,
  type FetchedResource,
  type FetchOptions,
} from '../fetch/index.js';
import { extractFeed } from '../feed/index.js';
import type { WatchSource } from './sources-file.js';

/** What is remembered about one source between polls. JSON-serialisable. */
export interface SourceState {
  etag?: string;
  lastModified?: string;
  /** ISO timestamp of the last poll. */
  lastPolled?: string;
  /** Ids of the items seen most recently, newest first, at most `maxSeen`. */
  seen: string[];
  /** Failed polls in a row. */
  failures: number;
  lastError?: string;
}

/** The watcher's memory, keyed by source URL; the caller keeps it (e.g. as a JSON file). */
export interface WatchState {
  version: 1;
  sources: Record<string, SourceState>;
}

export interface PollOptions extends Omit<FetchOptions, 'etag' | 'lastModified' | 'rateLimiter'> {
  /** Sources fetched at once. Default 4. */
  concurrency?: number;
  /** Minimum gap between requests to one host, in ms. Default 1,000. */
  perHostIntervalMs?: number;
  /** Item ids remembered per source. Default 1,000. */
  maxSeen?: number;
  now?: () => Date;
  /** The fetcher; tests may swap it. */
  fetch?: typeof fetchUrl;
}

/** How one source's poll went. */
export interface SourceReport {
  url: string;
  name: string | undefined;
  outcome: 'new' | 'unchanged' | 'not-modified' | 'failed';
  newCount: number;
  message?: string;
  diagnostics: Diagnostic[];
}

export interface PollResult {
  /** Entries not seen before, across all sources, each id once. */
  newEntries: Entry[];
  /** The state to keep for the next poll; the input state is not changed. */
  state: WatchState;
  report: SourceReport[];
}

/** An empty watch state. */
export const emptyWatchState = (): WatchState => ({ version: 1, sources: {} });

/**
 * Polls each source once: a conditional GET with the remembered validators, the feed read,
 * and only items not seen before returned. The scheduler calls this on its own timer.
 *
 * @example
 * const { newEntries, state, report } = await pollSources(sources, saved ?? emptyWatchState(), {});
 */
export async function pollSources(
  sources: readonly WatchSource[],
  state: WatchState,
  options: PollOptions = {},
): Promise<PollResult> {
  const limiter = new HostRateLimiter(options.perHostIntervalMs ?? 1000, options.clock);
  const next: WatchState = { version: 1, sources: { ...state.sources } };
  const results: { report: SourceReport; entries: Entry[] }[] = new Array(sources.length);
  let cursor = 0;
  const worker = async (): Promise<void> => {
    for (let i = cursor++; i < sources.length; i = cursor++) {
      const source = sources[i] as WatchSource;
      const polled = await pollOne(source, next.sources[source.url], options, limiter);
      next.sources[source.url] = polled.state;
      results[i] = polled;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  const seen = new Set<string>();
  const newEntries = results
    .flatMap((r) => r.entries)
    .filter((e) => !seen.has(e.id) && seen.add(e.id));
  return { newEntries, state: next, report: results.map((r) => r.report) };
}

type Polled = { state: SourceState; report: SourceReport; entries: Entry[] };

async function pollOne(
  source: WatchSource,
  previous: SourceState | undefined,
  options: PollOptions,
  rateLimiter: HostRateLimiter,
): Promise<Polled> {
  const before: SourceState = previous ?? { seen: [], failures: 0 };
  const polledAt = (options.now ?? (() => new Date()))().toISOString();
  const report = emptyReport(source);
  const fetched = await (options.fetch ?? fetchUrl)(source.url, {
    ...options,
    ...validators(before),
    rateLimiter,
  });
  const notFeed =
    fetched.ok && !fetched.value.notModified && detectSource(source.url, fetched.value) !== 'feed';
  if (!fetched.ok || notFeed) {
    const message = fetched.ok ? `ingest: ${source.url} is not a feed` : fetched.error.message;
    const state = { ...before, lastPolled: polledAt, failures: before.failures + 1 };
    return {
      state: { ...state, lastError: message },
      report: { ...report, outcome: 'failed', message },
      entries: [],
    };
  }
  const res = fetched.value;
  const fresh = {
    etag: res.etag ?? before.etag,
    lastModified: res.lastModified ?? before.lastModified,
  };
  const cleared = { seen: before.seen, failures: 0, lastPolled: polledAt, ...validators(fresh) };
  if (res.notModified)
    return { state: cleared, report: { ...report, outcome: 'not-modified' }, entries: [] };
  return readNewItems(res, cleared, report, options.maxSeen ?? 1000);
}

function emptyReport(source: WatchSource): SourceReport {
  return { url: source.url, name: source.name, outcome: 'unchanged', newCount: 0, diagnostics: [] };
}

/** The feed's items not seen before, and the state remembering them. */
function readNewItems(
  res: FetchedResource,
  state: SourceState,
  report: SourceReport,
  maxSeen: number,
): Polled {
  const charset = res.charset ? { httpCharset: res.charset } : {};
  const read = extractFeed(res.body, res.url, {
    baseUrl: res.url,
    deadline: res.deadline,
    ...charset,
  });
  const known = new Set(state.seen);
  const entries = read.entries.filter((e) => !known.has(e.id));
  const seen = [...new Set([...entries.map((e) => e.id), ...state.seen])].slice(0, maxSeen);
  const outcome = entries.length > 0 ? 'new' : 'unchanged';
  return {
    state: { ...state, seen },
    report: { ...report, outcome, newCount: entries.length, diagnostics: read.diagnostics },
    entries,
  };
}

function validators(
  s: Pick<SourceState, 'etag' | 'lastModified'>,
): Pick<SourceState, 'etag' | 'lastModified'> {
  const out: Pick<SourceState, 'etag' | 'lastModified'> = {};
  if (s.etag !== undefined) out.etag = s.etag;
  if (s.lastModified !== undefined) out.lastModified = s.lastModified;
  return out;
}

/**
 * A few lines for a terminal: what was new where, and what failed.
 *
 * @example
 * formatPollReport(report); // 'NHKニュース: 3 new\nexample.jp/feed: failed (ingest: HTTP 500 …)'
 */
export function formatPollReport(report: readonly SourceReport[]): string {
  const lines = report.map((r) => {
    const who = r.name ?? r.url;
    if (r.outcome === 'failed') return `${who}: failed (${r.message ?? 'unknown error'})`;
    if (r.outcome === 'new') return `${who}: ${r.newCount} new`;
    return `${who}: ${r.outcome === 'not-modified' ? 'not modified' : 'nothing new'}`;
  });
  const total = report.reduce((n, r) => n + r.newCount, 0);
  return [...lines, `${total} new in all`].join('\n');
}

import type { Archive } from '../archive/index.js';
import {
  detectSource,
  fetchUrl,
  oembedUrl,
  statusIdFromUrl,
  formatPollReport,
  pollSources,
  type FetchOptions,
  type PollOptions,
  type SourceReport,
  type WatchSource,
  type WatchState,
} from '../ingest/index.js';
import { err, ok, type Diagnostic, type Result } from '../model/index.js';
import type { Knowledge } from '../nlp/index.js';
import { entryBatches, ingestBatches, type FileBatches } from './batches.js';
import { fileRead, type FiledInput } from './file-input.js';
import { fileBatches } from './file-batches.js';
import { fileReport, type FileImport } from './import-files.js';

/** How a URL is fetched and filed. */
export interface FetchIntoArchiveOptions {
  today: string;
  /** File every entry under this digest day instead of its own date. */
  day?: string;
  fetch?: FetchOptions;
  knowledge?: Knowledge;
  /** Where posts are asked for by oEmbed (default X's public endpoint). */
  oembedEndpoint?: string;
}

/**
 * Fetches one URL — a feed, an article page or a post — safely, reads it with the matching
 * importer and files what it holds. Network trouble is an error value, never an exception.
 *
 * @example
 * const r = await fetchIntoArchive(archive, 'https://example.jp/rss', { today: '2024-03-06' });
 * if (r.ok) r.value.report?.inserted;
 */
export async function fetchIntoArchive(
  archive: Archive,
  url: string,
  options: FetchIntoArchiveOptions,
): Promise<Result<FileImport & { diagnostics: Diagnostic[] }, Diagnostic>> {
  const fetched = await fetchAndRead(url, options);
  if (!fetched.ok) return fetched;
  const { read, file } = fetched.value;
  const report = fileReport(archive, read, options);
  const days = [...new Set(read.batches.map((b) => b.day))].sort();
  return ok({ file, format: read.format, days, report, diagnostics: read.diagnostics });
}

/**
 * `fetchIntoArchive` for the workbench: the same fetch and filing, answered with the stored
 * entries the URL gave (those already in the archive included), as `fileInput` does for a
 * paste.
 *
 * @example
 * const r = await captureUrl(archive, 'https://x.com/nhk_news/status/1', { today });
 * if (r.ok) r.value.entries.map((s) => s.entry.id);
 */
export async function captureUrl(
  archive: Archive,
  url: string,
  options: FetchIntoArchiveOptions,
): Promise<Result<FiledInput & { file: string }, Diagnostic>> {
  const fetched = await fetchAndRead(url, options);
  if (!fetched.ok) return fetched;
  const { read, file } = fetched.value;
  return ok({ ...fileRead(archive, read, options), file });
}

/** Fetches a URL and reads it with the importer its content calls for, without filing it. */
async function fetchAndRead(
  url: string,
  options: FetchIntoArchiveOptions,
): Promise<Result<{ read: FileBatches; file: string }, Diagnostic>> {
  // A post's page is a script-only app; its oEmbed answer carries the post as embed HTML.
  const status = statusIdFromUrl(url);
  const target = status ? oembedUrl(url, options.oembedEndpoint) : url;
  const fetched = await fetchUrl(target, options.fetch ?? {});
  if (!fetched.ok) return err({ severity: 'error', message: fetched.error.message, file: url });
  const resource = fetched.value;
  const kind = status ? 'oembed' : detectSource(url, resource);
  if (kind === 'unknown')
    return err({
      severity: 'error',
      file: url,
      message: `pipeline: ${resource.url} is not a feed, an article page or a post (${resource.contentType ?? 'no content type'})`,
    });
  const read = ingestBatches(resource.body, status ? url : resource.url, {
    today: options.today,
    ...(options.day === undefined ? {} : { day: options.day }),
    read: {
      ...(kind === 'embed' ? {} : { format: kind }),
      baseUrl: status ? url : resource.url,
      ...(resource.charset ? { httpCharset: resource.charset } : {}),
      // `--timeout` bounds the whole fetch, so reading a huge body stops at the same moment.
      deadline: resource.deadline,
    },
  });
  return ok({ read, file: status ? url : resource.url });
}

/**
 * Polls every watched feed once (conditional GET, per-host rate limit, retries) and files the
 * new items. The caller keeps the returned state for the next poll.
 *
 * @example
 * const { state, summary } = await watchOnce(archive, sources, saved, { today });
 */
export async function watchOnce(
  archive: Archive,
  sources: readonly WatchSource[],
  state: WatchState,
  options: { today: string; poll?: PollOptions; knowledge?: Knowledge },
): Promise<{ state: WatchState; report: SourceReport[]; inserted: number; summary: string }> {
  const polled = await pollSources(sources, state, options.poll ?? {});
  const read = entryBatches(polled.newEntries, 'watch', { today: options.today });
  const inserted = fileBatches(archive, read.batches, options).inserted;
  return {
    state: polled.state,
    report: polled.report,
    inserted,
    summary: formatPollReport(polled.report),
  };
}

import { Agent, request, type Dispatcher } from 'undici';
import { err, ok, type Result } from '../../model/index.js';
import { guardedLookup, hostKey, literalHostBlock } from './address-policy.js';
import { systemClock } from './rate-limit.js';
import { decodeContent, readCapped } from './read-body.js';
import type { FetchFailure, FetchedResource, FetchOptions } from './types.js';

const DEFAULT_UA = 'kirinuki/0.1 (news clipping workbench)';

/** One hop's outcome: a resource, a redirect to follow, or a failure. */
type Hop =
  | { kind: 'done'; resource: FetchedResource }
  | { kind: 'redirect'; to: string }
  | { kind: 'failed'; failure: FetchFailure; retry: boolean; retryAfterMs?: number };

/**
 * Fetches a URL safely: time-outs, a size cap (also after decompression), manual redirects up
 * to a cap with loop detection, no loopback/private/link-local addresses (checked on the
 * resolved addresses of every connection, so every redirect too) unless the host is allowed,
 * conditional GET, a per-host rate limit, and retries with exponential back-off on 5xx, 429
 * and network errors. Never throws for network trouble: failures are `Result` values.
 *
 * @example
 * const r = await fetchUrl('https://www3.nhk.or.jp/rss/news/cat0.xml', { etag: state.etag });
 * if (r.ok && !r.value.notModified) extractFeed(r.value.body, r.value.url, { httpCharset: r.value.charset });
 */
export async function fetchUrl(
  url: string,
  options: FetchOptions = {},
): Promise<Result<FetchedResource, FetchFailure>> {
  const allowed = new Set((options.allowPrivateHosts ?? []).map(hostKey));
  const agent = new Agent({
    connect: { lookup: guardedLookup(allowed), timeout: options.timeoutMs ?? 15_000 },
  });
  try {
    return await followRedirects(url, options, agent, allowed);
  } finally {
    await agent.close().catch(() => undefined);
  }
}

async function followRedirects(
  start: string,
  options: FetchOptions,
  agent: Dispatcher,
  allowed: ReadonlySet<string>,
): Promise<Result<FetchedResource, FetchFailure>> {
  const redirects: string[] = [];
  const maxRedirects = options.maxRedirects ?? 5;
  let url = start;
  for (;;) {
    const hop = await withRetries(url, options, agent, allowed, redirects.length === 0);
    if (hop.kind === 'failed') return err(hop.failure);
    if (hop.kind === 'done') return ok({ ...hop.resource, redirects });
    redirects.push(url);
    if (redirects.includes(hop.to))
      return err(failure('too-many-redirects', hop.to, `redirect loop back to ${hop.to}`));
    if (redirects.length > maxRedirects)
      return err(failure('too-many-redirects', hop.to, `more than ${maxRedirects} redirects`));
    url = hop.to;
  }
}

async function withRetries(
  url: string,
  options: FetchOptions,
  agent: Dispatcher,
  allowed: ReadonlySet<string>,
  first: boolean,
): Promise<Hop> {
  const clock = options.clock ?? systemClock;
  const retries = options.retries ?? 2;
  for (let attempt = 0; ; attempt += 1) {
    const hop = await fetchOnce(url, options, agent, allowed, first);
    if (hop.kind !== 'failed' || !hop.retry || attempt >= retries) return hop;
    const backoff = (options.retryBaseMs ?? 500) * 2 ** attempt;
    await clock.sleep(Math.min(hop.retryAfterMs ?? backoff, 60_000));
  }
}

async function fetchOnce(
  url: string,
  options: FetchOptions,
  agent: Dispatcher,
  allowed: ReadonlySet<string>,
  conditional: boolean,
): Promise<Hop> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return failed(failure('invalid-url', url, `not a URL: ${url}`));
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return failed(failure('invalid-url', url, `only http and https can be fetched: ${url}`));
  const blocked = literalHostBlock(parsed, allowed);
  if (blocked) return failed(failure('blocked', url, blocked.message.replace(/^ingest: /, '')));
  await options.rateLimiter?.wait(hostKey(parsed.host));
  const timeoutMs = options.timeoutMs ?? 15_000;
  try {
    const res = await request(parsed, {
      dispatcher: agent,
      method: 'GET',
      headers: requestHeaders(options, conditional),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return await handleResponse(parsed, res, options);
  } catch (e) {
    return networkFailure(url, e);
  }
}

function requestHeaders(options: FetchOptions, conditional: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? DEFAULT_UA,
    accept:
      'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (conditional && options.etag) headers['if-none-match'] = options.etag;
  if (conditional && options.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}

async function handleResponse(
  url: URL,
  res: Dispatcher.ResponseData,
  options: FetchOptions,
): Promise<Hop> {
  const headers = flattenHeaders(res.headers);
  const status = res.statusCode;
  if (status >= 300 && status < 400 && status !== 304 && headers.location) {
    await res.body.dump();
    const to = new URL(headers.location, url).href;
    return { kind: 'redirect', to };
  }
  if (status >= 400) {
    await res.body.dump();
    const retry = status >= 500 || status === 429;
    const retryAfter = Number(headers['retry-after']);
    const f = failure('http', url.href, `HTTP ${status} from ${url.href}`);
    return {
      kind: 'failed',
      failure: { ...f, status },
      retry,
      ...(Number.isFinite(retryAfter) ? { retryAfterMs: retryAfter * 1000 } : {}),
    };
  }
  const maxBytes = options.maxBytes ?? 10_000_000;
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.body.destroy();
    return failed(
      failure('too-large', url.href, `body of ${declared} bytes is larger than ${maxBytes}`),
    );
  }
  const raw = await readCapped(res.body, maxBytes);
  const body = raw.ok ? decodeContent(raw.value, headers['content-encoding'], maxBytes) : raw;
  if (!body.ok) return failed({ ...body.error, url: url.href });
  return { kind: 'done', resource: resourceOf(url.href, status, headers, body.value) };
}

function resourceOf(
  url: string,
  status: number,
  headers: Record<string, string>,
  body: Uint8Array,
): FetchedResource {
  const [type, ...params] = (headers['content-type'] ?? '').split(';');
  const charset = params
    .map((p) => /^\s*charset\s*=\s*"?([^";\s]+)/i.exec(p)?.[1])
    .find((c) => c !== undefined);
  return {
    url,
    status,
    notModified: status === 304,
    headers,
    contentType: type?.trim().toLowerCase() || undefined,
    charset,
    etag: headers.etag,
    lastModified: headers['last-modified'],
    body: status === 304 ? new Uint8Array() : body,
    redirects: [],
  };
}

function flattenHeaders(raw: Dispatcher.ResponseData['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
]);

function networkFailure(url: string, e: unknown): Hop {
  const chain = causes(e);
  const blocked = chain.find((c) => (c as { code?: string }).code === 'EKIRINUKI_BLOCKED');
  if (blocked)
    return failed(failure('blocked', url, (blocked as Error).message.replace(/^ingest: /, '')));
  const timedOut = chain.some(
    (c) =>
      TIMEOUT_CODES.has((c as { code?: string }).code ?? '') ||
      (c as Error).name === 'TimeoutError',
  );
  if (timedOut) return failed(failure('timeout', url, `no complete answer from ${url} in time`));
  const last = chain[chain.length - 1];
  const message = last instanceof Error ? last.message : String(last);
  return {
    kind: 'failed',
    failure: failure('network', url, `cannot fetch ${url}: ${message}`),
    retry: true,
  };
}

/** An error and its causes, outermost first. */
function causes(e: unknown): unknown[] {
  const out: unknown[] = [];
  for (
    let c: unknown = e;
    c !== undefined && c !== null && out.length < 8;
    c = (c as { cause?: unknown }).cause
  )
    out.push(c);
  return out;
}

function failure(kind: FetchFailure['kind'], url: string, message: string): FetchFailure {
  return { kind, url, message: `ingest: ${message}` };
}

function failed(f: FetchFailure): Hop {
  return { kind: 'failed', failure: f, retry: false };
}

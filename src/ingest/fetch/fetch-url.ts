import { Agent, request, type Dispatcher } from 'undici';
import { err, ok, type Result } from '../../model/index.js';
import { guardedLookup, hostKey, literalHostBlock } from './address-policy.js';
import { systemClock, type Clock } from './rate-limit.js';
import { decodeContent, readCapped } from './read-body.js';
import type { FetchFailure, FetchedResource, FetchOptions } from './types.js';

const DEFAULT_UA = 'kirinuki/0.1 (news clipping workbench)';

/**
 * The time one fetch may take, all of it: every connection, redirect, retry and wait between
 * retries, and reading the bodies. Waiting for a turn at the per-host rate limiter does not
 * count (that is queueing behind the caller's other fetches), so it moves the deadline on.
 */
class TimeBudget {
  deadline: number;
  constructor(
    private readonly clock: Clock,
    readonly limitMs: number,
  ) {
    this.deadline = clock.now() + limitMs;
  }
  left(): number {
    return this.deadline - this.clock.now();
  }
  /** Runs `wait` (a turn at the rate limiter) and moves the deadline on by the time it took. */
  async queue(wait: () => Promise<void>): Promise<void> {
    const before = this.clock.now();
    await wait();
    this.deadline += this.clock.now() - before;
  }
  /** The limit as a person reads it: `5 s`, `0.8 s`. */
  get described(): string {
    return `${Number((this.limitMs / 1000).toPrecision(3))} s`;
  }
}

/** One hop's outcome: a resource, a redirect to follow, or a failure. */
type Hop =
  | { kind: 'done'; resource: Omit<FetchedResource, 'deadline'> }
  | { kind: 'redirect'; to: string }
  | { kind: 'failed'; failure: FetchFailure; retry: boolean; retryAfterMs?: number };

/**
 * Fetches a URL safely: one time limit for the whole fetch (`timeoutMs`: redirects, retries
 * and their waits included — a `Retry-After` longer than the time left ends the fetch at once),
 * a size cap (also after decompression), manual redirects up to a cap with loop detection, no
 * loopback/private/link-local addresses (checked on the resolved addresses of every connection,
 * so every redirect too) unless the host is allowed, conditional GET, a per-host rate limit,
 * and retries with exponential back-off on 5xx, 429 and network errors. The resource carries
 * the `deadline` left for reading it, so the importers can keep to the same limit. Never
 * throws for network trouble: failures are `Result` values.
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
  const budget = new TimeBudget(options.clock ?? systemClock, options.timeoutMs ?? 15_000);
  const agent = new Agent({
    connect: { lookup: guardedLookup(allowed, options.resolver), timeout: budget.limitMs },
  });
  try {
    return await followRedirects(url, { options, agent, allowed, budget });
  } finally {
    await agent.close().catch(() => undefined);
  }
}

/** What every hop of one fetch shares. */
interface FetchContext {
  options: FetchOptions;
  agent: Dispatcher;
  allowed: ReadonlySet<string>;
  budget: TimeBudget;
}

async function followRedirects(
  start: string,
  ctx: FetchContext,
): Promise<Result<FetchedResource, FetchFailure>> {
  const redirects: string[] = [];
  const maxRedirects = ctx.options.maxRedirects ?? 5;
  let url = start;
  for (;;) {
    const hop = await withRetries(url, ctx, redirects.length === 0);
    if (hop.kind === 'failed') return err(hop.failure);
    if (hop.kind === 'done')
      return ok({ ...hop.resource, redirects, deadline: ctx.budget.deadline });
    redirects.push(url);
    if (redirects.includes(hop.to))
      return err(failure('too-many-redirects', hop.to, `redirect loop back to ${hop.to}`));
    if (redirects.length > maxRedirects)
      return err(failure('too-many-redirects', hop.to, `more than ${maxRedirects} redirects`));
    url = hop.to;
  }
}

async function withRetries(url: string, ctx: FetchContext, first: boolean): Promise<Hop> {
  const { options, budget } = ctx;
  const clock = options.clock ?? systemClock;
  const retries = options.retries ?? 2;
  for (let attempt = 0; ; attempt += 1) {
    const hop = await fetchOnce(url, ctx, first);
    if (hop.kind !== 'failed' || !hop.retry || attempt >= retries) return hop;
    const backoff = (options.retryBaseMs ?? 500) * 2 ** attempt;
    const wait = Math.min(hop.retryAfterMs ?? backoff, 60_000);
    // A wait that would end past the time limit is not begun: the fetch fails now, saying so.
    if (wait >= budget.left()) return outOfTime(hop, wait, budget);
    await clock.sleep(wait);
  }
}

/** A retryable failure given up because the wait before the retry is longer than the time left. */
function outOfTime(hop: Hop & { kind: 'failed' }, wait: number, budget: TimeBudget): Hop {
  const asked =
    hop.retryAfterMs !== undefined
      ? `it asks to be tried again in ${seconds(wait)} (Retry-After)`
      : `the next try would be in ${seconds(wait)}`;
  const left = seconds(Math.max(0, budget.left()));
  const message = `${hop.failure.message}; ${asked}, past the time limit of ${budget.described} (${left} left)`;
  return { ...hop, retry: false, failure: { ...hop.failure, message } };
}

const seconds = (ms: number): string => `${Number((ms / 1000).toPrecision(3))} s`;

async function fetchOnce(url: string, ctx: FetchContext, conditional: boolean): Promise<Hop> {
  const { options, agent, allowed, budget } = ctx;
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
  const limiter = options.rateLimiter;
  if (limiter) await budget.queue(() => limiter.wait(hostKey(parsed.host)));
  const left = Math.ceil(budget.left());
  if (left <= 0) return failed(timedOut(url, budget));
  try {
    const res = await request(parsed, {
      dispatcher: agent,
      method: 'GET',
      headers: requestHeaders(options, conditional),
      headersTimeout: left,
      bodyTimeout: left,
      signal: AbortSignal.timeout(left),
    });
    return await handleResponse(parsed, res, options, budget);
  } catch (e) {
    return networkFailure(url, e, budget);
  }
}

function timedOut(url: string, budget: TimeBudget): FetchFailure {
  return failure('timeout', url, `no complete answer from ${url} within ${budget.described}`);
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
  budget: TimeBudget,
): Promise<Hop> {
  const headers = flattenHeaders(res.headers);
  const status = res.statusCode;
  if (status >= 300 && status < 400 && status !== 304 && headers.location) {
    await res.body.dump();
    // A Location that is not a URL is the server's answer, not a network fault: not retried.
    const to = resolveLocation(headers.location, url);
    if (to === null)
      return failed(
        failure(
          'invalid-url',
          url.href,
          `${url.href} redirects to "${headers.location}", not a URL`,
        ),
      );
    return { kind: 'redirect', to };
  }
  if (status >= 400) {
    await res.body.dump();
    const retry = status >= 500 || status === 429;
    const retryAfterMs = retryAfterIn(headers['retry-after'], options.clock ?? systemClock);
    const f = failure('http', url.href, `HTTP ${status} from ${url.href}`);
    return {
      kind: 'failed',
      failure: { ...f, status },
      retry,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
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
  if (budget.left() <= 0) return failed(timedOut(url.href, budget));
  return { kind: 'done', resource: resourceOf(url.href, status, headers, body.value) };
}

/** A redirect's Location against the URL that sent it, or null when it is not a URL. */
function resolveLocation(location: string, base: URL): string | null {
  try {
    return new URL(location, base).href;
  } catch {
    return null;
  }
}

/**
 * `Retry-After` in ms from now: delay-seconds or an HTTP date; undefined when absent or not
 * one of those.
 */
function retryAfterIn(header: string | undefined, clock: Clock): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - clock.now());
}

function resourceOf(
  url: string,
  status: number,
  headers: Record<string, string>,
  body: Uint8Array,
): Omit<FetchedResource, 'deadline'> {
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

function networkFailure(url: string, e: unknown, budget: TimeBudget): Hop {
  const chain = causes(e);
  const blocked = chain.find((c) => (c as { code?: string }).code === 'EKIRINUKI_BLOCKED');
  if (blocked)
    return failed(failure('blocked', url, (blocked as Error).message.replace(/^ingest: /, '')));
  const late = chain.some(
    (c) =>
      TIMEOUT_CODES.has((c as { code?: string }).code ?? '') ||
      (c as Error).name === 'TimeoutError',
  );
  if (late) return failed(timedOut(url, budget));
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

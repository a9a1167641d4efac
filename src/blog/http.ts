import { isIP } from 'node:net';
import { Agent, request, type Dispatcher } from 'undici';
import { err, ok, type Result } from '../model/index.js';
import { retryAfterMs, withRetries } from './retry.js';
import type { BlogHttpOptions } from './types.js';

const DEFAULT_UA = 'kirinuki/0.1 (news clipping workbench; publish)';
/** A blog's answer to a post is a few kilobytes; anything near this is not one. */
const MAX_ANSWER_BYTES = 5_000_000;

/** One request to a blog's API. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** The blog's answer to the last try of a request, whatever its status. */
export interface HttpAnswer {
  status: number;
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: string;
  /** How many tries it took. */
  tries: number;
}

/** No answer at all, still after the retries: the network, a time-out, an oversized answer. */
export interface HttpTrouble {
  message: string;
  tries: number;
}

/**
 * The HTTP side of a blog client: one connection pool for the run, time-outs, and retries with
 * back-off on 5xx, 429 and network errors. Answers of any status are returned as they are; the
 * client decides what each means.
 *
 * @example
 * const http = new BlogHttp({ retries: 3 });
 * const r = await http.send({ method: 'GET', url, headers: { authorization } });
 * await http.close();
 */
export class BlogHttp {
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private closed = false;

  constructor(private readonly options: BlogHttpOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.agent = new Agent({ connect: { timeout: this.timeoutMs } });
  }

  async send(req: HttpRequest): Promise<Result<HttpAnswer, HttpTrouble>> {
    const policy = {
      retries: this.options.retries ?? 3,
      delayMs: this.options.retryDelayMs ?? 1000,
      maxDelayMs: this.options.maxRetryDelayMs ?? 30_000,
      sleep: this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
    };
    type Once = Result<Omit<HttpAnswer, 'tries'>, string>;
    const { value, tries } = await withRetries<Once>(async () => {
      const once = await this.sendOnce(req);
      if (!once.ok) return { value: once, retry: true };
      const status = once.value.status;
      const retry = status >= 500 || status === 429;
      return { value: once, retry, retryAfterMs: retryAfterMs(once.value.headers['retry-after']) };
    }, policy);
    return value.ok ? ok({ ...value.value, tries }) : err({ message: value.error, tries });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.agent.close().catch(() => undefined);
  }

  private async sendOnce(req: HttpRequest): Promise<Result<Omit<HttpAnswer, 'tries'>, string>> {
    try {
      const res = await request(req.url, {
        dispatcher: this.agent,
        method: req.method,
        headers: { 'user-agent': this.options.userAgent ?? DEFAULT_UA, ...req.headers },
        ...(req.body === undefined ? {} : { body: req.body }),
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const headers = flattenHeaders(res.headers);
      const body = await readText(res.body, MAX_ANSWER_BYTES);
      if (body === null)
        return err(`the answer of ${req.url} is larger than ${MAX_ANSWER_BYTES} bytes`);
      return ok({ status: res.statusCode, headers, body });
    } catch (e) {
      return err(networkMessage(req.url, e));
    }
  }
}

/**
 * Why credentials must not go to this URL, or `null` when they may: only over https, or plain
 * http to this machine (a test server, a local WordPress); never with a user name or password
 * in the URL itself.
 *
 * @example
 * unsafeForCredentials('http://example.com/wp-json'); // 'refusing to send credentials over plain http to example.com; use https'
 * unsafeForCredentials('https://example.com/wp-json'); // null
 */
export function unsafeForCredentials(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `not a URL: ${url}`;
  }
  if (parsed.username !== '' || parsed.password !== '')
    return `the URL ${parsed.host} must not carry a user name or password; set them apart`;
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && isLoopback(parsed.hostname)) return null;
  if (parsed.protocol === 'http:')
    return `refusing to send credentials over plain http to ${parsed.host}; use https`;
  return `only https URLs are supported: ${parsed.protocol}//${parsed.host}`;
}

/**
 * Whether two URLs are on the same scheme, host and port: credentials go only where the blog
 * was configured, never to another host a stored or answered URL names.
 *
 * @example
 * sameOrigin('https://blog.hatena.ne.jp/a/b/atom/entry', 'https://blog.hatena.ne.jp/a/b/atom/entry/1'); // true
 */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

async function readText(
  body: AsyncIterable<Uint8Array> & { destroy(error?: Error): unknown },
  maxBytes: number,
): Promise<string | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      body.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

function flattenHeaders(raw: Dispatcher.ResponseData['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** The innermost cause of a network error, which says what happened (ECONNREFUSED, a time-out). */
function networkMessage(url: string, e: unknown): string {
  let last: unknown = e;
  for (let c: unknown = e, n = 0; c !== undefined && c !== null && n < 8; n += 1) {
    last = c;
    c = (c as { cause?: unknown }).cause;
  }
  const name = (last as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'HeadersTimeoutError' || name === 'BodyTimeoutError')
    return `no complete answer from ${url} in time`;
  const message = last instanceof Error ? last.message : String(last);
  return `cannot reach ${url}: ${message}`;
}

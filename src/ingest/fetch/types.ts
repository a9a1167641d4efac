import type { Resolver } from './address-policy.js';
import type { Clock, HostRateLimiter } from './rate-limit.js';

/** How a fetch may behave; every limit has a safe default. */
export interface FetchOptions {
  /**
   * Time for the whole fetch in ms — every redirect, retry and wait between retries (a
   * `Retry-After` longer than the time left is not waited for), and the bodies — but not the
   * waits for the rate limiter. Default 15,000.
   */
  timeoutMs?: number;
  /** Largest body, before and after decompression, in bytes. Default 10 MB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /** Hosts (as written in URLs, e.g. `127.0.0.1`, `intranet.local`) that may resolve to private addresses. */
  allowPrivateHosts?: readonly string[];
  /** Validators from an earlier fetch, for a conditional GET. */
  etag?: string;
  lastModified?: string;
  /** Retries after a 5xx, 429 or network error. Default 2. */
  retries?: number;
  /** First back-off in ms, doubled at each retry. Default 500. */
  retryBaseMs?: number;
  /** Shared between fetches so one host is not hammered. Default: none. */
  rateLimiter?: HostRateLimiter;
  userAgent?: string;
  clock?: Clock;
  /**
   * Resolves host names for every connection; the guard checks each answer before the socket
   * connects to it. Default: the system resolver (`dns.lookup`). Tests give one that answers
   * names such as `feeds.test` with loopback or private addresses.
   */
  resolver?: Resolver;
}

/** A fetched resource. A 304 answer has `notModified: true` and an empty body. */
export interface FetchedResource {
  /** The URL after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  /** Response headers, lower-case names, repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** Media type without parameters, lower-case. */
  contentType: string | undefined;
  /** The `charset` parameter of Content-Type. */
  charset: string | undefined;
  etag: string | undefined;
  lastModified: string | undefined;
  /** Body after Content-Encoding is undone. */
  body: Uint8Array;
  /** Each URL redirected from, in order. */
  redirects: string[];
  /**
   * When the fetch's time limit ends, in the options clock's ms (`Date.now()` by default):
   * reading the body should end by then too — pass it as the importers' `deadline`.
   */
  deadline: number;
}

/** Why a fetch failed: an expected outcome, not an exception. `message` starts with `ingest: `. */
export interface FetchFailure {
  kind:
    | 'invalid-url'
    | 'blocked'
    | 'timeout'
    | 'too-large'
    | 'too-many-redirects'
    | 'http'
    | 'network'
    | 'decoding';
  message: string;
  url: string;
  /** The HTTP status, for `http` failures. */
  status?: number;
}

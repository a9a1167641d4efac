import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { ApiError } from './errors.js';

/** The Content-Security-Policy of every response: no inline script or style, nothing foreign. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/** The header a state-changing request carries the session token in. */
export const SESSION_TOKEN_HEADER = 'X-Kirinuki-Token';

/** The cookie `GET /login?token=T` sets, standing for `Authorization: Bearer T`. */
export const ACCESS_COOKIE = 'kirinuki_token';

/** What the security middleware needs to know of the server. */
export interface SecurityOptions {
  /** The token of this server process, handed to the UI by `GET /api/session`. */
  sessionToken: string;
  /** With `--token`: every request needs it (bearer header or login cookie). */
  accessToken: string | null;
  /**
   * Bound to a loopback address: requests must name a loopback host, so a foreign site whose
   * name was made to resolve to 127.0.0.1 (DNS rebinding) is refused.
   */
  loopbackOnly: boolean;
}

/**
 * A fresh random token: 32 bytes, base64url.
 *
 * @example
 * newToken(); // 'x3V…' (43 characters)
 */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Whether two secrets are equal, in time that does not depend on where they differ.
 *
 * @example
 * sameSecret(given ?? '', token);
 */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/**
 * Whether a host name is this machine's own: `localhost`, `127.x.x.x`, `::1`.
 *
 * @example
 * isLoopbackHost('127.0.0.1'); // true
 * isLoopbackHost('0.0.0.0'); // false
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/**
 * The headers of every response: the strict CSP, no MIME sniffing, no referrer, no framing,
 * and no caching of API answers (the session token among them).
 *
 * @example
 * app.use('*', securityHeaders());
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('X-Frame-Options', 'DENY');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    if (c.req.path.startsWith('/api/') && !h.has('Cache-Control'))
      h.set('Cache-Control', 'no-store');
  };
}

/** The `Server-Timing` entry of an answer kept from an earlier request (`ResponseCache`). */
export const KEPT = 'cache;desc="kept"';

/**
 * `Server-Timing: app;dur=<ms>` on every response: the time the server spent on the request,
 * without the network, which the workbench's speed targets are stated in (bench/server.ts).
 *
 * @example
 * app.use('*', serverTiming());
 */
export function serverTiming(): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    c.res.headers.append('Server-Timing', `app;dur=${(performance.now() - start).toFixed(1)}`);
  };
}

/**
 * The request checks, in order: a loopback-bound server answers only requests for a loopback
 * host; with an access token, every request but the login needs it; every request that is not
 * GET or HEAD needs the session token and must come from the server's own pages.
 *
 * @example
 * app.use('*', requestGuard({ sessionToken, accessToken: null, loopbackOnly: true }));
 */
export function requestGuard(options: SecurityOptions): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('Host') ?? '';
    if (options.loopbackOnly && !isLoopbackHost(hostName(host)))
      throw new ApiError('forbidden', `a request for host "${host}" on a server bound to loopback`);
    if (options.accessToken !== null && !(c.req.method === 'GET' && c.req.path === '/login'))
      checkAccess(c, options.accessToken);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') checkSameOrigin(c, host, options);
    await next();
  };
}

/**
 * `GET /login?token=T`: with the right token, sets the access cookie (HttpOnly, SameSite=Strict)
 * and sends the browser to the workbench; otherwise 403.
 *
 * @example
 * app.get('/login', loginHandler(accessToken));
 */
export function loginHandler(accessToken: string | null) {
  return (c: Context): Response => {
    if (accessToken === null) return c.redirect('/', 303);
    const given = c.req.query('token') ?? '';
    if (!sameSecret(given, accessToken)) throw new ApiError('forbidden', 'wrong access token');
    const secure = new URL(c.req.url).protocol === 'https:';
    setCookie(c, ACCESS_COOKIE, accessToken, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure,
    });
    return c.redirect('/', 303);
  };
}

function checkAccess(c: Context, accessToken: string): void {
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '')?.[1];
  const given = bearer ?? getCookie(c, ACCESS_COOKIE);
  if (given === undefined)
    throw new ApiError(
      'forbidden',
      'this server needs its access token: Authorization: Bearer TOKEN, or open /login?token=TOKEN',
    );
  if (!sameSecret(given, accessToken)) throw new ApiError('forbidden', 'wrong access token');
}

function checkSameOrigin(c: Context, host: string, options: SecurityOptions): void {
  const token = c.req.header(SESSION_TOKEN_HEADER);
  if (token === undefined)
    throw new ApiError(
      'forbidden',
      `a ${c.req.method} request needs the ${SESSION_TOKEN_HEADER} header (GET /api/session gives the token)`,
    );
  if (!sameSecret(token, options.sessionToken))
    throw new ApiError('forbidden', `wrong ${SESSION_TOKEN_HEADER}`);
  const origin = c.req.header('Origin');
  if (origin === undefined) {
    if (c.req.header('Sec-Fetch-Site') === 'same-origin') return;
    throw new ApiError('forbidden', `a ${c.req.method} request needs an Origin header`);
  }
  if (origin !== `http://${host}` && origin !== `https://${host}`)
    throw new ApiError('forbidden', `a request from another site (${origin}) is refused`);
}

/** `host:port` or `[v6]:port` without the port. */
function hostName(host: string): string {
  const v6 = /^\[([^\]]*)\]/.exec(host);
  if (v6) return v6[1] ?? '';
  return host.replace(/:\d+$/, '');
}

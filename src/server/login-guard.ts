import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AccountSession, AccountStore, AccountUser } from '../archive/index.js';
import { ApiError } from './errors.js';

/** The cookie of a login on a server with accounts: the session's random token. */
export const LOGIN_COOKIE = 'kirinuki_session';

/** API requests answered without a login: what the login page itself needs. */
const OPEN_API = new Set(['GET /api/session', 'POST /api/login', 'POST /api/logout']);

/**
 * The requests a viewer may send that are not GET: logging in and out, and the annotation
 * preview, which computes and stores nothing.
 */
const VIEWER_MAY_POST = new Set(['POST /api/login', 'POST /api/logout', 'POST /api/annotate']);

declare module 'hono' {
  interface ContextVariableMap {
    /** The logged-in user of the request, set by `loginGuard`. */
    accountUser: AccountUser;
  }
}

/**
 * The user logged in for this request, or null (a server without accounts, or no login).
 *
 * @example
 * const user = currentUser(c); // { name: 'hanako', role: 'curator', … }
 */
export function currentUser(c: Context): AccountUser | null {
  // A context variable, not a map keyed by the request: middleware (bodyLimit) may replace
  // `c.req.raw` on the way to the route.
  return c.get('accountUser') ?? null;
}

/**
 * On a server with accounts (PostgreSQL), after `requestGuard`: the login cookie names the
 * user; an API request without a live login is refused with 401 (the UI and `/openapi.json`
 * hold no archive data and load without one, so the login page can show), and a viewer's
 * request that would change anything with 403.
 *
 * @example
 * app.use('*', loginGuard(accounts));
 */
export function loginGuard(accounts: AccountStore): MiddlewareHandler {
  return async (c, next) => {
    const token = getCookie(c, LOGIN_COOKIE);
    const user = token === undefined ? null : accounts.sessionUser(token);
    if (user !== null) c.set('accountUser', user);
    const route = `${c.req.method} ${c.req.path}`;
    if (c.req.path.startsWith('/api/') && !OPEN_API.has(route)) {
      if (user === null) throw new ApiError('unauthorized', 'log in first (POST /api/login)');
      const reads = c.req.method === 'GET' || c.req.method === 'HEAD';
      if (user.role !== 'curator' && !reads && !VIEWER_MAY_POST.has(route))
        throw new ApiError('forbidden', `a ${user.role} may read but not change the archive`);
    }
    await next();
  };
}

/**
 * Sets the login cookie of a new session: HttpOnly (no script reads it), SameSite=Strict (no
 * other site's request carries it), Secure over HTTPS, ending with the session.
 *
 * @example
 * setLoginCookie(c, session);
 */
export function setLoginCookie(c: Context, session: AccountSession): void {
  const seconds = Math.max(1, Math.ceil((Date.parse(session.expiresAt) - Date.now()) / 1000));
  setCookie(c, LOGIN_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttps(c),
    maxAge: seconds,
  });
}

/**
 * Ends the login of this request's cookie, in the store and in the browser.
 *
 * @example
 * endLogin(c, accounts);
 */
export function endLogin(c: Context, accounts: AccountStore): void {
  const token = getCookie(c, LOGIN_COOKIE);
  if (token !== undefined) accounts.endSession(token);
  deleteCookie(c, LOGIN_COOKIE, { path: '/', secure: isHttps(c) });
}

/** Behind a TLS-terminating proxy the request URL is http; the proxy says so in its header. */
function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto') === 'https';
}

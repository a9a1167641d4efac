import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ServerDeps } from '../context.js';
import { ApiError } from '../errors.js';
import { endLogin, setLoginCookie } from '../login-guard.js';
import { LoginThrottle } from '../login-throttle.js';
import { LoggedInSchema, LoginBody } from '../schemas/accounts.js';
import { errorResponses } from '../schemas/common.js';
import { SESSION_SECURITY } from './security-doc.js';

const login = createRoute({
  method: 'post',
  path: '/api/login',
  summary: 'Log in with a name and password (servers on PostgreSQL): sets the login cookie',
  description:
    'A wrong name and a wrong password get the same 401, in the same time; after 10 failures of one name in 15 minutes, 429 until the window has passed. The cookie is HttpOnly and SameSite=Strict.',
  security: SESSION_SECURITY,
  request: { body: { required: true, content: { 'application/json': { schema: LoginBody } } } },
  responses: {
    200: {
      description: 'logged in',
      content: { 'application/json': { schema: LoggedInSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/api/logout',
  summary: 'End this login (servers on PostgreSQL)',
  security: SESSION_SECURITY,
  responses: { 204: { description: 'logged out' }, ...errorResponses(403, 404) },
});

/**
 * `POST /api/login`, `POST /api/logout`: 404 on a server without accounts (SQLite), whose
 * access is the token of its login link.
 *
 * @example
 * registerLoginRoutes(app, deps);
 */
export function registerLoginRoutes(
  app: OpenAPIHono,
  deps: ServerDeps,
  throttle = new LoginThrottle(),
): void {
  app.openapi(login, async (c) => {
    const accounts = accountsOf(deps);
    const { name, password } = c.req.valid('json');
    const wait = throttle.waitFor(name);
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      throw new ApiError('too_many_requests', 'too many failed logins: try again later');
    }
    const session = await accounts.logIn(name, password);
    if (session === null) {
      throttle.failed(name);
      throw new ApiError('unauthorized', 'wrong name or password');
    }
    throttle.succeeded(name);
    setLoginCookie(c, session);
    const { name: userName, role } = session.user;
    return c.json({ user: { name: userName, role }, expiresAt: session.expiresAt }, 200);
  });

  app.openapi(logout, (c) => {
    endLogin(c, accountsOf(deps));
    return c.body(null, 204);
  });
}

function accountsOf(deps: ServerDeps) {
  if (deps.accounts === null)
    throw new ApiError(
      'not_found',
      'this server has no accounts (they need a PostgreSQL archive): open its login link',
    );
  return deps.accounts;
}

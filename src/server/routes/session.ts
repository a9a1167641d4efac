import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ServerDeps } from '../context.js';
import { currentUser } from '../login-guard.js';
import { SessionSchema } from '../schemas/session.js';

const session = createRoute({
  method: 'get',
  path: '/api/session',
  summary:
    "This server's session token, for the X-Kirinuki-Token header of non-GET requests, and who is logged in",
  description:
    "Readable from the server's own pages only: no CORS headers are ever sent, so another site cannot read it.",
  responses: {
    200: { description: 'the token', content: { 'application/json': { schema: SessionSchema } } },
  },
});

/**
 * `GET /api/session`.
 *
 * @example
 * registerSessionRoutes(app, deps);
 */
export function registerSessionRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  app.openapi(session, (c) => {
    const user = currentUser(c);
    return c.json(
      {
        token: deps.sessionToken,
        version: deps.version,
        accounts: deps.accounts !== null,
        user: user === null ? null : { name: user.name, role: user.role },
      },
      200,
    );
  });
}

import type { OpenAPIHono } from '@hono/zod-openapi';
import { ACCESS_COOKIE, SESSION_TOKEN_HEADER } from './security.js';

/** The OpenAPI 3.1 document of the app's routes, as `/openapi.json` serves it. */
export type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

/**
 * The OpenAPI 3.1 document of the workbench API, generated from the routes' zod schemas: what
 * `/openapi.json` answers and `scripts/write-openapi.ts` writes to `docs/openapi.json`.
 *
 * @example
 * openApiDocument(createServerApp(options).app, '0.1.0').paths['/api/search'];
 */
export function openApiDocument(app: OpenAPIHono, version: string): OpenApiDocument {
  const registry = app.openAPIRegistry;
  if (!registered.has(registry)) {
    registered.add(registry);
    registry.registerComponent('securitySchemes', 'sessionToken', {
      type: 'apiKey',
      in: 'header',
      name: SESSION_TOKEN_HEADER,
      description:
        'Every request that is not GET: the token of `GET /api/session`, with an `Origin` header naming the server (or `Sec-Fetch-Site: same-origin`).',
    });
    registry.registerComponent('securitySchemes', 'accessToken', {
      type: 'http',
      scheme: 'bearer',
      description: `Only when the server was started with --token: every request, or the ${ACCESS_COOKIE} cookie that GET /login?token=T sets.`,
    });
  }
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'kirinuki workbench API',
      version,
      description:
        'The JSON API of `kirinuki serve`. Errors: `{ "error": { "code", "message", "field"? } }`. See docs/api.md.',
    },
    servers: [{ url: 'http://127.0.0.1:8080', description: 'kirinuki serve (default port)' }],
  });
}

const registered = new WeakSet<object>();

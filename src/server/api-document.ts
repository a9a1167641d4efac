import { OpenAPIHono } from '@hono/zod-openapi';
import { KirinukiError } from '../model/index.js';
import { registerApiRoutes } from './app.js';
import type { ServerDeps } from './context.js';
import { openApiDocument, type OpenApiDocument } from './openapi.js';

/**
 * The OpenAPI document of the workbench API, made from the routes alone (no archive, no
 * server): what `scripts/write-openapi.ts` writes to `docs/openapi.json`, and what a running
 * server's `/openapi.json` serves.
 *
 * @example
 * apiDocument('0.1.0').paths['/api/search']?.get?.summary;
 */
export function apiDocument(version: string): OpenApiDocument {
  const app = new OpenAPIHono();
  registerApiRoutes(app, unusable);
  return openApiDocument(app, version);
}

/**
 * `apiDocument` as the committed file holds it: two-space JSON with a final newline.
 *
 * @example
 * writeFileSync('docs/openapi.json', apiDocumentText('0.1.0'));
 */
export function apiDocumentText(version: string): string {
  return `${JSON.stringify(apiDocument(version), null, 2)}\n`;
}

/** Dependencies that fail loudly if a route reads them while the document is made. */
const unusable = new Proxy({} as ServerDeps, {
  get(_target, name) {
    throw new KirinukiError('server', `the API document read deps.${String(name)} at registration`);
  },
});

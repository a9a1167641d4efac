import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { formatDiagnostic } from '../../model/index.js';
import { captureUrl } from '../../pipeline/index.js';
import type { ServerDeps } from '../context.js';
import { ApiError } from '../errors.js';
import { errorResponses } from '../schemas/common.js';
import { CaptureBody, CapturedSchema } from '../schemas/entries.js';
import { createdView } from './created-view.js';
import { SESSION_SECURITY } from './security-doc.js';

const capture = createRoute({
  method: 'post',
  path: '/api/capture',
  summary: 'Fetch a feed, article page or post URL safely and file what it holds',
  description:
    'Time-outs, size and redirect caps, and no private addresses, as `kirinuki fetch`. The entries the URL gave come back, those already filed included.',
  security: SESSION_SECURITY,
  request: { body: { required: true, content: { 'application/json': { schema: CaptureBody } } } },
  responses: {
    200: {
      description: 'the entries it gave',
      content: { 'application/json': { schema: CapturedSchema } },
    },
    ...errorResponses(400, 403),
  },
});

/**
 * `POST /api/capture`.
 *
 * @example
 * registerCaptureRoutes(app, deps);
 */
export function registerCaptureRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  app.openapi(capture, async (c) => c.json(await captureInto(deps, c.req.valid('json').url), 200));
}

/**
 * Fetches a URL into the archive through the pipeline's safe fetch, answering as a paste is
 * answered; a URL that cannot be fetched or read is a 400 naming `url`.
 *
 * @example
 * const { created } = await captureInto(deps, 'https://example.jp/rss');
 */
export async function captureInto(deps: ServerDeps, url: string, day: { day?: string } = {}) {
  const r = await captureUrl(deps.archive, url, {
    today: deps.today(),
    knowledge: deps.knowledge,
    fetch: deps.fetch,
    ...day,
    ...(deps.oembedEndpoint ? { oembedEndpoint: deps.oembedEndpoint } : {}),
  });
  if (!r.ok) throw new ApiError('bad_request', formatDiagnostic(r.error), 'url');
  return createdView(deps.archive, r.value, 'url');
}

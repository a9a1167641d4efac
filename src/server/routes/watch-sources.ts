import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  addWatchSource,
  readWatchSources,
  removeWatchSource,
  type WatchSourceEditFailure,
  type WatchSourcesList,
} from '../../pipeline/index.js';
import type { ServerDeps } from '../context.js';
import { ApiError } from '../errors.js';
import { errorResponses } from '../schemas/common.js';
import {
  AddWatchSourceBody,
  RemoveWatchSourceQuery,
  WatchSourcesSchema,
} from '../schemas/watch-sources.js';
import { SESSION_SECURITY } from './security-doc.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

const WATCH_FILE =
  'The sources file `kirinuki watch` reads (`sources.txt` beside the archive unless the server is given another): one feed a line, its URL then an optional name.';

const list = createRoute({
  method: 'get',
  path: '/api/capture/sources',
  summary: 'The feeds `kirinuki watch` polls',
  description: WATCH_FILE,
  responses: { 200: { description: 'the sources file', content: json(WatchSourcesSchema) } },
});

const add = createRoute({
  method: 'post',
  path: '/api/capture/sources',
  summary: 'Add a feed to the sources file of `watch`',
  description: `${WATCH_FILE} The line is appended; every other line, comments too, is kept.`,
  security: SESSION_SECURITY,
  request: { body: { required: true, content: json(AddWatchSourceBody) } },
  responses: {
    201: { description: 'the sources file after the change', content: json(WatchSourcesSchema) },
    ...errorResponses(400, 403, 409),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/capture/sources',
  summary: 'Remove a feed from the sources file of `watch`',
  description: `${WATCH_FILE} Every line listing the URL goes; every other line is kept.`,
  security: SESSION_SECURITY,
  request: { query: RemoveWatchSourceQuery },
  responses: {
    200: { description: 'the sources file after the change', content: json(WatchSourcesSchema) },
    ...errorResponses(400, 403, 404),
  },
});

/**
 * `GET`, `POST` and `DELETE /api/capture/sources`: the sources file of `kirinuki watch`, read
 * and changed through the pipeline with the reader `watch` uses.
 *
 * @example
 * registerWatchSourceRoutes(app, deps);
 */
export function registerWatchSourceRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  app.openapi(list, (c) => c.json(view(readWatchSources(deps.watchSources)), 200));
  app.openapi(add, (c) => {
    const r = addWatchSource(deps.watchSources, c.req.valid('json'));
    if (!r.ok) throw refusal(r.error);
    return c.json(view(r.value), 201);
  });
  app.openapi(remove, (c) => {
    const r = removeWatchSource(deps.watchSources, c.req.valid('query').url);
    if (!r.ok) throw refusal(r.error);
    return c.json(view(r.value), 200);
  });
}

function view(list: WatchSourcesList) {
  return {
    file: list.file,
    sources: list.sources,
    problems: list.diagnostics.map((d) => ({ line: d.line ?? null, message: d.message })),
  };
}

function refusal(failure: WatchSourceEditFailure): ApiError {
  // The pipeline's message names its module; the error body names the server's.
  const message = failure.message.replace(/^pipeline: /, '');
  if (failure.kind === 'invalid') return new ApiError('bad_request', message, failure.field);
  if (failure.kind === 'duplicate') return new ApiError('conflict', message, 'url');
  return new ApiError('not_found', message, 'url');
}

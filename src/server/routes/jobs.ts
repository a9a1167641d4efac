import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { formatDiagnostic } from '../../model/index.js';
import { importFilesInSteps, reindexArchiveInSteps, sourceFilesAt } from '../../pipeline/index.js';
import type { ServerDeps } from '../context.js';
import { ApiError } from '../errors.js';
import type { JobEvent } from '../jobs.js';
import { errorResponses } from '../schemas/common.js';
import { JobBody, JobCreatedSchema, JobParams, JobStatusSchema } from '../schemas/jobs.js';
import { SESSION_SECURITY } from './security-doc.js';

const start = createRoute({
  method: 'post',
  path: '/api/jobs',
  summary: 'Start an import of a file or directory, or a reindex, in the background',
  description: 'One job at a time (409 while one runs). Follow it with GET /api/jobs/{id}/events.',
  security: SESSION_SECURITY,
  request: { body: { required: true, content: { 'application/json': { schema: JobBody } } } },
  responses: {
    202: { description: 'started', content: { 'application/json': { schema: JobCreatedSchema } } },
    ...errorResponses(400, 403, 409),
  },
});

const status = createRoute({
  method: 'get',
  path: '/api/jobs/{id}',
  summary: "A job's state and progress",
  request: { params: JobParams },
  responses: {
    200: { description: 'the job', content: { 'application/json': { schema: JobStatusSchema } } },
    ...errorResponses(404),
  },
});

const events = createRoute({
  method: 'get',
  path: '/api/jobs/{id}/events',
  summary: "A job's progress as server-sent events",
  description:
    'Events: `progress` {done, total} (first where it stands, then as it goes), then one of `done` {summary}, `failed` {message}, `cancelled` {summary: what was done before it stopped}; the stream then ends.',
  request: { params: JobParams },
  responses: {
    200: { description: 'the events', content: { 'text/event-stream': { schema: z.string() } } },
    ...errorResponses(404),
  },
});

const cancel = createRoute({
  method: 'delete',
  path: '/api/jobs/{id}',
  summary: 'Cancel a job: an import stops between files (each file is one transaction)',
  security: SESSION_SECURITY,
  request: { params: JobParams },
  responses: {
    202: { description: 'asked to stop; the events say when it has' },
    ...errorResponses(403, 404),
  },
});

/**
 * The job routes: start, follow, cancel.
 *
 * @example
 * registerJobRoutes(app, deps);
 */
export function registerJobRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  app.openapi(start, (c) => {
    const body = c.req.valid('json');
    const id =
      body.kind === 'reindex' ? startReindex(deps) : startImport(deps, body.path, body.day);
    return c.json({ id }, 202);
  });

  app.openapi(status, (c) => c.json(deps.jobs.status(c.req.valid('param').id), 200));

  app.openapi(events, (c) => {
    const { id } = c.req.valid('param');
    deps.jobs.status(id); // a 404 before the stream starts
    return streamSSE(c, async (stream) => {
      const queue: JobEvent[] = [];
      let wake: (() => void) | null = null;
      const stop = deps.jobs.listen(id, (e) => {
        queue.push(e);
        wake?.();
      });
      stream.onAbort(() => {
        stop();
        wake?.();
      });
      try {
        for (;;) {
          const e = queue.shift();
          if (e === undefined) {
            if (stream.aborted) return;
            await new Promise<void>((resolve) => (wake = resolve));
            wake = null;
            continue;
          }
          await stream.writeSSE({ event: e.event, data: JSON.stringify(e.data) });
          if (e.event !== 'progress') return;
        }
      } finally {
        stop();
      }
    });
  });

  app.openapi(cancel, (c) => {
    deps.jobs.cancel(c.req.valid('param').id);
    return c.body(null, 202);
  });
}

function startImport(deps: ServerDeps, path: string, day: string | undefined): string {
  const files = sourceFilesAt(path);
  if (!files.ok) throw new ApiError('bad_request', formatDiagnostic(files.error), 'path');
  const { files: toRead } = files.value;
  if (toRead.length === 0)
    throw new ApiError('bad_request', `no files to import in ${path}`, 'path');
  return deps.jobs.start('import', async ({ signal, progress }) => {
    progress(0, toRead.length);
    const summary = await importFilesInSteps(deps.archive, toRead, {
      today: deps.today(),
      knowledge: deps.knowledge,
      ...(day === undefined ? {} : { day }),
      signal,
      onFile: (done, total) => progress(done, total),
    });
    const { cancelled, ...rest } = summary;
    return { summary: rest, cancelled };
  });
}

function startReindex(deps: ServerDeps): string {
  return deps.jobs.start('reindex', async ({ signal, progress }) => {
    const total = deps.archive.stats().entries;
    progress(0, total);
    const report = await reindexArchiveInSteps(deps.archive, {
      knowledge: deps.knowledge,
      signal,
      onProgress: (done) => progress(done, total),
    });
    const { cancelled, ...rest } = report;
    return { summary: rest, cancelled: cancelled === true };
  });
}

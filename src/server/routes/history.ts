import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ServerDeps } from '../context.js';
import { ApiError } from '../errors.js';
import { HistorySchema } from '../schemas/accounts.js';
import { EntryIdParams, errorResponses } from '../schemas/common.js';

const history = createRoute({
  method: 'get',
  path: '/api/entries/{id}/history',
  summary: 'Who changed an entry and when: its audit records, oldest first',
  description:
    'Each edit, accept, drop and reorder with the user, the time and the summary lines and tags before and after. A server without accounts (SQLite) keeps no log: `audited: false`.',
  request: { params: EntryIdParams },
  responses: {
    200: { description: 'the records', content: { 'application/json': { schema: HistorySchema } } },
    ...errorResponses(400, 401, 404),
  },
});

/**
 * `GET /api/entries/{id}/history`: by id or unique prefix; a dropped entry by its full id.
 *
 * @example
 * registerHistoryRoutes(app, deps);
 */
export function registerHistoryRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  app.openapi(history, (c) => {
    const { id } = c.req.valid('param');
    const stored = deps.archive.findEntry(id);
    if (deps.accounts === null) {
      if (!stored) throw new ApiError('not_found', `no entry with id "${id}"`);
      return c.json({ audited: false, records: [] }, 200);
    }
    const records = deps.accounts.historyOf(stored?.entry.id ?? id);
    if (!stored && records.length === 0)
      throw new ApiError('not_found', `no entry with id "${id}"`);
    return c.json({ audited: true, records }, 200);
  });
}

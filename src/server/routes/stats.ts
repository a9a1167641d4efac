import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ServerDeps } from '../context.js';
import { StatsSchema } from '../schemas/stats.js';

const stats = createRoute({
  method: 'get',
  path: '/api/stats',
  summary: 'What the archive holds: entries, days, summary lines, tags and accounts with counts',
  responses: {
    200: { description: 'the stats', content: { 'application/json': { schema: StatsSchema } } },
  },
});

/**
 * `GET /api/stats`.
 *
 * @example
 * registerStatsRoutes(app, deps);
 */
export function registerStatsRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  app.openapi(stats, (c) => c.json(deps.archive.stats(), 200));
}

import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { entryCard, facetedSearch } from '../../pipeline/index.js';
import type { ServerDeps } from '../context.js';
import { withStorySize } from './card-view.js';
import { ApiError } from '../errors.js';
import { KEPT } from '../security.js';
import { errorResponses } from '../schemas/common.js';
import { SearchQuery, SearchSchema } from '../schemas/search.js';

const search = createRoute({
  method: 'get',
  path: '/api/search',
  summary: 'Search with the query syntax of `kirinuki search`, with facets',
  description:
    'Words, "phrases", -exclusions, tag:, from:@handle, speaker:, person:, since:, until:. A malformed query is a 400 whose message gives the offset of the fault.',
  request: { query: SearchQuery },
  responses: {
    200: { description: 'ranked hits', content: { 'application/json': { schema: SearchSchema } } },
    ...errorResponses(400),
  },
});

/**
 * `GET /api/search`.
 *
 * @example
 * registerSearchRoutes(app, deps);
 */
export function registerSearchRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  app.openapi(search, (c) => {
    const { q, limit, offset, sort } = c.req.valid('query');
    const { value: body, kept } = deps.answers.remember(
      `search\u0000${q}\u0000${limit}\u0000${offset}\u0000${sort}`,
      () => {
        const r = facetedSearch(deps.archive, q, {
          limit,
          offset,
          sort,
          knowledge: deps.knowledge,
        });
        if (!r.ok) return r.error;
        const { hits, total, totalExact, facets } = r.value;
        const sizes = deps.answers.storySizes();
        return {
          hits: hits.map((h) => ({
            card: withStorySize(deps.archive, entryCard(h.stored), sizes),
            snippet: { text: h.snippet.text, highlights: h.snippet.highlights },
          })),
          total,
          totalExact,
          facets,
        };
      },
    );
    if (kept) c.header('Server-Timing', KEPT);
    // The archive's message says where the fault is (`… at character 7`).
    if ('offset' in body)
      throw new ApiError('bad_request', `q: ${body.message.replace(/^archive: /, '')}`, 'q');
    return c.json(body, 200);
  });
}

import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { tagsOfArchive, tagTimeline } from '../../pipeline/index.js';
import type { ServerDeps } from '../context.js';
import { cardViews } from './card-view.js';
import { ApiError } from '../errors.js';
import { errorResponses } from '../schemas/common.js';
import { TagParams, TagSchema, TagsSchema } from '../schemas/people.js';

/**
 * How many of a tag's newest entries its page lists. */
const LATEST = 20;

const tags = createRoute({
  method: 'get',
  path: '/api/tags',
  summary: 'Every tag of the archive and the taxonomy, with entry counts and descriptions',
  responses: {
    200: { description: 'the tags', content: { 'application/json': { schema: TagsSchema } } },
  },
});

const tag = createRoute({
  method: 'get',
  path: '/api/tags/{tag}',
  summary: "One tag's entries per day and its newest entries",
  request: { params: TagParams },
  responses: {
    200: { description: 'the tag', content: { 'application/json': { schema: TagSchema } } },
    ...errorResponses(400, 404),
  },
});

/** `GET /api/tags`, `GET /api/tags/{tag}`.
 *
 * @example
 * registerTagRoutes(app, deps);
 */
export function registerTagRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  app.openapi(tags, (c) => {
    const r = tagsOfArchive(deps.archive, deps.tagStore);
    if (!r.ok) throw new ApiError('internal', r.error.map((d) => d.message).join('; '));
    return c.json({ tags: r.value }, 200);
  });

  app.openapi(tag, (c) => {
    const { tag: name } = c.req.valid('param');
    const timeline = tagTimeline(deps.archive, name, LATEST);
    if (timeline.perDay.length === 0) {
      const known = tagsOfArchive(deps.archive, deps.tagStore);
      if (!known.ok || !known.value.some((t) => t.tag === name))
        throw new ApiError('not_found', `no tag "${name}" in the archive or the taxonomy`);
    }
    return c.json(
      {
        tag: name,
        perDay: timeline.perDay,
        latest: cardViews(deps.archive, timeline.latest, deps.answers.storySizes()),
      },
      200,
    );
  });
}

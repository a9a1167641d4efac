import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { ServerDeps } from '../context.js';
import { cardViews } from './card-view.js';
import { ApiError } from '../errors.js';
import { errorResponses } from '../schemas/common.js';
import { StorySchema } from '../schemas/entries.js';

const StoryParams = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({
      param: { name: 'id', in: 'path' },
      description: "the story's id (an entry's `story`)",
    }),
});

const story = createRoute({
  method: 'get',
  path: '/api/stories/{id}',
  summary: 'One story: every entry telling the same news, by day then order',
  description:
    'A story of one entry is that entry alone; an entry id of a story member finds its story.',
  request: { params: StoryParams },
  responses: {
    200: { description: 'the story', content: { 'application/json': { schema: StorySchema } } },
    ...errorResponses(400, 404),
  },
});

/**
 * `GET /api/stories/{id}`.
 *
 * @example
 * registerStoryRoutes(app, deps);
 */
export function registerStoryRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  app.openapi(story, (c) => {
    const { id } = c.req.valid('param');
    let entries = deps.archive.entriesOfStory(id);
    let storyId = id;
    if (entries.length === 0) {
      // An entry's id (or prefix) stands for the story it belongs to.
      const member = id.length >= 6 ? deps.archive.findEntry(id) : null;
      if (member === null) throw new ApiError('not_found', `no story "${id}"`);
      storyId = member.story;
      entries = deps.archive.entriesOfStory(storyId);
      if (entries.length === 0) entries = [member];
    }
    return c.json(
      { story: storyId, entries: cardViews(deps.archive, entries, deps.answers.storySizes()) },
      200,
    );
  });
}

import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { personTimeline, quotedPeople } from '../../pipeline/index.js';
import type { ServerDeps } from '../context.js';
import { ApiError } from '../errors.js';
import { KEPT } from '../security.js';
import { errorResponses } from '../schemas/common.js';
import { PeopleQuery, PeopleSchema, PersonParams, PersonSchema } from '../schemas/people.js';

/**
 * How many of a person's newest entries their page lists the quotes of. */
const LATEST = 200;

const people = createRoute({
  method: 'get',
  path: '/api/people',
  summary: 'The people the summary lines quote, most quoted first',
  request: { query: PeopleQuery },
  responses: {
    200: { description: 'the people', content: { 'application/json': { schema: PeopleSchema } } },
    ...errorResponses(400),
  },
});

const person = createRoute({
  method: 'get',
  path: '/api/people/{name}',
  summary: "One person's quotes in the summary lines, and the entries quoting them per day",
  request: { params: PersonParams },
  responses: {
    200: { description: 'the person', content: { 'application/json': { schema: PersonSchema } } },
    ...errorResponses(400, 404),
  },
});

/** `GET /api/people`, `GET /api/people/{name}`.
 *
 * @example
 * registerPeopleRoutes(app, deps);
 */
export function registerPeopleRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  app.openapi(people, (c) => {
    const { limit } = c.req.valid('query');
    const { value: people, kept } = deps.answers.remember(`people\u0000${limit}`, () =>
      quotedPeople(deps.archive, deps.personOf, limit),
    );
    if (kept) c.header('Server-Timing', KEPT);
    return c.json({ people }, 200);
  });

  app.openapi(person, (c) => {
    const { name } = c.req.valid('param');
    const { value: found, kept } = deps.answers.remember(`person\u0000${name}`, () =>
      personTimeline(deps.archive, deps.personOf, name, LATEST),
    );
    if (kept) c.header('Server-Timing', KEPT);
    if (found === null) throw new ApiError('not_found', `no summary line quotes "${name}"`);
    return c.json(found, 200);
  });
}

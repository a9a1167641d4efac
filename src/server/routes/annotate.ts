import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { composeText } from '../../pipeline/index.js';
import type { ServerDeps } from '../context.js';
import { AnnotateBody, AnnotatedSchema } from '../schemas/annotate.js';
import { errorResponses } from '../schemas/common.js';
import { SESSION_SECURITY } from './security-doc.js';

const annotate = createRoute({
  method: 'post',
  path: '/api/annotate',
  summary: 'Quotes with their speakers, names, and proposed tags and line for a text (Compose)',
  description: 'Nothing is filed: a POST only because the text can be long.',
  security: SESSION_SECURITY,
  request: { body: { required: true, content: { 'application/json': { schema: AnnotateBody } } } },
  responses: {
    200: {
      description: 'the annotations',
      content: { 'application/json': { schema: AnnotatedSchema } },
    },
    ...errorResponses(400, 403),
  },
});

/**
 * `POST /api/annotate`.
 *
 * @example
 * registerAnnotateRoutes(app, deps);
 */
export function registerAnnotateRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  app.openapi(annotate, (c) => {
    const { text } = c.req.valid('json');
    const { annotations, suggestion } = composeText(text, deps.knowledge, deps.taggers.current());
    return c.json(
      {
        quotes: annotations.quotes.map((q) => ({
          start: q.start,
          end: q.end,
          text: q.text,
          speaker: q.speaker,
          kind: q.kind,
        })),
        entities: annotations.entities.map((e) => ({
          start: e.start,
          end: e.end,
          kind: e.type,
          canonical: e.canonical,
        })),
        suggestion,
      },
      200,
    );
  });
}

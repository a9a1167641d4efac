import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  checkDayQuotes,
  digestDayOf,
  publishDay,
  reorderDay,
  type CheckFlag,
} from '../../pipeline/index.js';
import { renderDigest } from '../../publish/index.js';
import { audited, reorderChanges } from '../audit.js';
import type { ServerDeps } from '../context.js';
import { withStorySize } from './card-view.js';
import { curateError } from '../curate-errors.js';
import { ApiError } from '../errors.js';
import { errorResponses } from '../schemas/common.js';
import {
  DigestParams,
  DigestQuery,
  DigestSchema,
  OrderBody,
  OrderSchema,
  PublishBody,
  PublishSchema,
} from '../schemas/digest.js';
import { SESSION_SECURITY } from './security-doc.js';

const digest = createRoute({
  method: 'get',
  path: '/api/digest/{day}',
  summary: "A day's digest in a publishing format, with the quote check's flags",
  request: { params: DigestParams, query: DigestQuery },
  responses: {
    200: { description: 'the digest', content: { 'application/json': { schema: DigestSchema } } },
    ...errorResponses(400, 404),
  },
});

const order = createRoute({
  method: 'put',
  path: '/api/digest/{day}/order',
  summary: 'A new digest order for the day: every entry id of the day, once',
  security: SESSION_SECURITY,
  request: {
    params: DigestParams,
    body: { required: true, content: { 'application/json': { schema: OrderBody } } },
  },
  responses: {
    200: {
      description: "the day's entries in the new order",
      content: { 'application/json': { schema: OrderSchema } },
    },
    ...errorResponses(400, 403),
  },
});

const publish = createRoute({
  method: 'post',
  path: '/api/digest/{day}/publish',
  summary: "Post a day's digest to the blog, or update the post it was posted as",
  description:
    "Credentials come from the server's environment or the blog settings file, as for `kirinuki publish`. A new post is a draft unless `publish`.",
  security: SESSION_SECURITY,
  request: {
    params: DigestParams,
    body: { required: true, content: { 'application/json': { schema: PublishBody } } },
  },
  responses: {
    200: {
      description: 'what was done',
      content: { 'application/json': { schema: PublishSchema } },
    },
    ...errorResponses(400, 403, 404, 409, 502),
  },
});

/**
 * `GET /api/digest/{day}`, `PUT /api/digest/{day}/order`, `POST /api/digest/{day}/publish`.
 *
 * @example
 * registerDigestRoutes(app, deps);
 */
export function registerDigestRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  app.openapi(digest, (c) => {
    const { day } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const filed = digestDayOf(deps.archive, day);
    if (filed.entries.length === 0) throw new ApiError('not_found', `no entries filed for ${day}`);
    const report = checkDayQuotes(deps.archive, day, deps);
    return c.json(
      { format, text: renderDigest(filed, format), flags: report.flags.map(flagView) },
      200,
    );
  });

  app.openapi(order, (c) => {
    const { day } = c.req.valid('param');
    const { ids } = c.req.valid('json');
    const cards = audited(deps, c, () => {
      // The order before, for the audit log (only a server with accounts keeps one).
      const was = deps.accounts ? deps.archive.entriesOfDay(day).map((s) => s.entry.id) : [];
      const r = reorderDay(deps.archive, day, ids);
      if (!r.ok) throw curateError(r.error);
      return { value: r.value, changes: reorderChanges(was, r.value) };
    });
    const sizes = deps.answers.storySizes();
    return c.json({ entries: cards.map((card) => withStorySize(deps.archive, card, sizes)) }, 200);
  });

  app.openapi(publish, async (c) => {
    const { day } = c.req.valid('param');
    const body = c.req.valid('json');
    if (deps.archive.entriesOfDay(day).length === 0)
      throw new ApiError('not_found', `no entries filed for ${day}`);
    if (body.strict) {
      const flags = checkDayQuotes(deps.archive, day, deps).flags;
      if (flags.length > 0)
        throw new ApiError(
          'conflict',
          `the quote check flags ${flags.length} summary line(s) of ${day}; nothing posted (strict)`,
        );
    }
    const credentials = deps.blogCredentials(body.to);
    if (!credentials.ok) throw new ApiError('bad_request', credentials.error.message, 'to');
    const r = await publishDay(deps.archive, day, credentials.value, {
      ...(body.publish ? { status: 'publish' as const } : {}),
    });
    if (!r.ok) {
      if (r.error.kind === 'empty-day') throw new ApiError('not_found', r.error.message);
      if (r.error.kind === 'config') throw new ApiError('bad_request', r.error.message, 'to');
      throw new ApiError('upstream', r.error.message);
    }
    return c.json(r.value, 200);
  });
}

/** A flag as the workbench shows it beside its line: what is wrong, in a sentence. */
function flagView(flag: CheckFlag) {
  if (flag.kind === 'speaker')
    return {
      entryId: flag.entryId,
      tag: flag.tag,
      speaker: flag.speaker,
      quote: null,
      kind: flag.kind,
      reason: `the text never names ${flag.speaker}`,
      missing: [],
      nearest: null,
    };
  const nearest =
    flag.nearest === null
      ? 'no passage of the text is near it'
      : `nearest passage (similarity ${flag.nearest.similarity.toFixed(2)}): 「${flag.nearest.text}」`;
  const missing =
    flag.missing.length < flag.pieces
      ? `; missing: ${flag.missing.map((m) => `「${m}」`).join('')}`
      : '';
  return {
    entryId: flag.entryId,
    tag: flag.tag,
    speaker: flag.speaker,
    quote: flag.quote,
    kind: flag.kind,
    reason: `the quote is not in the text${missing}; ${nearest}`,
    missing: flag.missing,
    nearest:
      flag.nearest === null
        ? null
        : { text: flag.nearest.text, similarity: flag.nearest.similarity },
  };
}

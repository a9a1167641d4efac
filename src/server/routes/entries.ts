import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  acceptSuggestion,
  editEntry,
  entriesPage,
  entryCard,
  entrySuggestion,
  fileInput,
  filedDays,
  removeEntry,
} from '../../pipeline/index.js';
import { renderDigestText } from '../../publish/index.js';
import { audited, auditState, type AuditChange, type AuditedCard } from '../audit.js';
import type { ServerDeps } from '../context.js';
import { curateError } from '../curate-errors.js';
import { ApiError } from '../errors.js';
import { EntryIdParams, errorResponses, SuggestionSchema } from '../schemas/common.js';
import {
  AcceptBody,
  AcceptedSchema,
  CardSchema,
  CreateEntriesBody,
  CreatedSchema,
  DaysSchema,
  EditBody,
  EntriesQuery,
  EntryDetailSchema,
  EntryListSchema,
} from '../schemas/entries.js';
import { captureInto } from './capture.js';
import { createdView } from './created-view.js';
import { SESSION_SECURITY } from './security-doc.js';
import { KEPT } from '../security.js';
import { cardViews, withStorySize } from './card-view.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

const days = createRoute({
  method: 'get',
  path: '/api/days',
  summary: 'The filed days with their entry counts, newest first',
  responses: { 200: { description: 'the days', content: json(DaysSchema) } },
});

const list = createRoute({
  method: 'get',
  path: '/api/entries',
  summary: "A day's entries in digest order, or every entry by day, newest day first",
  request: { query: EntriesQuery },
  responses: {
    200: { description: 'a page of entries', content: json(EntryListSchema) },
    ...errorResponses(400),
  },
});

const one = createRoute({
  method: 'get',
  path: '/api/entries/{id}',
  summary: 'One entry (by id or a unique prefix of 6+ characters), its text and its story',
  request: { params: EntryIdParams },
  responses: {
    200: { description: 'the entry', content: json(EntryDetailSchema) },
    ...errorResponses(400, 404),
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/entries',
  summary: 'File new entries from pasted text, a URL or embed code',
  security: SESSION_SECURITY,
  request: { body: { required: true, content: json(CreateEntriesBody) } },
  responses: {
    200: { description: 'the entries it gave', content: json(CreatedSchema) },
    ...errorResponses(400, 403),
  },
});

const edit = createRoute({
  method: 'patch',
  path: '/api/entries/{id}',
  summary: "Set an entry's summary lines (and so its tags); the tagger learns them at once",
  security: SESSION_SECURITY,
  request: { params: EntryIdParams, body: { required: true, content: json(EditBody) } },
  responses: {
    200: { description: 'the entry now', content: json(CardSchema) },
    ...errorResponses(400, 403, 404, 409),
  },
});

const drop = createRoute({
  method: 'delete',
  path: '/api/entries/{id}',
  summary: 'Remove an entry from the archive',
  security: SESSION_SECURITY,
  request: { params: EntryIdParams },
  responses: { 204: { description: 'removed' }, ...errorResponses(400, 403, 404) },
});

const suggestion = createRoute({
  method: 'get',
  path: '/api/entries/{id}/suggestion',
  summary: 'The tags and summary line kirinuki proposes for an entry, with the reasons',
  request: { params: EntryIdParams },
  responses: {
    200: { description: 'the suggestion', content: json(SuggestionSchema) },
    ...errorResponses(400, 404, 409),
  },
});

const accept = createRoute({
  method: 'post',
  path: '/api/entries/{id}/accept',
  summary:
    "File the proposed line, or the curator's correction of it; the tagger learns it at once",
  security: SESSION_SECURITY,
  request: { params: EntryIdParams, body: { required: false, content: json(AcceptBody) } },
  responses: {
    200: {
      description: 'the entry and the suggestion after learning',
      content: json(AcceptedSchema),
    },
    ...errorResponses(400, 403, 404, 409),
  },
});

/**
 * The entry routes, `GET /api/days` and `GET /api/entries/{id}/suggestion` among them.
 *
 * @example
 * registerEntryRoutes(app, deps);
 */
export function registerEntryRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  const curate = () => ({ paths: deps.tagStore, knowledge: deps.knowledge });

  app.openapi(days, (c) => c.json({ days: filedDays(deps.archive) }, 200));

  app.openapi(list, (c) => {
    const { day, limit, offset } = c.req.valid('query');
    const page = entriesPage(deps.archive, { ...(day ? { day } : {}), limit, offset });
    return c.json(
      {
        entries: cardViews(deps.archive, page.entries, deps.answers.storySizes()),
        total: page.total,
      },
      200,
    );
  });

  app.openapi(one, (c) => {
    const stored = found(deps, c.req.valid('param').id);
    const story = deps.archive
      .entriesOfStory(stored.story)
      .filter((s) => s.entry.id !== stored.entry.id);
    const text = renderDigestText({
      day: stored.day,
      entries: [stored.entry],
      documentTagLines: [],
    });
    const storyEntries = story.length + 1;
    return c.json(
      {
        card: { ...entryCard(stored), storyEntries },
        text,
        story: story.map((s) => ({ ...entryCard(s), storyEntries })),
      },
      200,
    );
  });

  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const day = body.day === undefined ? {} : { day: body.day };
    if (body.url !== undefined) return c.json(await captureInto(deps, body.url, day), 200);
    const text = body.paste ?? body.embed ?? '';
    const filed = fileInput(
      deps.archive,
      { name: body.embed !== undefined ? 'embed' : 'paste', bytes: new TextEncoder().encode(text) },
      { today: deps.today(), knowledge: deps.knowledge, ...day },
    );
    return c.json(
      createdView(deps.archive, filed, body.embed !== undefined ? 'embed' : 'paste'),
      200,
    );
  });

  app.openapi(edit, (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const card = audited(deps, c, () => {
      const before = deps.archive.findEntry(id);
      const r = editEntry(deps.archive, id, body.summaryLines, curate(), body.startedFrom);
      deps.taggers.forget();
      if (!r.ok) throw curateError(r.error);
      const changes = before ? [auditedChange('edit', entryCard(before), r.value)] : [];
      return { value: r.value, changes };
    });
    return c.json({ card: withStorySize(deps.archive, card, deps.answers.storySizes()) }, 200);
  });

  app.openapi(drop, (c) => {
    const { id } = c.req.valid('param');
    audited(deps, c, () => {
      const r = removeEntry(deps.archive, id);
      if (!r.ok) throw curateError(r.error);
      return {
        value: r.value,
        changes: [
          {
            action: 'drop' as const,
            entryId: r.value.id,
            before: auditState(r.value),
            after: null,
          },
        ],
      };
    });
    return c.body(null, 204);
  });

  app.openapi(suggestion, (c) => {
    const stored = found(deps, c.req.valid('param').id);
    const tagger = deps.taggers.current();
    if (tagger === null)
      throw new ApiError(
        'conflict',
        'no tags to suggest: file summarised entries, or import a taxonomy (kirinuki tags import)',
      );
    // Kept until the archive or the tagger's files change: j/k back to an entry, or a reload,
    // is answered at once (a suggestion over 100,000 clips takes hundreds of ms).
    const { value, kept } = deps.answers.remember(
      `suggestion\u0000${stored.entry.id}\u0000${deps.taggers.loadedFrom()}`,
      () => entrySuggestion(stored.entry, tagger, deps.knowledge),
    );
    if (kept) c.header('Server-Timing', KEPT);
    return c.json(value, 200);
  });

  app.openapi(accept, (c) => {
    const { id } = c.req.valid('param');
    const { line } = c.req.valid('json');
    const accepted = audited(deps, c, () => {
      const before = deps.archive.findEntry(id);
      const r = acceptSuggestion(deps.archive, id, curate(), line);
      deps.taggers.forget();
      if (!r.ok) throw curateError(r.error);
      const changes = before ? [auditedChange('accept', entryCard(before), r.value.card)] : [];
      return { value: r.value, changes };
    });
    return c.json(
      {
        card: withStorySize(deps.archive, accepted.card, deps.answers.storySizes()),
        suggestionAfter: accepted.suggestionAfter,
      },
      200,
    );
  });
}

/** An edit or accept as an audit record: the entry's lines and tags before and after. */
function auditedChange(
  action: 'edit' | 'accept',
  before: AuditedCard,
  after: AuditedCard,
): AuditChange {
  return { action, entryId: after.id, before: auditState(before), after: auditState(after) };
}

/** The stored entry with this id (or unique prefix), or a 404. */
function found(deps: ServerDeps, id: string) {
  const stored = deps.archive.findEntry(id);
  if (!stored) throw new ApiError('not_found', `no entry with id "${id}"`);
  return stored;
}

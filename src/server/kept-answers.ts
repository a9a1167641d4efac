import type { MiddlewareHandler } from 'hono';
import type { ResponseCache } from './response-cache.js';
import { KEPT } from './security.js';

/**
 * The GET routes whose answer is the archive's alone (no tagger, no file beside it, no token):
 * days, entries and an entry, search, a day's digest, people, tags, stories, stats.
 */
const PURE_READS =
  /^\/api\/(days|stats|tags|people|search|entries|entries\/[^/]+|digest\/[^/]+|tags\/[^/]+|people\/[^/]+|stories\/[^/]+)$/;

/**
 * Answers a repeated read of the archive with the JSON text sent the first time, until the
 * archive changes (`ResponseCache`): the pages' reads — days, a day's entries, stats, tags —
 * cost a query, the cards and a JSON.stringify each time, for the same bytes. Only 200 JSON
 * answers are kept, under the path and query as sent; the request checks run before this.
 *
 * @example
 * app.use('/api/*', keptAnswers(deps.answers));
 */
export function keptAnswers(cache: ResponseCache): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' || !PURE_READS.test(c.req.path)) return next();
    const url = new URL(c.req.url);
    const key = `${url.pathname}${url.search}`;
    const kept = cache.keptText(key);
    if (kept !== null) {
      c.header('Server-Timing', KEPT);
      return c.body(kept, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
    }
    const version = cache.versionNow();
    await next();
    const type = c.res.headers.get('Content-Type') ?? '';
    if (c.res.status !== 200 || !type.startsWith('application/json')) return;
    cache.keepText(key, await c.res.clone().text(), version);
  };
}

import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { AccountStore } from '../archive/index.js';
import { loadBlogCredentials } from '../blog/index.js';
import {
  loadAbbreviations,
  personReader,
  tagStorePaths,
  watchSourcesPath,
} from '../pipeline/index.js';
import type { ServerAppOptions, ServerDeps } from './context.js';
import { ApiError, errorResponse, validationError } from './errors.js';
import { JobRunner } from './jobs.js';
import { keptAnswers } from './kept-answers.js';
import { loginGuard } from './login-guard.js';
import { openApiDocument } from './openapi.js';
import { registerAnnotateRoutes } from './routes/annotate.js';
import { registerCaptureRoutes } from './routes/capture.js';
import { registerDigestRoutes } from './routes/digest.js';
import { registerEntryRoutes } from './routes/entries.js';
import { registerHistoryRoutes } from './routes/history.js';
import { registerJobRoutes } from './routes/jobs.js';
import { registerLoginRoutes } from './routes/login.js';
import { registerPeopleRoutes } from './routes/people.js';
import { registerSearchRoutes } from './routes/search.js';
import { registerSessionRoutes } from './routes/session.js';
import { registerStatsRoutes } from './routes/stats.js';
import { registerStoryRoutes } from './routes/stories.js';
import { registerTagRoutes } from './routes/tags.js';
import { registerWatchSourceRoutes } from './routes/watch-sources.js';
import { loginHandler, newToken, requestGuard, securityHeaders, serverTiming } from './security.js';
import { ResponseCache } from './response-cache.js';
import { StaticUi } from './static-ui.js';
import { TaggerCache } from './tagger-cache.js';

/** The largest request body taken: a long article pasted whole is a fraction of it. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** The app a server runs, with what its owner needs to shut it down. */
export interface ServerApp {
  /** The Hono app: `app.fetch` answers requests. */
  app: OpenAPIHono;
  deps: ServerDeps;
  /** Stops the running jobs (an import stops between files). */
  close(): Promise<void>;
}

/**
 * The workbench server as a Hono app over an open archive: the JSON API under `/api` (every
 * request validated against the schemas of `schemas/`), `/openapi.json` generated from them,
 * the built UI, and the security of every request (see `security.ts`). It does not listen:
 * `startServer` does, and tests call `app.fetch` or run it on a loopback port.
 *
 * @example
 * const { app } = createServerApp({ archive, archivePath, knowledge });
 * const res = await app.request('/api/stats', { headers: { Host: '127.0.0.1' } });
 */
export function createServerApp(options: ServerAppOptions): ServerApp {
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const tagStore = tagStorePaths(options.archivePath, options.taxonomyPath);
  const deps: ServerDeps = {
    archive: options.archive,
    accounts: options.accounts ?? null,
    knowledge: options.knowledge,
    abbreviations: options.abbreviations ?? loadAbbreviations(),
    tagStore,
    watchSources: watchSourcesPath(options.archivePath, options.watchSourcesPath),
    taggers: new TaggerCache(options.archive, tagStore, options.knowledge),
    personOf: personReader(options.knowledge),
    answers: new ResponseCache(
      options.archivePath,
      undefined,
      accountsChangeMark(options.accounts),
    ),
    jobs: new JobRunner(log),
    version: options.version ?? '0.0.0',
    sessionToken: options.sessionToken ?? newToken(),
    blogCredentials: (target) => loadBlogCredentials(target, options.env ?? process.env),
    fetch: options.fetch ?? {},
    oembedEndpoint: options.oembedEndpoint,
    today: options.today ?? (() => new Date().toISOString().slice(0, 10)),
    log,
  };
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target);
    },
  });
  app.onError((e, c) => errorResponse(e, c, (x) => log(`server: ${describe(x)}`)));
  app.use('*', serverTiming());
  app.use('*', async (c, next) => {
    await next();
    // Whatever a state-changing request did, the kept answers are not to be trusted after it.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') deps.answers.changed();
  });
  app.use('*', securityHeaders());
  app.use(
    '*',
    requestGuard({
      sessionToken: deps.sessionToken,
      accessToken: options.accessToken ?? null,
      loopbackOnly: options.loopbackOnly ?? true,
    }),
  );
  // With accounts, a login names the user of every API request (after the checks above).
  if (deps.accounts !== null) app.use('*', loginGuard(deps.accounts));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError('bad_request', `the request body is over ${MAX_BODY_BYTES} bytes`);
      },
    }),
  );
  app.use('/api/*', keptAnswers(deps.answers));
  app.get('/login', loginHandler(options.accessToken ?? null));

  registerApiRoutes(app, deps);

  app.get('/openapi.json', (c) => c.json(openApiDocument(app, deps.version)));

  const ui = new StaticUi(options.webRoot);
  app.get('/', (c) => ui.page(c));
  app.get('/app', (c) => ui.page(c));
  app.get('/app/*', (c) => ui.page(c));
  app.notFound((c) => {
    if (c.req.method === 'GET' && !c.req.path.startsWith('/api/')) {
      const file = ui.asset(c);
      if (file) return file;
    }
    const missing = new ApiError('not_found', `no ${c.req.method} ${c.req.path}`);
    return errorResponse(missing, c, (x) => log(`server: ${describe(x)}`));
  });

  return { app, deps, close: () => deps.jobs.stopAll() };
}

/**
 * Every route of the JSON API on `app`. The routes read `deps` only when they answer, so the
 * OpenAPI document can be made from them without an archive (`apiDocument`).
 *
 * @example
 * registerApiRoutes(new OpenAPIHono(), deps);
 */
export function registerApiRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  registerSessionRoutes(app, deps);
  registerLoginRoutes(app, deps);
  registerEntryRoutes(app, deps);
  registerHistoryRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerDigestRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerTagRoutes(app, deps);
  registerStoryRoutes(app, deps);
  registerAnnotateRoutes(app, deps);
  registerCaptureRoutes(app, deps);
  registerWatchSourceRoutes(app, deps);
  registerStatsRoutes(app, deps);
  registerJobRoutes(app, deps);
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? ` (caused by: ${e.cause.message})` : '';
  return `${e.stack ?? e.message}${cause}`;
}

/** What tells the answers kept of a server archive that its database changed: its accounts' connection. */
function accountsChangeMark(accounts: AccountStore | null | undefined): (() => string) | undefined {
  return accounts ? () => accounts.changeMark() : undefined;
}

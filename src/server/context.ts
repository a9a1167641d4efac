import type { AccountStore, Archive } from '../archive/index.js';
import type { BlogCredentials, BlogFailure, BlogTarget } from '../blog/index.js';
import type { FetchOptions } from '../ingest/index.js';
import type { Result } from '../model/index.js';
import type { Knowledge } from '../nlp/index.js';
import type { PersonOf, TagStorePaths } from '../pipeline/index.js';
import type { Abbreviations } from '../text/index.js';
import type { JobRunner } from './jobs.js';
import type { ResponseCache } from './response-cache.js';
import type { TaggerCache } from './tagger-cache.js';

/** What `createServerApp` takes: the archive and knowledge the CLI would use, and the settings. */
export interface ServerAppOptions {
  archive: Archive;
  /** The archive's file: the tag model and style live beside it (`tagStorePaths`). */
  archivePath: string;
  /** The taxonomy file (default: `taxonomy.json` beside the archive). */
  taxonomyPath?: string;
  /** The sources file of `kirinuki watch` (default: `sources.txt` beside the archive). */
  watchSourcesPath?: string;
  knowledge: Knowledge;
  /** The quote check's abbreviations (default: the shipped ones). */
  abbreviations?: Abbreviations;
  /** kirinuki's version, for `GET /api/session`. */
  version?: string;
  /** The session token (default: a fresh random one). */
  sessionToken?: string;
  /** `--token`: every request then needs it. */
  accessToken?: string | null;
  /**
   * The accounts of a PostgreSQL archive: every API request then needs a login (`POST
   * /api/login`), viewers may only read, and edits are written to the audit log. Without
   * (SQLite): the access token alone, as before.
   */
  accounts?: AccountStore | null;
  /** Bound to loopback: refuse requests for other host names (default true). */
  loopbackOnly?: boolean;
  /** The built UI (`dist/web`); null or missing: `/` says how to build it. */
  webRoot?: string | null;
  /** The environment blog credentials are read from (default: `process.env`). */
  env?: Record<string, string | undefined>;
  /** How `POST /api/capture` fetches (time-outs, hosts allowed to be private). */
  fetch?: FetchOptions;
  /** Where a post URL is asked for by oEmbed (default: X's public endpoint). */
  oembedEndpoint?: string;
  /** Today, `YYYY-MM-DD`, for entries without a date of their own. */
  today?: () => string;
  /** Where unexpected errors are reported (default: stderr). */
  log?: (message: string) => void;
}

/** What every route gets: the options resolved, the tagger and the jobs. */
export interface ServerDeps {
  archive: Archive;
  /** The accounts and audit log; null on a server without accounts (SQLite). */
  accounts: AccountStore | null;
  knowledge: Knowledge;
  abbreviations: Abbreviations;
  tagStore: TagStorePaths;
  /** The sources file of `kirinuki watch`, listed and edited by `/api/capture/sources`. */
  watchSources: string;
  taggers: TaggerCache;
  /** Who a summary line's speaker is, remembered across requests. */
  personOf: PersonOf;
  /** Answers of the costly reads, until the archive changes. */
  answers: ResponseCache;
  jobs: JobRunner;
  version: string;
  sessionToken: string;
  /** A blog's credentials, from the environment or the settings file, as `publish` reads them. */
  blogCredentials: (target: BlogTarget) => Result<BlogCredentials, BlogFailure>;
  fetch: FetchOptions;
  oembedEndpoint: string | undefined;
  today: () => string;
  log: (message: string) => void;
}

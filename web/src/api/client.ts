import type {
  AcceptResponse,
  AnnotateResponse,
  ApiErrorBody,
  CardResponse,
  CreatedResponse,
  DaysResponse,
  DigestFormat,
  DigestResponse,
  EntriesResponse,
  EntryDetail,
  HistoryResponse,
  JobRequest,
  LoggedIn,
  JobStarted,
  EntryCard,
  OrderResponse,
  PeopleResponse,
  PersonResponse,
  PublishOutcome,
  PublishTarget,
  SearchResponse,
  Session,
  StoryResponse,
  Suggestion,
  TagResponse,
  TagsResponse,
  WatchSources,
} from './types.js';

/** A failed API call: the server's error code and message, and the field it names, if any. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal | undefined;
}

/** What a new entry is made from (POST /api/entries). */
export type NewEntrySource = { paste: string } | { url: string } | { embed: string };

/**
 * Reads an error response into an ApiError, whatever the body is.
 *
 * @example
 *   throw await errorOf(await fetch('/api/entries/nope'));
 */
export async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's page, an empty body): the status says enough.
  }
  const error = (body as Partial<ApiErrorBody> | null)?.error;
  if (error && typeof error.message === 'string') {
    return new ApiError(
      response.status,
      error.code ?? 'internal',
      error.message,
      error.field ?? null,
    );
  }
  return new ApiError(
    response.status,
    'internal',
    `web: ${response.status} ${response.statusText}`,
    null,
  );
}

const query = (params: Record<string, string | number | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

const segment = encodeURIComponent;
const DAY_PAGE = 500;

/**
 * The workbench API over fetch, same-origin. State-changing calls carry the session token
 * (`X-Kirinuki-Token`, from GET /api/session); the browser adds the Origin header itself.
 * A 403 on such a call fetches the token once more (the server may have restarted) and retries.
 */
export class ApiClient {
  private session: Promise<Session> | null = null;

  private readonly unauthorized = new Set<() => void>();

  constructor(
    private readonly base = '',
    private readonly fetcher: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  /**
   * Calls `listener` whenever a request is refused for want of a login (401); returns the
   * function that stops it.
   */
  onLoginNeeded(listener: () => void): () => void {
    this.unauthorized.add(listener);
    return () => this.unauthorized.delete(listener);
  }

  /** Logs in (servers with accounts): the server sets the login cookie. */
  async login(name: string, password: string): Promise<LoggedIn> {
    const done = await this.call<LoggedIn>('POST', '/api/login', { body: { name, password } });
    this.session = null;
    return done;
  }

  async logout(): Promise<void> {
    await this.call<void>('POST', '/api/logout');
    this.session = null;
  }

  /** Who changed an entry and when (an empty, unaudited list on a server without accounts). */
  history(id: string, signal?: AbortSignal): Promise<HistoryResponse> {
    return this.call('GET', `/api/entries/${segment(id)}/history`, { signal });
  }

  private onUnauthorized(): void {
    this.session = null;
    for (const listener of this.unauthorized) listener();
  }

  /** The session (token and server version), fetched once. */
  sessionInfo(): Promise<Session> {
    this.session ??= this.send<Session>('GET', '/api/session', {}, null).catch((error: unknown) => {
      this.session = null;
      throw error;
    });
    return this.session;
  }

  private async send<T>(
    method: Method,
    path: string,
    options: RequestOptions,
    token: string | null,
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (token !== null) headers['X-Kirinuki-Token'] = token;
    const response = await this.fetcher(`${this.base}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
    if (!response.ok) {
      // No login, or one that ended: the app shows the login page (a failed login says so
      // itself, on the login page).
      if (response.status === 401 && path !== '/api/login') this.onUnauthorized();
      throw await errorOf(response);
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  private async call<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
    if (method === 'GET') return this.send<T>(method, path, options, null);
    const { token } = await this.sessionInfo();
    try {
      return await this.send<T>(method, path, options, token);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 403) throw error;
      this.session = null;
      const fresh = await this.sessionInfo();
      if (fresh.token === token) throw error;
      return this.send<T>(method, path, options, fresh.token);
    }
  }

  days(signal?: AbortSignal): Promise<DaysResponse> {
    return this.call('GET', '/api/days', { signal });
  }

  entries(
    params: { day?: string; limit?: number; offset?: number },
    signal?: AbortSignal,
  ): Promise<EntriesResponse> {
    return this.call('GET', `/api/entries${query(params)}`, { signal });
  }

  /** Every entry of a day, in digest order, a page of 500 at a time (the API's largest). */
  async dayEntries(day: string, signal?: AbortSignal): Promise<EntryCard[]> {
    const all: EntryCard[] = [];
    for (;;) {
      const page = await this.entries({ day, limit: DAY_PAGE, offset: all.length }, signal);
      all.push(...page.entries);
      if (page.entries.length === 0 || all.length >= page.total) return all;
    }
  }

  entry(id: string, signal?: AbortSignal): Promise<EntryDetail> {
    return this.call('GET', `/api/entries/${segment(id)}`, { signal });
  }

  createEntry(source: NewEntrySource, day?: string): Promise<CreatedResponse> {
    return this.call('POST', '/api/entries', { body: day ? { ...source, day } : source });
  }

  /** `startedFrom`: the lines the edit began from; the server refuses (409) if they changed. */
  updateSummaryLines(
    id: string,
    summaryLines: string[],
    startedFrom?: string[],
  ): Promise<CardResponse> {
    return this.call('PATCH', `/api/entries/${segment(id)}`, {
      body: startedFrom === undefined ? { summaryLines } : { summaryLines, startedFrom },
    });
  }

  deleteEntry(id: string): Promise<void> {
    return this.call('DELETE', `/api/entries/${segment(id)}`);
  }

  suggestion(id: string, signal?: AbortSignal): Promise<Suggestion> {
    return this.call('GET', `/api/entries/${segment(id)}/suggestion`, { signal });
  }

  /** Accepts the proposed line, or the line as corrected; the tagger learns it at once. */
  accept(id: string, line?: string): Promise<AcceptResponse> {
    return this.call('POST', `/api/entries/${segment(id)}/accept`, {
      body: line === undefined ? {} : { line },
    });
  }

  search(
    params: { q: string; limit?: number; offset?: number },
    signal?: AbortSignal,
  ): Promise<SearchResponse> {
    return this.call('GET', `/api/search${query(params)}`, { signal });
  }

  digest(day: string, format: DigestFormat, signal?: AbortSignal): Promise<DigestResponse> {
    return this.call('GET', `/api/digest/${segment(day)}${query({ format })}`, { signal });
  }

  reorder(day: string, ids: string[]): Promise<OrderResponse> {
    return this.call('PUT', `/api/digest/${segment(day)}/order`, { body: { ids } });
  }

  publish(day: string, to: PublishTarget, publish: boolean): Promise<PublishOutcome> {
    return this.call('POST', `/api/digest/${segment(day)}/publish`, { body: { to, publish } });
  }

  people(limit?: number, signal?: AbortSignal): Promise<PeopleResponse> {
    return this.call('GET', `/api/people${query({ limit })}`, { signal });
  }

  person(name: string, signal?: AbortSignal): Promise<PersonResponse> {
    return this.call('GET', `/api/people/${segment(name)}`, { signal });
  }

  tags(signal?: AbortSignal): Promise<TagsResponse> {
    return this.call('GET', '/api/tags', { signal });
  }

  tag(tag: string, signal?: AbortSignal): Promise<TagResponse> {
    return this.call('GET', `/api/tags/${segment(tag)}`, { signal });
  }

  story(id: string, signal?: AbortSignal): Promise<StoryResponse> {
    return this.call('GET', `/api/stories/${segment(id)}`, { signal });
  }

  /** The feeds `kirinuki watch` polls: its sources file. */
  watchSources(signal?: AbortSignal): Promise<WatchSources> {
    return this.call('GET', '/api/capture/sources', { signal });
  }

  addWatchSource(url: string, name?: string): Promise<WatchSources> {
    return this.call('POST', '/api/capture/sources', { body: name ? { url, name } : { url } });
  }

  removeWatchSource(url: string): Promise<WatchSources> {
    return this.call('DELETE', `/api/capture/sources${query({ url })}`);
  }

  annotate(text: string, signal?: AbortSignal): Promise<AnnotateResponse> {
    return this.call('POST', '/api/annotate', { body: { text }, signal });
  }

  startJob(job: JobRequest): Promise<JobStarted> {
    return this.call('POST', '/api/jobs', { body: job });
  }

  cancelJob(id: string): Promise<void> {
    return this.call('DELETE', `/api/jobs/${segment(id)}`);
  }

  /** The URL of a job's event stream (GET, so EventSource needs no token). */
  jobEventsUrl(id: string): string {
    return `${this.base}/api/jobs/${segment(id)}/events`;
  }
}

/** The client the pages share. */
export const api = new ApiClient();

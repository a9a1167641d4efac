/**
 * The workbench server as the tests run it: a real server on 127.0.0.1 (port 0) over a real
 * SQLite archive in a temporary directory, with the bundled samples imported and their
 * taxonomy in place, and helpers that send requests as the workbench's own pages do.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteArchive, type Archive } from '../../src/archive/index.js';
import { loadKnowledge, type Knowledge } from '../../src/nlp/index.js';
import { importFiles, importTaxonomyFile, tagStorePaths } from '../../src/pipeline/index.js';
import {
  startServer,
  type RunningServer,
  type StartServerOptions,
} from '../../src/server/index.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SAMPLES = join(ROOT, 'samples');
/** The sample digests, `2024-03-04.txt` …, oldest first. */
export const SAMPLE_FILES = readdirSync(SAMPLES)
  .filter((f) => /^\d{4}-\d{2}-\d{2}\.txt$/.test(f))
  .sort();

let knowledge: Knowledge | undefined;
/** The shipped knowledge, loaded once per test file. */
export function sharedKnowledge(): Knowledge {
  return (knowledge ??= loadKnowledge());
}

export interface TestServer {
  /** `http://127.0.0.1:PORT` without a trailing slash: also the server's own Origin. */
  origin: string;
  server: RunningServer;
  archive: Archive;
  dir: string;
  dbPath: string;
  /** The session token of `GET /api/session`. */
  token: string;
  /** A GET (or any request) as a page of the workbench sends it. */
  get(path: string, init?: RequestInit): Promise<Response>;
  /** A state-changing request with the session token and the server's own Origin. */
  send(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  close(): Promise<void>;
}

export interface TestServerOptions extends Partial<StartServerOptions> {
  /** Import the samples and their taxonomy (default true). */
  samples?: boolean;
}

/**
 * Starts a server over a fresh archive.
 *
 * @example
 * const s = await startTestServer();
 * const days = await (await s.get('/api/days')).json();
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kirinuki-server-'));
  const dbPath = join(dir, 'archive.db');
  const archive = openSqliteArchive(dbPath);
  const { samples = true, ...rest } = options;
  if (samples) {
    const files = SAMPLE_FILES.map((f) => ({
      name: join(SAMPLES, f),
      bytes: readFileSync(join(SAMPLES, f)),
    }));
    importFiles(archive, files, { today: '2024-03-06', knowledge: sharedKnowledge() });
    const taxonomy = importTaxonomyFile(tagStorePaths(dbPath), join(SAMPLES, 'taxonomy.json'));
    if (!taxonomy.ok) throw new Error(taxonomy.error.map((d) => d.message).join('\n'));
  }
  const started = await startServer({
    archive,
    archivePath: dbPath,
    knowledge: sharedKnowledge(),
    port: 0,
    env: {},
    today: () => '2024-03-07',
    log: () => {},
    ...rest,
  });
  if (!started.ok) throw new Error(started.error.message);
  const server = started.value;
  const origin = server.url.replace(/\/$/, '');
  const auth: Record<string, string> = options.accessToken
    ? { Authorization: `Bearer ${options.accessToken}` }
    : {};
  const get = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${origin}${path}`, { ...init, headers: { ...auth, ...(init.headers as object) } });
  const session = (await (await get('/api/session')).json()) as { token: string };
  const send = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> =>
    get(path, {
      method,
      headers: {
        'X-Kirinuki-Token': session.token,
        Origin: origin,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    origin,
    server,
    archive,
    dir,
    dbPath,
    token: session.token,
    get,
    send,
    close: async () => {
      await server.close();
      archive.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A response's JSON, typed by the caller. */
export async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** The error body of a refused request. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/**
 * A request with exactly these headers, Host included (fetch will not send a Host of our
 * choosing): what a browser tricked by DNS rebinding sends.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers ?? {} },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** One server-sent event. */
export interface ServerEvent {
  event: string;
  data: unknown;
}

/**
 * Reads a server-sent event stream until it ends (or `until` says stop), calling `onEvent` as
 * each event arrives.
 *
 * @example
 * const events = await readEvents(await s.get(`/api/jobs/${id}/events`));
 */
export async function readEvents(
  res: Response,
  onEvent: (e: ServerEvent) => void | Promise<void> = () => {},
): Promise<ServerEvent[]> {
  const events: ServerEvent[] = [];
  if (!res.body) return events;
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      const e = { event, data: data.length > 0 ? JSON.parse(data.join('\n')) : null };
      events.push(e);
      await onEvent(e);
    }
  }
  return events;
}

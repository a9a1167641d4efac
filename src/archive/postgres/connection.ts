import { createRequire } from 'node:module';
import type Client from 'pg-native';
import { KirinukiError } from '../../model/index.js';

/** A value sent to PostgreSQL: text, a number, or SQL NULL. */
export type PgValue = string | number | null;

/** One result row, columns by name, as pg-types parses them. */
export type PgRow = Record<string, unknown>;

/**
 * One synchronous libpq connection (pg-native) with the archive's schema on its search path.
 * Synchronous on purpose: the `Archive` interface is, as better-sqlite3 is (see README.md).
 *
 * Statements run through `run` are prepared once per connection and cached by their text, so
 * the hot statements of an import are parsed and planned once; `query` sends a statement
 * whose text changes with each search (the conditions of a query) unprepared.
 */
export class PgConnection {
  private readonly prepared = new Map<string, string>();
  private depth = 0;
  private closed = false;

  private constructor(
    private readonly client: Client,
    /** Where the archive lives, for messages: the URL without its password. */
    readonly where: string,
  ) {}

  /**
   * Connects to the server at `url`. With `schema`, that schema goes first on the search path
   * (created when `create`); without, the connection's own search path holds (which a URL may
   * set: `?options=-csearch_path%3Dname`).
   *
   * @example
   * const c = PgConnection.open('postgres://kirinuki@/k?host=/run/postgresql', 'public', true);
   */
  static open(url: string, schema: string | undefined, create: boolean): PgConnection {
    const where = redactUrl(url);
    const Native = loadPgNative();
    const client = new Native();
    try {
      client.connectSync(url);
    } catch (e) {
      keepUntilClosed(client);
      throw new PgConnectError(where, firstLine(e));
    }
    const c = new PgConnection(client, where);
    try {
      // Quiet NOTICEs ("relation already exists, skipping") that libpq would print to stderr.
      c.query('SET client_min_messages TO warning');
      if (schema !== undefined) {
        const id = client.escapeIdentifier(schema);
        if (create) c.query(`CREATE SCHEMA IF NOT EXISTS ${id}`);
        c.query(`SET search_path TO ${id}`);
      }
    } catch (e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** A statement prepared once per connection (its text must not vary). */
  run(sql: string, params: readonly PgValue[] = []): PgRow[] {
    let name = this.prepared.get(sql);
    try {
      if (name === undefined) {
        name = `k${this.prepared.size + 1}`;
        this.client.prepareSync(name, sql, params.length);
        this.prepared.set(sql, name);
      }
      return this.client.executeSync(name, params);
    } catch (e) {
      throw this.failure(sql, e);
    }
  }

  /** A statement sent as it is, unprepared: search SQL built for one query. */
  query(sql: string, params: readonly PgValue[] = []): PgRow[] {
    try {
      return params.length === 0 ? this.client.querySync(sql) : this.client.querySync(sql, params);
    } catch (e) {
      throw this.failure(sql, e);
    }
  }

  /** The first column of the first row, or `undefined`. */
  value(sql: string, params: readonly PgValue[] = []): unknown {
    const row = this.run(sql, params)[0];
    return row === undefined ? undefined : Object.values(row)[0];
  }

  /**
   * Runs `work` in one transaction: committed when it returns, rolled back when it throws.
   * Nested calls join the outer transaction.
   */
  transaction<T>(work: () => T): T {
    return this.inTransaction('BEGIN', work);
  }

  /**
   * Runs `work`, a series of reads, in one repeatable-read, read-only transaction: every
   * statement sees the database as it was at the first, whatever other processes commit
   * meanwhile. Inside another transaction it joins that one.
   *
   * @example
   * c.readSnapshot(() => [c.value('SELECT count(*) FROM entries'), c.value('SELECT max(rid) FROM entries')]);
   */
  readSnapshot<T>(work: () => T): T {
    return this.inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work);
  }

  /** `work` in a transaction opened by `begin`, or in the one already open. */
  private inTransaction<T>(begin: string, work: () => T): T {
    if (this.depth > 0) {
      this.depth += 1;
      try {
        return work();
      } finally {
        this.depth -= 1;
      }
    }
    this.query(begin);
    this.depth = 1;
    try {
      const result = work();
      this.query('COMMIT');
      return result;
    } catch (e) {
      try {
        this.query('ROLLBACK');
      } catch {
        // The connection is gone; the server rolled back on its own.
      }
      throw e;
    } finally {
      this.depth = 0;
    }
  }

  escapeIdentifier(name: string): string {
    return this.client.escapeIdentifier(name);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.client.end();
    keepUntilClosed(this.client);
  }

  private failure(sql: string, e: unknown): KirinukiError {
    const statement = sql.replace(/\s+/g, ' ').trim().slice(0, 120);
    return new KirinukiError('archive', `${this.where}: ${firstLine(e)} (in: ${statement})`, {
      cause: e,
    });
  }
}

/** The server could not be reached or refused the login: a usage problem, not a bug. */
export class PgConnectError extends KirinukiError {
  constructor(
    readonly where: string,
    readonly reason: string,
  ) {
    super('archive', `cannot connect to PostgreSQL at ${where}: ${reason}`);
  }
}

/**
 * Closed clients, held until the event loop has closed their socket watcher. libpq's `finish`
 * hands the watcher (memory inside the client) to `uv_close` and lets go of the client; were
 * it garbage-collected before the loop's next close phase, libuv would read freed memory and
 * abort (`uv__finish_close: Assertion … UV_HANDLE_CLOSING`): seen when a test run opened and
 * closed hundreds of archives without yielding. Two turns of the loop later it is safe.
 */
const closing = new Set<Client>();

function keepUntilClosed(client: Client): void {
  closing.add(client);
  setImmediate(() => setImmediate(() => closing.delete(client)).unref()).unref();
}

let native: typeof Client | undefined;

/**
 * pg-native, loaded on first use with `require`: a SQLite user never loads libpq, and the
 * native addon stays outside the CLI bundle (scripts/build-cli.ts).
 */
function loadPgNative(): typeof Client {
  if (native) return native;
  try {
    native = createRequire(import.meta.url)('pg-native') as typeof Client;
  } catch (e) {
    throw new KirinukiError('archive', `PostgreSQL needs the pg-native package: ${firstLine(e)}`, {
      cause: e,
    });
  }
  return native;
}

/**
 * The URL as it may be shown: without its password.
 *
 * @example
 * redactUrl('postgres://me:secret@db/k'); // 'postgres://me:***@db/k'
 */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.trim().split('\n')[0] ?? message;
}

/**
 * A PostgreSQL array literal of texts, for a `$n::text[]` parameter: each element quoted, `"`
 * and `\` escaped.
 *
 * @example
 * pgTextArray(['停戦', 'a"b']); // '{"停戦","a\\"b"}'
 */
export function pgTextArray(items: readonly string[]): string {
  return `{${items.map((s) => `"${pgText(s).replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * Text as PostgreSQL can store it: it has no NUL character (and libpq sends parameters as C
 * strings), so U+0000 becomes U+FFFD, in stored search text and query terms alike.
 *
 * @example
 * pgText('a\u0000b'); // 'a\uFFFDb'
 */
export function pgText(s: string): string {
  return s.includes('\u0000') ? s.replaceAll('\u0000', '\uFFFD') : s;
}

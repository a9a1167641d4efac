import { createHash, randomBytes } from 'node:crypto';
import { err, KirinukiError, ok, type Result } from '../../model/index.js';
import { applyAccountsSchema } from './accounts-schema.js';
import { DECOY_HASH, hashPassword, verifyPassword } from './accounts-password.js';
import { PgConnection, pgText, type PgRow } from './connection.js';

/** What a user may do: a curator edits, a viewer reads. */
export type AccountRole = 'curator' | 'viewer';

/** The roles, for parsing a `--role` or a form. */
export const ACCOUNT_ROLES: readonly AccountRole[] = ['curator', 'viewer'];

/** A user as the store gives it out: never with the password hash. */
export interface AccountUser {
  name: string;
  role: AccountRole;
  /** ISO 8601, UTC. */
  createdAt: string;
}

/** What an audit record keeps of an entry before or after the change. */
export interface AuditState {
  summaryLines: string[];
  tags: string[];
  /** Its place in the day's digest order (1-based), for a reorder. */
  position?: number;
}

/** The edits that are audited. */
export type AuditAction = 'edit' | 'accept' | 'drop' | 'reorder';

/** One change to an entry, as it is written. */
export interface AuditInput {
  user: string;
  action: AuditAction;
  entryId: string;
  /** null: the entry did not exist before (never for today's actions, kept for creation). */
  before: AuditState | null;
  /** null: the entry is gone (a drop). */
  after: AuditState | null;
}

/** One change to an entry, as it is read back: who, when, what. */
export interface AuditRecord extends AuditInput {
  /** ISO 8601, UTC, to the millisecond. */
  at: string;
}

export interface AccountStoreOptions {
  /** How long a login lasts (default 12 hours). */
  sessionMs?: number;
}

/** A login that was let in: its token (for the cookie) and when it ends. */
export interface AccountSession {
  token: string;
  user: AccountUser;
  /** ISO 8601, UTC. */
  expiresAt: string;
}

const DEFAULT_SESSION_MS = 12 * 60 * 60 * 1000;

/**
 * The accounts of a workbench on PostgreSQL: users with a role, their logins (sessions) and the
 * audit log of edits, in the archive's database (its own tables, created when the store opens:
 * `accounts-schema.ts`). One synchronous connection, like the archive's, except for password
 * hashing, which is scrypt on the thread pool.
 */
export class AccountStore {
  private readonly sessionMs: number;

  private constructor(
    private readonly c: PgConnection,
    options: AccountStoreOptions,
  ) {
    this.sessionMs = options.sessionMs ?? DEFAULT_SESSION_MS;
  }

  /**
   * Connects to the database at `url` (the archive's `postgres://…`, its search path included)
   * and creates the account tables when missing.
   *
   * @example
   * const accounts = AccountStore.open('postgres://kirinuki@db/k');
   */
  static open(url: string, options: AccountStoreOptions = {}): AccountStore {
    const c = PgConnection.open(url.trim(), undefined, true);
    try {
      applyAccountsSchema(c);
    } catch (e) {
      c.close();
      throw e;
    }
    return new AccountStore(c, options);
  }

  /**
   * Adds a user with a password (hashed with scrypt and a salt of its own). A name taken or not
   * usable is an expected failure, the message saying which.
   *
   * @example
   * await accounts.addUser('hanako', 'curator', 'correct horse battery');
   */
  async addUser(
    name: string,
    role: AccountRole,
    password: string,
  ): Promise<Result<AccountUser, string>> {
    const bad = nameProblem(name) ?? passwordProblem(password);
    if (bad !== null) return err(bad);
    const hash = await hashPassword(password);
    const rows = this.c.run(
      `INSERT INTO users (name, role, password_hash) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO NOTHING RETURNING name, role, created_at`,
      [name, role, hash],
    );
    const row = rows[0];
    if (row === undefined) return err(`accounts: a user named "${name}" already exists`);
    return ok(userOf(row));
  }

  /**
   * Every user, by name.
   *
   * @example
   * accounts.listUsers(); // [{ name: 'hanako', role: 'curator', createdAt: '2026-…' }]
   */
  listUsers(): AccountUser[] {
    return this.c.run('SELECT name, role, created_at FROM users ORDER BY name').map(userOf);
  }

  /**
   * Removes a user and ends their sessions; their audit records keep their name.
   *
   * @example
   * accounts.removeUser('hanako'); // { ok: true, value: undefined }
   */
  removeUser(name: string): Result<void, string> {
    const rows = this.c.run('DELETE FROM users WHERE name = $1 RETURNING id', [name]);
    return rows.length === 0 ? err(`accounts: no user named "${name}"`) : ok(undefined);
  }

  /**
   * Checks a name and password and opens a session. Null when either is wrong, without saying
   * which: an unknown name costs the same scrypt as a wrong password.
   *
   * @example
   * const session = await accounts.logIn('hanako', 'correct horse battery');
   */
  async logIn(name: string, password: string): Promise<AccountSession | null> {
    const row = this.c.run(
      'SELECT id, name, role, created_at, password_hash FROM users WHERE name = $1',
      [pgText(name)],
    )[0];
    const stored = typeof row?.password_hash === 'string' ? row.password_hash : DECOY_HASH;
    const right = await verifyPassword(password, stored);
    if (row === undefined || !right) return null;
    const token = randomBytes(32).toString('base64url');
    // Sessions that ended are cleared as new ones begin: the table holds the live ones.
    this.c.run('DELETE FROM user_sessions WHERE expires_at <= now()');
    const created = this.c.run(
      `INSERT INTO user_sessions (token_hash, user_id, expires_at)
       VALUES ($1, $2, now() + $3::double precision * interval '1 millisecond')
       RETURNING expires_at`,
      [tokenHash(token), String(row.id), this.sessionMs],
    )[0];
    return { token, user: userOf(row), expiresAt: iso(created?.expires_at) };
  }

  /**
   * The user a session token belongs to, while the session lasts; null otherwise.
   *
   * @example
   * accounts.sessionUser(cookie); // { name: 'hanako', role: 'curator', … } or null
   */
  sessionUser(token: string): AccountUser | null {
    const row = this.c.run(
      `SELECT u.name, u.role, u.created_at FROM user_sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [tokenHash(token)],
    )[0];
    return row === undefined ? null : userOf(row);
  }

  /**
   * Ends a session (logout); an unknown token is no error.
   *
   * @example
   * accounts.endSession(cookie);
   */
  endSession(token: string): void {
    this.c.run('DELETE FROM user_sessions WHERE token_hash = $1', [tokenHash(token)]);
  }

  /**
   * Writes audit records, all or none. A record whose author is no longer a user is refused
   * (`AuditAuthorGone`), and so are the others.
   *
   * @example
   * accounts.recordAudit([{ user: 'hanako', action: 'edit', entryId, before, after }]);
   */
  recordAudit(records: readonly AuditInput[]): void {
    if (records.length === 0) return;
    this.c.transaction(() => writeAuditRecords(this.c, records));
  }

  /**
   * Runs `edit` — a change to the archive, on the archive's own connection — with its audit
   * records: the author (a user, locked against removal until the end) is checked before the
   * edit runs, and the records returned are committed as soon as it returns. An author removed
   * meanwhile throws `AuditAuthorGone` before anything is edited; an edit that throws keeps no
   * record.
   *
   * The edit and its records are two transactions (the archive's connection is not this
   * store's), committed one right after the other: a crash between the two commits still loses
   * the record. An archive that offers `AuditedTransactions` makes them one (see `audit.ts` in
   * the server).
   *
   * @example
   * const card = accounts.auditedEdit('hanako', () => {
   *   const card = edit(archive, id, lines);
   *   return { value: card, records: [{ user: 'hanako', action: 'edit', entryId: id, before, after }] };
   * });
   */
  auditedEdit<T>(user: string, edit: () => AuditedEdit<T>): T {
    return this.c.transaction(() => {
      authorId(this.c, user);
      const done = edit();
      writeAuditRecords(this.c, done.records);
      return done.value;
    });
  }

  /**
   * An entry's audit records, oldest first.
   *
   * @example
   * accounts.historyOf('2024-03-04-ab12cd'); // [{ user: 'hanako', action: 'edit', at: '…', … }]
   */
  historyOf(entryId: string): AuditRecord[] {
    return this.c
      .run(
        `SELECT at, user_name, action, entry_id, before_json, after_json FROM audit_log
         WHERE entry_id = $1 ORDER BY id`,
        [pgText(entryId)],
      )
      .map((row) => ({
        at: iso(row.at),
        user: String(row.user_name),
        action: String(row.action) as AuditAction,
        entryId: String(row.entry_id),
        before: stateOf(row.before_json),
        after: stateOf(row.after_json),
      }));
  }

  /**
   * Where the database's write-ahead log stands: it moves with every change any process
   * commits to the database — the archive's entries included, since the accounts live in the
   * archive's database — so an answer kept while it stays put is still the archive's. The
   * insert position, not the write position: with `synchronous_commit = off` a commit returns
   * before its record is written out, and the write position lags it by up to 200 ms. On a
   * read-only standby, where the server replays rather than writes, the replay position.
   *
   * @example
   * accounts.changeMark(); // '0/1A2B3C8'
   */
  changeMark(): string {
    return String(
      this.c.value(
        'SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_insert_lsn() END::text AS lsn',
      ),
    );
  }

  close(): void {
    this.c.close();
  }
}

/** What an edit gives back to be audited: its result, and the records of what it changed. */
export interface AuditedEdit<T> {
  value: T;
  records: readonly AuditInput[];
}

/**
 * The author of an audited edit is not a user (any more): removed while the edit was on its
 * way. Nothing of the edit is saved.
 */
export class AuditAuthorGone extends KirinukiError {
  constructor(readonly user: string) {
    super('accounts', `user "${user}" no longer exists; nothing was saved`);
  }
}

/**
 * Writes audit records on connection `c` — the account store's, or an archive's whose edit
 * they record, inside its transaction. Each record's author must be a user: the row is locked
 * against removal (`FOR KEY SHARE`) and referenced by `user_id`, so a user removed meanwhile
 * makes the write — and the transaction it is in — fail with `AuditAuthorGone`.
 *
 * @example
 * c.transaction(() => { saveEdit(); writeAuditRecords(c, records); });
 */
export function writeAuditRecords(c: PgConnection, records: readonly AuditInput[]): void {
  const ids = new Map<string, string>();
  for (const r of records) {
    let id = ids.get(r.user);
    if (id === undefined) {
      id = authorId(c, r.user);
      ids.set(r.user, id);
    }
    c.run(
      `INSERT INTO audit_log (user_id, user_name, action, entry_id, before_json, after_json)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        id,
        r.user,
        r.action,
        pgText(r.entryId),
        r.before === null ? null : pgText(JSON.stringify(r.before)),
        r.after === null ? null : pgText(JSON.stringify(r.after)),
      ],
    );
  }
}

/**
 * The id of the user named, its row locked against removal until the transaction ends; a
 * removal under way is waited for, and then there is no such user.
 */
function authorId(c: PgConnection, user: string): string {
  const row = c.run('SELECT id FROM users WHERE name = $1 FOR KEY SHARE', [pgText(user)])[0];
  if (row === undefined) throw new AuditAuthorGone(user);
  return String(row.id);
}

/**
 * Why a user name cannot be used, or null: 1–64 characters, no spaces or control characters.
 *
 * @example
 * nameProblem('hanako'); // null
 */
export function nameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 64) return 'accounts: a user name has 1 to 64 characters';
  if (/[\s\p{Cc}\p{Cf}]/u.test(name))
    return 'accounts: a user name has no spaces or control characters';
  return null;
}

/**
 * Why a password cannot be used, or null: at least 8 characters, at most 1024.
 *
 * @example
 * passwordProblem('short'); // 'accounts: a password has at least 8 characters'
 */
export function passwordProblem(password: string): string | null {
  if ([...password].length < 8) return 'accounts: a password has at least 8 characters';
  if (password.length > 1024) return 'accounts: a password has at most 1024 characters';
  return null;
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function userOf(row: PgRow): AccountUser {
  return {
    name: String(row.name),
    role: row.role === 'curator' ? 'curator' : 'viewer',
    createdAt: iso(row.created_at),
  };
}

function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

function stateOf(json: unknown): AuditState | null {
  return typeof json === 'string' ? (JSON.parse(json) as AuditState) : null;
}

import type { PgConnection } from './connection.js';

/**
 * The tables of the account store (users, their sessions, the audit log of edits), kept apart
 * from the archive's own migrations (`migrations.ts`): the store creates them itself when it
 * opens, so an archive that never runs a workbench with accounts never has them.
 *
 * Every statement is idempotent (`IF NOT EXISTS`), and they run in one transaction under an
 * advisory lock, so two servers opening at once create each table once. A later change to these
 * tables is added the same way (`ALTER TABLE … ADD COLUMN IF NOT EXISTS`), never by editing a
 * statement below.
 */
export const ACCOUNTS_SCHEMA_SQL = `
  CREATE TABLE IF NOT EXISTS users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
    role text NOT NULL CHECK (role IN ('curator', 'viewer')),
    -- scrypt$N$r$p$salt$key (base64url), see accounts-password.ts; never the password itself
    password_hash text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );

  -- A login: the SHA-256 of its random token (the token itself is only in the browser's
  -- cookie, so a copy of the database opens no session), its user and when it ends.
  CREATE TABLE IF NOT EXISTS user_sessions (
    token_hash text PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
  );
  CREATE INDEX IF NOT EXISTS user_sessions_expiry ON user_sessions (expires_at);

  -- Who changed an entry, when and how: the user's name as it was (a removed user's edits keep
  -- their author), and the entry's summary lines and tags before and after as JSON text (text,
  -- not jsonb: jsonb refuses \\u0000, which a stored line may hold).
  CREATE TABLE IF NOT EXISTS audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    user_name text NOT NULL,
    action text NOT NULL,
    entry_id text NOT NULL,
    before_json text,
    after_json text
  );
  CREATE INDEX IF NOT EXISTS audit_log_entry ON audit_log (entry_id, id);

  -- The author as a user while they exist: a record can only be written for a user who does
  -- (the reference is checked, and locks the user against removal until the edit commits);
  -- removing the user later keeps their records, by name.
  ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS user_id bigint
    REFERENCES users (id) ON DELETE SET NULL;
  -- Removing a user sets their records' reference to NULL: found by this index, not a scan.
  CREATE INDEX IF NOT EXISTS audit_log_user ON audit_log (user_id);
`;

/** The advisory lock key the account tables are created under ('kirinuki' 'accounts'). */
const ACCOUNTS_LOCK = 4_271_120_015;

/**
 * Creates the account tables when missing; running it again changes nothing.
 *
 * @example
 * applyAccountsSchema(connection);
 */
export function applyAccountsSchema(c: PgConnection): void {
  c.transaction(() => {
    c.query(`SELECT pg_advisory_xact_lock(${ACCOUNTS_LOCK})`);
    c.query(ACCOUNTS_SCHEMA_SQL);
  });
}

import { randomBytes } from 'node:crypto';
import type { AccountRole, AccountStore, AccountUser } from '../../archive/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { readInput, UsageError } from '../io.js';

export interface UsersAddOptions {
  role?: string;
  /** Read the password from the first line of standard input instead of generating one. */
  passwordStdin?: boolean;
}

/**
 * `kirinuki users add NAME --role curator|viewer [--password-stdin]`: a workbench account on a
 * PostgreSQL archive. Without `--password-stdin` a random password is generated and printed
 * this once (only its scrypt hash is stored).
 *
 * @example
 * // echo 'correct horse battery' | kirinuki --db postgres://… users add hanako --role curator --password-stdin
 */
export async function usersAddCommand(
  ctx: CommandContext,
  name: string,
  opts: UsersAddOptions,
): Promise<number> {
  const role = parseRole(opts.role);
  const password = opts.passwordStdin === true ? await firstLine(ctx) : generatedPassword();
  const added = await withAccounts(ctx, (accounts) => accounts.addUser(name, role, password));
  if (!added.ok) throw new UsageError(`users: ${added.error.replace(/^accounts: /, '')}`);
  const shown = opts.passwordStdin === true ? {} : { password };
  if (ctx.json) writeJson(ctx.io, { ...added.value, ...shown });
  else
    ctx.io.stdout.write(
      `added ${added.value.name} (${added.value.role})\n` +
        (opts.passwordStdin === true
          ? ''
          : `password: ${password}\n(shown this once: only its hash is stored)\n`),
    );
  return 0;
}

/**
 * `kirinuki users list`: the workbench's accounts, by name, with their roles.
 *
 * @example
 * // kirinuki --db postgres://… users list
 */
export async function usersListCommand(ctx: CommandContext): Promise<number> {
  const users = await withAccounts(ctx, (accounts) => accounts.listUsers());
  if (ctx.json) writeJson(ctx.io, { users });
  else ctx.io.stdout.write(formatUsers(users));
  return 0;
}

/**
 * `kirinuki users remove NAME`: the account and its logins end; its edits keep its name in the
 * audit log.
 *
 * @example
 * // kirinuki --db postgres://… users remove hanako
 */
export async function usersRemoveCommand(ctx: CommandContext, name: string): Promise<number> {
  const removed = await withAccounts(ctx, (accounts) => accounts.removeUser(name));
  if (!removed.ok) throw new UsageError(`users: ${removed.error.replace(/^accounts: /, '')}`);
  if (ctx.json) writeJson(ctx.io, { removed: name });
  else ctx.io.stdout.write(`removed ${name}\n`);
  return 0;
}

/**
 * The users as a table: name, role, when added.
 *
 * @example
 * formatUsers([{ name: 'hanako', role: 'curator', createdAt: '2026-01-02T03:04:05.000Z' }]);
 */
export function formatUsers(users: readonly AccountUser[]): string {
  if (users.length === 0) return 'no users yet (kirinuki users add NAME --role curator)\n';
  const width = Math.max(...users.map((u) => u.name.length));
  return users
    .map((u) => `${u.name.padEnd(width)}  ${u.role.padEnd(7)}  added ${u.createdAt}\n`)
    .join('');
}

async function withAccounts<T>(
  ctx: CommandContext,
  work: (accounts: AccountStore) => T | Promise<T>,
): Promise<T> {
  const location = await ctx.archivePath();
  const { AccountStore, isPostgresUrl, PgConnectError } = await import('../../archive/index.js');
  if (!isPostgresUrl(location))
    throw new UsageError(
      'users: accounts live in a PostgreSQL archive: give --db postgres://… (or KIRINUKI_DB)',
    );
  let accounts: AccountStore;
  try {
    accounts = AccountStore.open(location);
  } catch (e) {
    if (e instanceof PgConnectError)
      throw new UsageError(`--db: ${e.message.replace(/^archive: /, '')}`);
    throw e;
  }
  try {
    return await work(accounts);
  } finally {
    accounts.close();
  }
}

function parseRole(role: string | undefined): AccountRole {
  if (role === 'curator' || role === 'viewer') return role;
  throw new UsageError(
    `users: --role must be curator or viewer${role === undefined ? '' : `, got "${role}"`}`,
  );
}

async function firstLine(ctx: CommandContext): Promise<string> {
  const text = new TextDecoder().decode(await readInput(ctx.io, '-'));
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line === '') throw new UsageError('users: --password-stdin read no password');
  return line;
}

/** 24 characters of base64url: 144 random bits. */
function generatedPassword(): string {
  return randomBytes(18).toString('base64url');
}

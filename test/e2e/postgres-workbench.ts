import type { Archive } from '../../src/archive/index.js';
import { AccountStore } from '../../src/archive/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { kirinuki } from './run-cli.js';
import { sharedKnowledge } from './server-harness.js';

/** A user of the workbench as a team's admin adds one. */
export interface WorkbenchUser {
  name: string;
  role: 'curator' | 'viewer';
  password: string;
}

/** A running workbench on a PostgreSQL archive, with its account store. */
export interface PostgresWorkbench {
  accounts: AccountStore;
  server: RunningServer;
  /** The server's origin, without a trailing slash. */
  origin: string;
  /** Stops the server and closes the account store (the archive stays the caller's). */
  close(): Promise<void>;
}

/**
 * Adds `users` with `kirinuki users add` and starts the workbench on `archive` as
 * `kirinuki serve` does on PostgreSQL: with accounts, on 127.0.0.1, today 2024-03-07.
 *
 * @example
 * const wb = await startPostgresWorkbench({ url, archive, users: [{ name: 'hanako', role: 'curator', password }] });
 */
export async function startPostgresWorkbench(o: {
  url: string;
  archive: Archive;
  users: readonly WorkbenchUser[];
  /** Where the server keeps its tag store and sources (default: the URL, as `serve` does). */
  archivePath?: string;
  log?: (message: string) => void;
}): Promise<PostgresWorkbench> {
  for (const user of o.users) {
    const added = await kirinuki(
      ['--db', o.url, 'users', 'add', user.name, '--role', user.role, '--password-stdin'],
      `${user.password}\n`,
    );
    if (added.code !== 0) throw new Error(`users add ${user.name}: ${added.stderr}`);
  }
  const accounts = AccountStore.open(o.url);
  const run = await startServer({
    archive: o.archive,
    archivePath: o.archivePath ?? o.url,
    accounts,
    knowledge: sharedKnowledge(),
    port: 0,
    env: {},
    today: () => '2024-03-07',
    log: o.log ?? (() => {}),
  });
  if (!run.ok) {
    accounts.close();
    throw new Error(run.error.message);
  }
  const server = run.value;
  return {
    accounts,
    server,
    origin: server.url.replace(/\/$/, ''),
    async close() {
      await server.close();
      accounts.close();
    },
  };
}

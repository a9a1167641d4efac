/**
 * A private PostgreSQL cluster for tests: its own data directory, a unix socket in its own
 * folder (no TCP port at all, so parallel test files never collide), torn down by `stop()`.
 * Built from the server binaries Debian installs under /usr/lib/postgresql/N/bin; when they
 * are missing, `startPostgresCluster` says why instead, so a suite can skip loudly.
 *
 * initdb refuses to run as root, so under root (CI) the cluster runs as the `postgres` user,
 * which owns the folder.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresCluster {
  /** Folder holding the server's socket: libpq's `host`. */
  socketDir: string;
  port: number;
  user: string;
  /** A connection string for database `db` of this cluster. */
  url(db?: string): string;
  /** Creates an empty database and returns its connection string. */
  createDatabase(name: string): string;
  /** Stops the server and removes its folder. */
  stop(): void;
}

export type ClusterStart = { ok: true; cluster: PostgresCluster } | { ok: false; why: string };

const USER = 'kirinuki';

/** The folder of `initdb` and `pg_ctl`: the newest Debian server installed, or none. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  const newest = versions[0];
  return newest === undefined ? null : join(root, newest, 'bin');
}

/**
 * Starts a throwaway cluster, or says why it cannot.
 *
 * @example
 * const started = startPostgresCluster();
 * if (!started.ok) console.warn(`PostgreSQL suite skipped: ${started.why}`);
 * else { const url = started.cluster.createDatabase('t1'); …; started.cluster.stop(); }
 */
export function startPostgresCluster(): ClusterStart {
  const bin = postgresBinDir();
  if (bin === null)
    return {
      ok: false,
      why: 'no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (Debian: apt-get install postgresql)',
    };
  const root = mkdtempSync(join(tmpdir(), 'kirinuki-pg-'));
  const data = join(root, 'data');
  const asRoot = userInfo().uid === 0;
  // Run the server binaries as `postgres` when we are root: initdb refuses root.
  const run = (file: string, args: string[]): string =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, file), ...args], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : execFileSync(join(bin, file), args, {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
  try {
    if (asRoot) {
      const pg = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
      const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
      chownSync(root, Number(pg), Number(gid));
    }
    run('initdb', [
      '-D',
      data,
      '-U',
      USER,
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-locale',
      '--no-sync',
    ]);
    // Any port number works: with no TCP listener it only names the socket file.
    const port = 5432;
    const options = [
      `-p ${port}`,
      `-k ${root}`,
      "-c listen_addresses=''",
      // A test cluster: durability is not what is being tested.
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=60',
    ].join(' ');
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(root, 'server.log'), '-w', 'start']);
    const url = (db = 'postgres'): string =>
      `postgres://${USER}@/${db}?host=${encodeURIComponent(root)}&port=${port}`;
    const cluster: PostgresCluster = {
      socketDir: root,
      port,
      user: USER,
      url,
      createDatabase(name) {
        if (!/^[a-z_][a-z0-9_]*$/.test(name))
          throw new Error(`postgres-cluster: not a plain database name: ${name}`);
        execFileSync(
          join(bin, 'psql'),
          ['-h', root, '-p', String(port), '-U', USER, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1'],
          { input: `CREATE DATABASE ${name};`, stdio: ['pipe', 'ignore', 'pipe'] },
        );
        return url(name);
      },
      stop() {
        try {
          run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      },
    };
    return { ok: true, cluster };
  } catch (cause) {
    rmSync(root, { recursive: true, force: true });
    const detail =
      cause instanceof Error && 'stderr' in cause ? String(cause.stderr).trim() : String(cause);
    return { ok: false, why: `could not start a private PostgreSQL cluster: ${detail}` };
  }
}

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ABBREVIATIONS, PACKAGE_JSON, WEB_ROOT } from './package-paths.js';
import { formatDiagnostic } from '../../model/index.js';
import type { AccountStore } from '../../archive/index.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../io.js';
import { loadCliKnowledge } from '../knowledge.js';

export interface ServeCommandOptions {
  port: string;
  host: string;
  token?: string;
  taxonomy?: string;
  sources?: string;
}

/**
 * `kirinuki serve [--port 8080] [--host 127.0.0.1] [--token T] [--sources FILE]`: the workbench — the UI and
 * its JSON API over the archive — until Ctrl-C. Every request carries an access token: `--token`
 * (or `KIRINUKI_TOKEN`), which any address but loopback needs, or on loopback a fresh random one
 * — loopback is open to every user and process of the machine, so without it any of them could
 * read the archive, file entries and publish with the curator's credentials. The printed link
 * logs the browser in (`/login?token=…`, an HttpOnly cookie). On a PostgreSQL archive the
 * workbench has accounts instead (`kirinuki users`): each person logs in with a name and
 * password, a viewer only reads, and every edit is written to the audit log with its author.
 */
export async function serveCommand(
  ctx: CommandContext,
  opts: ServeCommandOptions,
): Promise<number> {
  const port = Number(opts.port);
  if (!/^\d+$/.test(opts.port) || port > 65535)
    throw new UsageError(`serve: --port must be a port number, got "${opts.port}"`);
  const given = opts.token ?? nonEmpty(ctx.io.env.KIRINUKI_TOKEN);
  const [{ isLoopbackHost, startServer }, { loadAbbreviations }] = await Promise.all([
    import('../../server/index.js'),
    import('../../pipeline/index.js'),
  ]);
  const archive = await ctx.openArchive();
  const archivePath = await ctx.archivePath();
  // On PostgreSQL the workbench has accounts: a login replaces the run's random token.
  const accounts = await openAccounts(archivePath);
  // Beyond loopback the curator chooses the token (startServer refuses to listen without one).
  const token =
    given ??
    (isLoopbackHost(opts.host) && accounts === null ? randomBytes(24).toString('base64url') : null);
  const knowledge = await loadCliKnowledge(ctx.io);
  const started = await startServer({
    archive,
    archivePath,
    accounts,
    ...(opts.taxonomy === undefined ? {} : { taxonomyPath: opts.taxonomy }),
    ...(opts.sources === undefined ? {} : { watchSourcesPath: opts.sources }),
    knowledge,
    abbreviations: loadAbbreviations(ABBREVIATIONS),
    version: packageVersion(),
    accessToken: token,
    webRoot: WEB_ROOT,
    env: ctx.io.env,
    host: opts.host,
    port,
    log: (message) => ctx.io.stderr.write(`${message}\n`),
  });
  if (!started.ok) {
    accounts?.close();
    ctx.io.stderr.write(`${formatDiagnostic(started.error)}\n`);
    return 1;
  }
  const server = started.value;
  ctx.io.stdout.write(
    `kirinuki workbench: open ${server.openUrl}\n` +
      (accounts !== null
        ? `(log in with a kirinuki user${accounts.listUsers().length === 0 ? ': there is none yet, add one with `kirinuki users add NAME --role curator`' : ''})\n`
        : given === undefined
          ? "(the link holds this run's access token: keep it to yourself)\n"
          : '') +
      '(Ctrl-C to stop)\n',
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  accounts?.close();
  ctx.io.stdout.write('kirinuki workbench: stopped\n');
  return 0;
}

/** The account store of a PostgreSQL archive (its tables made when missing); none for SQLite. */
async function openAccounts(location: string): Promise<AccountStore | null> {
  const { AccountStore, isPostgresUrl } = await import('../../archive/index.js');
  return isPostgresUrl(location) ? AccountStore.open(location) : null;
}

function packageVersion(): string {
  try {
    return (
      (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version?: string }).version ?? '0.0.0'
    );
  } catch {
    return '0.0.0';
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

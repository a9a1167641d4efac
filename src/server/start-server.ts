import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { err, ok, type Diagnostic, type Result } from '../model/index.js';
import { createServerApp, type ServerApp } from './app.js';
import type { ServerAppOptions } from './context.js';
import { isLoopbackHost } from './security.js';

/** Where and how to listen, besides what the app takes. */
export interface StartServerOptions extends Omit<ServerAppOptions, 'loopbackOnly'> {
  /**
   * The address to bind (default 127.0.0.1). Any other than loopback needs `accessToken` or
   * `accounts`.
   */
  host?: string;
  /** The port (default 8080; 0 picks a free one). */
  port?: number;
}

/** A server listening: where, and how to stop it. */
export interface RunningServer {
  /** `http://127.0.0.1:8080/`: the workbench's address. */
  url: string;
  /** The address the curator opens: the URL, or with an access token its login link. */
  openUrl: string;
  port: number;
  app: ServerApp;
  /** Stops running jobs (an import between files), then stops listening. */
  close(): Promise<void>;
}

/**
 * Runs the workbench server on a port: the app of `createServerApp` on `@hono/node-server`.
 * Bound to loopback unless told otherwise; another address without an access token or accounts
 * is refused (anyone on the network could read and change the archive).
 *
 * @example
 * const r = await startServer({ archive, archivePath, knowledge, port: 0 });
 * if (r.ok) console.log(`open ${r.value.openUrl}`);
 */
export async function startServer(
  options: StartServerOptions,
): Promise<Result<RunningServer, Diagnostic>> {
  const host = options.host ?? '127.0.0.1';
  const loopback = isLoopbackHost(host);
  const accessToken = options.accessToken ?? null;
  // Accounts (PostgreSQL) stand guard with their logins; without them, a token must.
  const guarded = accessToken !== null || (options.accounts ?? null) !== null;
  if (!loopback && !guarded)
    return err({
      severity: 'error',
      message: `server: listening on ${host} lets others on the network reach the archive; give --token TOKEN (or KIRINUKI_TOKEN) to require it, or run on PostgreSQL with accounts (kirinuki users add)`,
    });
  if (accessToken !== null && accessToken.length < 16)
    return err({
      severity: 'error',
      message: 'server: an access token must be at least 16 characters',
    });
  const app = createServerApp({ ...options, loopbackOnly: loopback });
  let server: ServerType;
  let port: number;
  try {
    ({ server, port } = await listen(app, host, options.port ?? 8080));
  } catch (e) {
    return err({
      severity: 'error',
      message: `server: cannot listen on ${host}:${options.port ?? 8080}: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
  const name = host.includes(':') ? `[${host}]` : host;
  const url = `http://${name}:${port}/`;
  return ok({
    url,
    openUrl: accessToken === null ? url : `${url}login?token=${encodeURIComponent(accessToken)}`,
    port,
    app,
    close: async () => {
      await app.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // An open event stream would keep the server from closing.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
    },
  });
}

function listen(
  app: ServerApp,
  host: string,
  port: number,
): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.app.fetch, hostname: host, port }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    );
    server.once('error', reject);
  });
}

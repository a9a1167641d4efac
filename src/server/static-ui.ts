import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Vite names the files of `assets/` by their content: they can be cached for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built UI (`vite build` into `dist/web`): `index.html` for `/` and the client routes
 * (`/app/…`), the files under the root as they are (assets cached for good, the rest
 * revalidated), nothing outside the root. Without a build, `/` says how to make one.
 */
export class StaticUi {
  private readonly root: string | null;

  constructor(webRoot: string | null | undefined) {
    this.root = webRoot && existsSync(join(webRoot, 'index.html')) ? resolve(webRoot) : null;
  }

  /** `GET /`, `GET /app/*`: the UI's page, or how to build it. */
  page(c: Context): Response {
    if (this.root === null)
      return c.body(NOT_BUILT, 200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
      });
    return this.file(c, 'index.html', 'no-cache') ?? new Response('no index.html', { status: 404 });
  }

  /** Any other GET: a file of the build, or null when there is none by that path. */
  asset(c: Context): Response | null {
    if (this.root === null) return null;
    const path = decodePath(c.req.path);
    if (path === null) return null;
    return this.file(c, path, path.startsWith('assets/') ? IMMUTABLE : 'no-cache');
  }

  private file(c: Context, relative: string, cache: string): Response | null {
    if (this.root === null) return null;
    const full = resolve(this.root, relative);
    if (!full.startsWith(this.root + sep)) return null;
    let body: Buffer;
    try {
      if (!statSync(full).isFile()) return null;
      body = readFileSync(full);
    } catch {
      return null;
    }
    const type = TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream';
    return c.body(new Uint8Array(body), 200, { 'Content-Type': type, 'Cache-Control': cache });
  }
}

/** The path without its leading slash, or null when it cannot name a file of the build. */
function decodePath(path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split('/').includes('..')) return null;
  const relative = decoded.replace(/^\/+/, '');
  return relative === '' ? null : relative;
}

const NOT_BUILT = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>kirinuki workbench</title></head>
<body>
<h1>kirinuki workbench</h1>
<p>The server is running, but the UI has not been built. From the kirinuki folder, run</p>
<pre>npm run build</pre>
<p>then reload this page. The API is here all the same: <a href="/openapi.json">/openapi.json</a>.</p>
</body>
</html>
`;

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type SiteServer } from './serve-site.js';

const root = mkdtempSync(join(tmpdir(), 'kirinuki-serve-'));
const site = join(root, 'site');
let server: SiteServer;

beforeAll(async () => {
  mkdirSync(join(site, 'tags'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!DOCTYPE html><title>home</title>');
  writeFileSync(join(site, 'tags', '露朝.html'), 'tag');
  writeFileSync(join(site, 'shard.bin'), Buffer.from([1, 2, 3]));
  writeFileSync(join(root, 'secret.txt'), 'outside the site');
  server = await serveSite(site, 0);
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

/** A raw GET, the path sent as it is (fetch would normalise `..` away). */
function get(path: string): Promise<{ status: number; type: string; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serveSite', () => {
  it('serves the site on the loopback interface, index.html for a directory', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await get('/');
    expect(home).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(home.body).toContain('<title>home</title>');
  });

  it('serves percent-encoded Japanese paths, and each file with its type', async () => {
    expect((await get(`/tags/${encodeURIComponent('露朝')}.html`)).body).toBe('tag');
    expect((await get('/shard.bin')).type).toBe('application/octet-stream');
  });

  it('serves nothing outside the directory, and 404 for what is not there', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/tags/../../secret.txt']) {
      const r = await get(path);
      expect(r.status, path).not.toBe(200);
      expect(r.body, path).not.toContain('outside the site');
    }
    expect((await get('/missing.html')).status).toBe(404);
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });
});

import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  basicToken,
  defaultBlogConfigPath,
  loadBlogCredentials,
  redactSecrets,
  secretsOf,
} from './credentials.js';

const dir = mkdtempSync(join(tmpdir(), 'kirinuki-blog-credentials-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** A settings file with the given mode; `named` keeps the default path away from the user's. */
function settings(content: unknown, mode = 0o600): string {
  const path = join(dir, `blogs-${(n += 1)}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  chmodSync(path, mode);
  return path;
}

const HATENA_ENV = {
  KIRINUKI_HATENA_ID: 'kirinuki',
  KIRINUKI_HATENA_BLOG: 'kirinuki.hatenablog.com',
  KIRINUKI_HATENA_API_KEY: 'key-from-env-123',
  // No settings file unless a test names one.
  KIRINUKI_BLOG_CONFIG: join(dir, 'absent.json'),
};
const posix = process.platform !== 'win32';

describe('loadBlogCredentials', () => {
  it('reads Hatena credentials from the environment, with the default endpoint and syntax', () => {
    const r = loadBlogCredentials('hatena', HATENA_ENV);
    // KIRINUKI_BLOG_CONFIG names a file that does not exist: a named file must exist.
    expect(r.ok ? null : r.error.message).toBe(
      `blog: cannot read the blog settings file ${join(dir, 'absent.json')} (ENOENT)`,
    );
    // A settings file with nothing for Hatena: everything comes from the environment.
    const env = { ...HATENA_ENV, KIRINUKI_BLOG_CONFIG: settings({ wordpress: { user: 'x' } }) };
    const fromEnv = loadBlogCredentials('hatena', env);
    expect(fromEnv).toEqual({
      ok: true,
      value: {
        target: 'hatena',
        hatenaId: 'kirinuki',
        blogId: 'kirinuki.hatenablog.com',
        apiKey: 'key-from-env-123',
        endpoint: 'https://blog.hatena.ne.jp/kirinuki/kirinuki.hatenablog.com/atom',
        syntax: 'hatena',
        source:
          'the environment (KIRINUKI_HATENA_ID, KIRINUKI_HATENA_BLOG, KIRINUKI_HATENA_API_KEY)',
      },
    });
  });

  it('reads a settings file of mode 0600; the environment wins field by field', () => {
    const path = settings({
      hatena: {
        hatenaId: 'file-id',
        blogId: 'file.hatenablog.com',
        apiKey: 'key-from-file',
        syntax: 'markdown',
      },
      wordpress: {
        url: 'https://example.com/',
        user: 'curator',
        applicationPassword: 'abcd efgh',
        categories: ['ニュース'],
      },
    });
    const hatena = loadBlogCredentials(
      'hatena',
      { KIRINUKI_HATENA_ID: 'env-id' },
      { configPath: path },
    );
    expect(hatena.ok && hatena.value).toMatchObject({
      hatenaId: 'env-id',
      blogId: 'file.hatenablog.com',
      apiKey: 'key-from-file',
      syntax: 'markdown',
      endpoint: 'https://blog.hatena.ne.jp/env-id/file.hatenablog.com/atom',
      source: `the environment (KIRINUKI_HATENA_ID) and ${path}`,
    });
    const wordpress = loadBlogCredentials('wordpress', {}, { configPath: path });
    expect(wordpress).toEqual({
      ok: true,
      value: {
        target: 'wordpress',
        siteUrl: 'https://example.com',
        user: 'curator',
        appPassword: 'abcd efgh',
        categories: ['ニュース'],
        source: path,
      },
    });
    const categories = loadBlogCredentials(
      'wordpress',
      { KIRINUKI_WP_CATEGORIES: '国際, 戦況' },
      { configPath: path },
    );
    expect(categories.ok && categories.value.categories).toEqual(['国際', '戦況']);
  });

  it.runIf(posix)('refuses a settings file others can read, saying how to fix it', () => {
    const path = settings({ hatena: { apiKey: 'world-readable-key' } }, 0o644);
    const r = loadBlogCredentials('hatena', HATENA_ENV, { configPath: path });
    expect(r).toEqual({
      ok: false,
      error: {
        kind: 'config',
        message: `blog: ${path} can be read by other users (mode 0644) and holds blog keys; run: chmod 600 ${path}`,
      },
    });
    const group = settings({}, 0o640);
    expect(loadBlogCredentials('hatena', HATENA_ENV, { configPath: group }).ok).toBe(false);
    expect(loadBlogCredentials('hatena', HATENA_ENV, { configPath: settings({}, 0o400) }).ok).toBe(
      true,
    );
  });

  it('names what is missing, by environment variable and settings key', () => {
    const path = settings({ hatena: { hatenaId: 'only-id' } });
    const r = loadBlogCredentials('hatena', {}, { configPath: path });
    expect(r.ok ? null : r.error.message).toBe(
      `blog: Hatena Blog needs KIRINUKI_HATENA_BLOG, KIRINUKI_HATENA_API_KEY in the environment (or "blogId", "apiKey" in the "hatena" section of ${path})`,
    );
    const wp = loadBlogCredentials(
      'wordpress',
      { KIRINUKI_WP_URL: 'https://example.com' },
      { configPath: path },
    );
    expect(wp.ok ? null : wp.error.message).toMatch(
      /^blog: WordPress needs KIRINUKI_WP_USER, KIRINUKI_WP_APP_PASSWORD in the environment/,
    );
  });

  it('refuses plain http to another machine, and a password inside the URL', () => {
    const http = loadBlogCredentials('wordpress', {
      KIRINUKI_BLOG_CONFIG: settings({}),
      KIRINUKI_WP_URL: 'http://example.com',
      KIRINUKI_WP_USER: 'u',
      KIRINUKI_WP_APP_PASSWORD: 'secret-pass',
    });
    expect(http.ok ? null : http.error.message).toBe(
      'blog: KIRINUKI_WP_URL: refusing to send credentials over plain http to example.com; use https',
    );
    const inUrl = loadBlogCredentials('wordpress', {
      KIRINUKI_BLOG_CONFIG: settings({}),
      KIRINUKI_WP_URL: 'https://u:secret-pass@example.com',
      KIRINUKI_WP_USER: 'u',
      KIRINUKI_WP_APP_PASSWORD: 'secret-pass',
    });
    expect(inUrl.ok ? null : inUrl.error.message).not.toContain('secret-pass');
    expect(inUrl.ok).toBe(false);
    const local = loadBlogCredentials('hatena', {
      ...HATENA_ENV,
      KIRINUKI_BLOG_CONFIG: settings({}),
      KIRINUKI_HATENA_ENDPOINT: 'http://127.0.0.1:8080/kirinuki/blog/atom/',
    });
    expect(local.ok && local.value.endpoint).toBe('http://127.0.0.1:8080/kirinuki/blog/atom');
  });

  it('a broken settings file: its position, never its text (which may hold a key)', () => {
    const path = settings('{"hatena": {"apiKey": "leaky-key-999" oops}}');
    const r = loadBlogCredentials('hatena', {}, { configPath: path });
    expect(r.ok ? null : r.error.message).toMatch(
      new RegExp(`^blog: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON`),
    );
    expect(r.ok ? '' : r.error.message).not.toContain('leaky');
    const typo = settings({ hatena: { apikey: 'x' } });
    const t = loadBlogCredentials('hatena', {}, { configPath: typo });
    expect(t.ok ? null : t.error.message).toMatch(/hatena: Unrecognized key: "apikey"/);
    const syntax = loadBlogCredentials('hatena', {
      ...HATENA_ENV,
      KIRINUKI_BLOG_CONFIG: settings({}),
      KIRINUKI_HATENA_SYNTAX: 'rst',
    });
    expect(syntax.ok ? null : syntax.error.message).toBe(
      'blog: KIRINUKI_HATENA_SYNTAX must be hatena or markdown, not "rst"',
    );
  });
});

describe('defaultBlogConfigPath', () => {
  it('is $KIRINUKI_BLOG_CONFIG, else blogs.json in the config directory', () => {
    expect(defaultBlogConfigPath({ KIRINUKI_BLOG_CONFIG: '/x/b.json' })).toBe('/x/b.json');
    expect(defaultBlogConfigPath({})).toMatch(/kirinuki[/\\]blogs\.json$/);
  });
});

describe('secretsOf and redactSecrets', () => {
  it('takes out the key, the password with or without spaces, and their Basic tokens', () => {
    const secrets = secretsOf({
      target: 'wordpress',
      siteUrl: 'https://example.com',
      user: 'curator',
      appPassword: 'abcd efgh ijkl',
      categories: [],
      source: 'test',
    });
    const leaky = `pw abcd efgh ijkl, abcdefghijkl, Basic ${basicToken('curator', 'abcd efgh ijkl')}`;
    expect(redactSecrets(leaky, secrets)).toBe('pw [secret], [secret], Basic [secret]');
    expect(redactSecrets('nothing here', secrets)).toBe('nothing here');
  });
});

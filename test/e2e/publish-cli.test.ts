import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteArchive } from '../../src/archive/index.js';
import { basicToken } from '../../src/blog/index.js';
import { run, type CliIo } from '../../src/cli/index.js';
import { startHatenaServer, type HatenaServer } from '../fixtures/blog/hatena-server.js';
import { startWordPressServer, type WordPressServer } from '../fixtures/blog/wordpress-server.js';

const SAMPLE = fileURLToPath(new URL('../../samples/2024-03-04.txt', import.meta.url));
/** A day whose summary line quotes what its text never says (the quote check's fixture). */
const FLAGGED = fileURLToPath(new URL('../fixtures/check/flagged.txt', import.meta.url));
const FLAGGED_DAY = '2024-05-03';
const DAY = '2024-03-04';
const HATENA_ID = 'kirinuki';
const BLOG_ID = 'kirinuki.hatenablog.com';
const API_KEY = 'cli-hatena-api-key-5d1e';
const WRONG_KEY = 'cli-wrong-key-8a2c';
const WP_USER = 'curator';
const WP_PASSWORD = 'Ab12 Cd34 Ef56 Gh78 Ij90 Kl12';

const dir = mkdtempSync(join(tmpdir(), 'kirinuki-publish-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI in-process, as the bin runs it, with this environment. */
async function kirinuki(args: string[], env: Record<string, string>): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s) => void (stdout += s) },
    stderr: { write: (s) => void (stderr += s) },
    stdin: () => Readable.from([]),
    env,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** A blog settings file with this content and mode. */
function settingsFile(content: unknown, mode = 0o600): string {
  const path = join(dir, `blogs-${(n += 1)}.json`);
  writeFileSync(path, JSON.stringify(content));
  chmodSync(path, mode);
  return path;
}

let db: string;
let hatena: HatenaServer;
let wordpress: WordPressServer;

function hatenaEnv(over: Record<string, string> = {}): Record<string, string> {
  return {
    KIRINUKI_DB: db,
    KIRINUKI_BLOG_CONFIG: settingsFile({}),
    KIRINUKI_HATENA_ID: HATENA_ID,
    KIRINUKI_HATENA_BLOG: BLOG_ID,
    KIRINUKI_HATENA_API_KEY: API_KEY,
    KIRINUKI_HATENA_ENDPOINT: hatena.endpoint,
    ...over,
  };
}

const publish = (extra: string[] = []): string[] => [
  'publish',
  '--date',
  DAY,
  '--to',
  'hatena',
  '--retry-delay',
  '1',
  '--no-check',
  ...extra,
];

/** Neither the key nor its Basic token in anything the CLI printed. */
function expectNoSecret(r: Captured, ...secrets: string[]): void {
  for (const s of secrets) {
    for (const token of [s, basicToken(HATENA_ID, s), basicToken(WP_USER, s)]) {
      expect(r.stdout).not.toContain(token);
      expect(r.stderr).not.toContain(token);
    }
  }
}

function recorded(target: string): unknown {
  const a = openSqliteArchive(db, { readonly: true });
  try {
    return a.publishedPost(DAY, target);
  } finally {
    a.close();
  }
}

beforeAll(async () => {
  db = join(dir, 'template.db');
  const r = await kirinuki(['import', SAMPLE], { KIRINUKI_DB: db });
  expect(r.code).toBe(0);
  const flagged = await kirinuki(['import', FLAGGED, '--day', FLAGGED_DAY], { KIRINUKI_DB: db });
  expect(flagged.code).toBe(0);
});

beforeEach(async () => {
  // A fresh copy of the imported archive (closed, so no write-ahead log) for each test.
  const fresh = join(dir, `archive-${(n += 1)}.db`);
  copyFileSync(join(dir, 'template.db'), fresh);
  db = fresh;
  hatena = await startHatenaServer({ hatenaId: HATENA_ID, blogId: BLOG_ID, apiKey: API_KEY });
  wordpress = await startWordPressServer({ user: WP_USER, appPassword: WP_PASSWORD });
});

afterEach(async () => {
  await hatena.close();
  await wordpress.close();
});

describe('kirinuki publish --to hatena', () => {
  it('posts the day as a draft, then updates that same entry with --publish', async () => {
    const first = await kirinuki(publish(), hatenaEnv());
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^hatena: 2024-03-04 posted as a draft: http:\/\/kirinuki\.hatenablog\.com\/entry\/2024\/03\/04\/\d{6}\n$/,
    );
    expect(hatena.problems).toEqual([]);
    const [entry] = [...hatena.entries.values()];
    expect(entry).toMatchObject({
      title: '2024年3月4日の切り抜き',
      draft: true,
      categories: ['NATOexpansion', '反ロシア', '対中露戦'],
    });
    expect(entry?.content).toContain('#ウクライナ戦況');

    const second = await kirinuki(publish(['--publish', '--json']), hatenaEnv());
    expect(second.code).toBe(0);
    expect(hatena.entries.size).toBe(1);
    expect([...hatena.entries.values()][0]?.draft).toBe(false);
    const outcome = JSON.parse(second.stdout) as { action: string; post: { remoteId: string } };
    expect(outcome).toMatchObject({
      action: 'updated',
      post: { remoteId: entry?.id, status: 'publish' },
    });
    expect(recorded('hatena')).toMatchObject({ remoteId: entry?.id, status: 'publish' });

    // Republishing without --publish or --draft keeps the entry public.
    const third = await kirinuki(publish(), hatenaEnv());
    expect(third.stdout).toMatch(/^hatena: 2024-03-04 updated \(public\): /);
    expect([...hatena.entries.values()][0]?.draft).toBe(false);
    for (const r of [first, second, third]) expectNoSecret(r, API_KEY);
  });

  it('401: exit 1, a "check your credentials" message naming where they came from, no secret', async () => {
    const r = await kirinuki(publish(), hatenaEnv({ KIRINUKI_HATENA_API_KEY: WRONG_KEY }));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'blog: Hatena Blog refused the credentials (HTTP 401 401 Unauthorized)\n' +
        'publish: check your credentials, from the environment (KIRINUKI_HATENA_ID, KIRINUKI_HATENA_BLOG, KIRINUKI_HATENA_API_KEY, KIRINUKI_HATENA_ENDPOINT)\n',
    );
    expectNoSecret(r, WRONG_KEY, API_KEY);
    expect(recorded('hatena')).toBeNull();
  });

  it('5xx then success: retried, exit 0, one entry', async () => {
    hatena.forceNext({ status: 503, body: 'Service Unavailable' }, 'drop');
    const r = await kirinuki(publish(), hatenaEnv());
    expect(r.code).toBe(0);
    expect(hatena.requests).toHaveLength(3);
    expect(hatena.entries.size).toBe(1);
  });

  it('5xx to the end: exit 1 after the retries, nothing recorded', async () => {
    hatena.forceNext({ status: 500 }, { status: 502 });
    const r = await kirinuki(publish(['--retries', '1']), hatenaEnv());
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'blog: Hatena Blog could not post the entry: HTTP 502, still after 2 tries\n',
    );
    expect(recorded('hatena')).toBeNull();
  });

  it('409: exit 1 with the server’s own message', async () => {
    hatena.forceNext({ status: 409, body: 'Conflict: entry is locked' });
    const r = await kirinuki(publish(), hatenaEnv());
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'blog: Hatena Blog could not post the entry: HTTP 409 Conflict: entry is locked\n',
    );
  });

  it('a server echoing the key in an error: the CLI prints it masked', async () => {
    hatena.forceNext({ status: 403, body: `Forbidden: key ${API_KEY} is read-only` });
    const r = await kirinuki(publish(), hatenaEnv());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Forbidden: key [secret] is read-only');
    expectNoSecret(r, API_KEY);
  });

  it('reads the credentials from a 0600 settings file, and refuses one others can read', async () => {
    const section = {
      hatenaId: HATENA_ID,
      blogId: BLOG_ID,
      apiKey: API_KEY,
      endpoint: hatena.endpoint,
    };
    const env = { KIRINUKI_DB: db };
    const open = settingsFile({ hatena: section }, 0o644);
    const refused = await kirinuki([...publish(), '--config', open], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `blog: ${open} can be read by other users (mode 0644) and holds blog keys; run: chmod 600 ${open}\n`,
    );
    expect(hatena.requests).toHaveLength(0);

    const ok = await kirinuki([...publish(), '--config', settingsFile({ hatena: section })], env);
    expect(ok.code).toBe(0);
    expect(hatena.entries.size).toBe(1);
    expectNoSecret(refused, API_KEY);
    expectNoSecret(ok, API_KEY);
  });

  it('--syntax markdown writes Hatena’s Markdown; --publish makes a new entry public', async () => {
    const r = await kirinuki(publish(['--syntax', 'markdown', '--publish']), hatenaEnv());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^hatena: 2024-03-04 published: http:\/\/kirinuki\.hatenablog\.com\/entry\//,
    );
    expect([...hatena.entries.values()][0]?.content).toMatch(/^> /m);
  });

  it('--strict refuses to post a day whose quote check flags a line; without it, posts and warns', async () => {
    const check = ['publish', '--date', FLAGGED_DAY, '--to', 'hatena', '--retry-delay', '1'];
    const strict = await kirinuki([...check, '--strict'], hatenaEnv());
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(
      'quote not in the text: サンプル国防相「防空システムを追加で送る」',
    );
    expect(strict.stderr).toContain('publish: 2 flagged; nothing posted (--strict)');
    expect(hatena.requests).toHaveLength(0);

    const warned = await kirinuki(check, hatenaEnv());
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain('quote not in the text');
    expect(hatena.entries.size).toBe(1);
  });

  it('refuses what it cannot do before sending anything', async () => {
    const env = hatenaEnv();
    const cases: [string[], string][] = [
      [['publish', '--to', 'hatena'], 'publish: --date YYYY-MM-DD is required'],
      [
        ['publish', '--date', DAY, '--to', 'note'],
        'publish: --to must be one of hatena, wordpress',
      ],
      [
        [...publish(), '--publish', '--draft'],
        'publish: --publish and --draft ask for opposite things',
      ],
      [[...publish(), '--retries', 'many'], 'publish: --retries must be a whole number up to 10'],
      [
        ['publish', '--date', '1999-01-01', '--to', 'hatena', '--no-check'],
        'publish: no entries filed for 1999-01-01',
      ],
    ];
    for (const [args, message] of cases) {
      const r = await kirinuki(args, env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(message);
    }
    const missing = await kirinuki(publish(), {
      KIRINUKI_DB: db,
      KIRINUKI_BLOG_CONFIG: settingsFile({}),
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      'blog: Hatena Blog needs KIRINUKI_HATENA_ID, KIRINUKI_HATENA_BLOG, KIRINUKI_HATENA_API_KEY',
    );
    expect(hatena.requests).toHaveLength(0);
  });
});

describe('kirinuki publish --to wordpress', () => {
  it('posts the HTML digest with its tags and categories, and updates it the second time', async () => {
    const env = {
      KIRINUKI_DB: db,
      KIRINUKI_BLOG_CONFIG: settingsFile({
        wordpress: {
          url: wordpress.siteUrl,
          user: WP_USER,
          applicationPassword: WP_PASSWORD,
          categories: ['国際'],
        },
      }),
    };
    const args = [
      'publish',
      '--date',
      DAY,
      '--to',
      'wordpress',
      '--no-check',
      '--category',
      'ウクライナ',
    ];
    const first = await kirinuki(args, env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const [post] = [...wordpress.posts.values()];
    expect(first.stdout).toBe(
      `wordpress: 2024-03-04 posted as a draft: ${wordpress.siteUrl}/?p=${post?.id}\n`,
    );
    expect(post?.content).toMatch(/^<div class="kirinuki-digest">/);
    expect(
      post?.categories.map((id) => wordpress.categories.find((c) => c.id === id)?.name),
    ).toEqual(['ウクライナ', '国際']);
    expect(wordpress.tags.map((t) => t.name)).toEqual(['NATOexpansion', '反ロシア', '対中露戦']);

    const second = await kirinuki([...args, '--publish'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^wordpress: 2024-03-04 updated \(public\): /);
    expect(wordpress.posts.size).toBe(1);
    expect(recorded('wordpress')).toMatchObject({ remoteId: String(post?.id), status: 'publish' });
    expectNoSecret(first, WP_PASSWORD);
    expectNoSecret(second, WP_PASSWORD);
  });

  it('a wrong application password: exit 1, WordPress’s words, no secret', async () => {
    const env = {
      KIRINUKI_DB: db,
      KIRINUKI_BLOG_CONFIG: settingsFile({}),
      KIRINUKI_WP_URL: wordpress.siteUrl,
      KIRINUKI_WP_USER: WP_USER,
      KIRINUKI_WP_APP_PASSWORD: 'Zz99 Zz99 Zz99 Zz99',
    };
    const r = await kirinuki(['publish', '--date', DAY, '--to', 'wordpress', '--no-check'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'blog: WordPress refused the credentials (HTTP 401 incorrect_password: The provided password is an invalid application password.)',
    );
    expect(r.stderr).toContain(
      'publish: check your credentials, from the environment (KIRINUKI_WP_URL, KIRINUKI_WP_USER, KIRINUKI_WP_APP_PASSWORD)',
    );
    expectNoSecret(r, 'Zz99 Zz99 Zz99 Zz99', WP_PASSWORD);
    expect(recorded('wordpress')).toBeNull();
  });
});

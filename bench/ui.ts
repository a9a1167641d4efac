/**
 * The workbench in Chromium over 100,000 clips: how soon the inbox and search pages are
 * interactive after load, and the UI's JavaScript size.
 *
 * `kirinuki serve` runs in a child process over the server benchmark's generated archive
 * (bench/out/server-archive-<size>.db, made once by bench/server.ts) and serves the built UI
 * (`npm run build` → dist/web). Debian's Chromium (playwright-core) opens each page in a fresh
 * context, five times: the time from navigation start to the first result on screen (the
 * inbox's first entry of the latest day; the first search hit of a query in the address), then
 * to the page answering a key (j selects the next entry; a letter typed into the search box is
 * in it), both read in the page from `performance.now()`. The first run is a server that has
 * not answered that read before; the others get the server's kept answers, as a reload would.
 *
 * `npx tsx bench/ui.ts [size]`; writes `bench/out/ui.md`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../test/fixtures/site/sample-site.js';
import { latency, ms, table } from './measure.js';
import { BENCH_TOKEN, serverArchive, serverUrl, startServe } from './server.js';
import { ACCESS_COOKIE } from '../src/server/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 5;

/** One page load: ms from navigation start to the first result, and to the key's effect. */
interface Load {
  firstResult: number;
  interactive: number;
}

/** A page to time: where it is, what its first result is, and a key press it must answer. */
interface PageUnderTest {
  name: string;
  path: string;
  firstResult: string;
  /** Presses a key; resolves with the page's `performance.now()` when its effect is on screen. */
  answer: (page: Page) => Promise<number>;
}

const PAGES: readonly PageUnderTest[] = [
  {
    name: 'inbox (latest day)',
    path: '/app/inbox',
    firstResult: '.inbox-list:not([hidden]) > li',
    answer: async (page) => {
      const seen = watch(page, { selector: '.inbox-list > li:nth-child(2)[aria-current="true"]' });
      await page.keyboard.press('j');
      return seen;
    },
  },
  {
    name: 'search (停戦 in the address)',
    path: `/app/search?q=${encodeURIComponent('停戦')}`,
    firstResult: '.hits > li',
    answer: async (page) => {
      await page.locator('#search-input').press('End');
      const seen = watch(page, { selector: '#search-input', valueEndsWith: 'x' });
      await page.keyboard.type('x');
      return seen;
    },
  },
];

/** What a page must show: an element, and optionally the text its field ends with. */
interface Shown {
  selector: string;
  valueEndsWith?: string;
}

/**
 * The script that watches, in the page, at every frame, until it shows `want`, and records the
 * page's clock (ms since navigation start) in `window.kirinukiSeen[key]`. Source text, given
 * to the page through the DevTools protocol (an init script, `evaluate`), which the page's CSP
 * does not govern; a function would carry the helpers tsx adds to it.
 */
function watchScript(key: string, want: Shown): string {
  return `(() => {
    const seen = (window.kirinukiSeen ??= {});
    const want = ${JSON.stringify(want)};
    const check = () => {
      const element = document.querySelector(want.selector);
      const valueOk = want.valueEndsWith === undefined || (element?.value ?? '').endsWith(want.valueEndsWith);
      if (element !== null && valueOk) seen[${JSON.stringify(key)}] = performance.now();
      else requestAnimationFrame(check);
    };
    check();
  })();`;
}

/** Starts a watch in the page; resolves with the time it recorded, polled from here. */
async function watch(page: Page, want: Shown): Promise<number> {
  const key = `w${Math.random()}`;
  await page.evaluate(watchScript(key, want));
  return seenAt(page, key);
}

async function seenAt(page: Page, key: string): Promise<number> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const at: unknown = await page.evaluate(
      `window.kirinukiSeen?.[${JSON.stringify(key)}] ?? null`,
    );
    if (typeof at === 'number') return at;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`bench: the page never showed what was waited for (${key})`);
}

async function timeLoad(browser: Browser, base: string, target: PageUnderTest): Promise<Load> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'ja-JP',
  });
  try {
    // Logged in as the curator is: the login link's cookie.
    await context.addCookies([{ name: ACCESS_COOKIE, value: BENCH_TOKEN, url: base }]);
    const page = await context.newPage();
    // Watching from the document's start: the first result's time does not wait on this side.
    await page.addInitScript(watchScript('first', { selector: target.firstResult }));
    await page.goto(`${base}${target.path}`, { waitUntil: 'commit' });
    const firstResult = await seenAt(page, 'first');
    const interactive = await target.answer(page);
    return { firstResult, interactive };
  } finally {
    await context.close();
  }
}

/** The built UI's scripts, each with its gzip size (what a browser downloads). */
function bundleSizes(): { file: string; bytes: number; gzip: number }[] {
  const assets = join(ROOT, 'dist/web/assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const bytes = readFileSync(join(assets, file));
      return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
}

/**
 * Runs the UI benchmark and returns its markdown report.
 *
 * @example
 * const md = await benchUi({ size: 100_000 });
 */
export async function benchUi(
  options: { size?: number; dir?: string; log?: (line: string) => void } = {},
): Promise<string> {
  const size = options.size ?? 100_000;
  const dir = options.dir ?? 'bench/out';
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const db = serverArchive(size, dir, log);
  const child = startServe(db);
  const browser = await launchChromium();
  if (browser === null) throw new Error('bench: no Chromium at /usr/bin/chromium');
  try {
    const base = await serverUrl(child);
    const rows: string[][] = [];
    for (const target of PAGES) {
      const loads: Load[] = [];
      for (let i = 0; i < RUNS; i += 1) loads.push(await timeLoad(browser, base, target));
      const warm = loads.slice(1);
      const first = loads[0];
      log(`ui: ${target.name}: interactive ${loads.map((l) => ms(l.interactive)).join(', ')} ms`);
      rows.push([
        target.name,
        ms(first?.firstResult ?? NaN),
        ms(first?.interactive ?? NaN),
        ms(latency(warm.map((l) => l.firstResult)).p50),
        ms(latency(warm.map((l) => l.interactive)).p50),
        ms(Math.max(...loads.map((l) => l.interactive))),
      ]);
    }
    const scripts = bundleSizes();
    const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
    return [
      `# Workbench UI in Chromium (${size.toLocaleString('en')} clips)`,
      '',
      '`npx tsx bench/ui.ts` — `kirinuki serve` in a child process, Debian Chromium (headless) through playwright-core, a fresh context for each load; times from navigation start, in the page.',
      '',
      `## Interactive after load (${RUNS} loads each)`,
      '',
      'First: a server that had not answered those reads; later: the server’s kept answers (p50 of the other loads). "Interactive": the page has answered a key (j; a letter typed).',
      '',
      table(
        [
          'page',
          'first: result ms',
          'first: interactive ms',
          'later: result ms',
          'later: interactive ms',
          'max interactive ms',
        ],
        rows,
      ),
      '',
      '## JavaScript (dist/web/assets)',
      '',
      table(
        ['file', 'KB', 'KB gzip'],
        [
          ...scripts.map((s) => [s.file, (s.bytes / 1024).toFixed(1), (s.gzip / 1024).toFixed(1)]),
          ['all', '', (total / 1024).toFixed(1)],
        ],
      ),
      '',
    ].join('\n');
  } finally {
    await browser.close();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = Number(process.argv[2] ?? 100_000);
  const md = await benchUi({ size });
  writeFileSync(join(ROOT, 'bench/out/ui.md'), md);
  console.log(md);
}

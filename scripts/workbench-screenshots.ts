/**
 * `npx tsx scripts/workbench-screenshots.ts`: screenshots of every page of the workbench
 * (`kirinuki serve`) to docs/screenshots/workbench-*.png — at 1280 px the inbox, compose,
 * digest, search, person, tag, story, entry and not-found pages; at 375 px (a phone) the inbox
 * and search, at 390 px the compose and digest pages; and the inbox and digest in dark mode. The server is the test harness's: the samples imported into a
 * temporary archive, with the new posts and the two-source story of the browser tests.
 *
 * Needs the built UI (`npm run build`), Debian's `chromium` and a Japanese font
 * (fonts-noto-cjk) — see DEVELOPERS.md. Stops with exit code 1 when a page logs an error,
 * breaks its Content-Security-Policy or a request fails.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { PeopleResponse } from '../web/src/api/types.js';
import { json, ROOT, startTestServer, type TestServer } from '../test/e2e/server-harness.js';
import {
  COMPOSE_PASTE,
  DIST_WEB,
  launchWorkbenchBrowser,
  seedWorkbench,
  WorkbenchPage,
  workbenchSkipReason,
  type WorkbenchPageOptions,
  type WorkbenchSeed,
} from '../test/e2e/workbench-page.js';

const OUT = join(ROOT, 'docs', 'screenshots');
const PHONE: WorkbenchPageOptions = { width: 375, height: 812, isMobile: true };
const PHONE_390: WorkbenchPageOptions = { width: 390, height: 844, isMobile: true };
const DARK: WorkbenchPageOptions = { colorScheme: 'dark' };

/** Feeds for the sources file of `watch`, so the Compose page shows its list. */
const WATCH_FEEDS = [
  { url: 'https://kakuu-nippo.example.jp/rss/world.xml', name: '架空日報 国際' },
  { url: 'https://example.jp/feed.atom' },
];

/** One screenshot: where to go, what to do there, and what must be on screen before it. */
interface Shot {
  name: string;
  options?: WorkbenchPageOptions;
  path: string;
  /** Brings the page to the state shown, once it has its heading. */
  prepare?: (wb: WorkbenchPage) => Promise<void>;
  /** Waited for before the screenshot. */
  ready: string;
  /** The whole page, not only the viewport. */
  fullPage?: boolean;
}

/** The inbox with its first new entry selected and that entry's suggestion in place. */
const inboxShot = (name: string, options?: WorkbenchPageOptions): Shot => ({
  name,
  path: '/app/inbox',
  ready: '.inbox-list > li[aria-current="true"] .suggestion',
  ...(options ? { options } : {}),
});

/** A search for 停戦 typed into the box. */
const searchShot = (name: string, options?: WorkbenchPageOptions): Shot => ({
  name,
  path: '/app/search',
  prepare: async (wb) => {
    await wb.searchBox().pressSequentially('停戦', { delay: 60 });
  },
  ready: '.hits > li .snippet mark',
  ...(options ? { options } : {}),
});

function shots(seed: WorkbenchSeed, person: string, entry: string): Shot[] {
  const story = seed.story[0]?.story ?? '';
  return [
    inboxShot('workbench-inbox'),
    {
      name: 'workbench-compose',
      path: '/app/compose',
      prepare: async (wb) => {
        await wb.page.getByLabel('埋め込みコード、URL、またはテキスト').focus();
        await wb.page.keyboard.insertText(COMPOSE_PASTE);
      },
      ready: '.annotation .suggestion',
      fullPage: true,
    },
    {
      // Tall enough to show the quote check's first flags (on the fourth entry).
      name: 'workbench-digest',
      options: { height: 1300 },
      path: '/app/digest/2024-03-06',
      ready: '.order-list .flag',
    },
    searchShot('workbench-search'),
    {
      name: 'workbench-person',
      path: `/app/people/${encodeURIComponent(person)}`,
      ready: '.chart-box canvas',
    },
    {
      name: 'workbench-tag',
      path: `/app/tags/${encodeURIComponent('ウクライナ戦況')}`,
      ready: '.chart-box canvas',
    },
    { name: 'workbench-story', path: `/app/stories/${story}`, ready: '.page.story .card' },
    { name: 'workbench-entry', path: `/app/entries/${entry}`, ready: '.entry-text' },
    { name: 'workbench-not-found', path: '/app/entries/ffffffffffff', ready: '.not-found' },
    inboxShot('workbench-inbox-375', PHONE),
    searchShot('workbench-search-375', PHONE),
    {
      name: 'workbench-compose-390',
      options: PHONE_390,
      path: '/app/compose',
      ready: '.source-list li',
      fullPage: true,
    },
    {
      name: 'workbench-digest-390',
      options: PHONE_390,
      path: '/app/digest/2024-03-06',
      ready: '.order-list .flag',
    },
    inboxShot('workbench-inbox-dark', DARK),
    {
      name: 'workbench-digest-dark',
      options: { ...DARK, height: 1300 },
      path: '/app/digest/2024-03-06',
      ready: '.order-list .flag',
    },
  ];
}

/** Takes one screenshot; returns the problems the page had. */
async function take(browser: Browser, server: TestServer, shot: Shot): Promise<string[]> {
  const wb = await WorkbenchPage.open(browser, server.origin, shot.options);
  try {
    await wb.goto(shot.path);
    await shot.prepare?.(wb);
    await wb.page.locator(shot.ready).first().waitFor({ timeout: 15_000 });
    // The not-found page's 404 is what it shows.
    wb.allow(/^404 GET \/api\/entries\/ffffffffffff/);
    wb.allow(/^console: Failed to load resource: .* 404 .*\(\/api\/entries\/ffffffffffff/);
    const problems = await wb.unexpectedProblems();
    // A blinking caret does not belong in a picture.
    await wb.page.evaluate(() => {
      const active = (globalThis as unknown as { document: { activeElement: unknown } }).document
        .activeElement as { blur?: () => void } | null;
      active?.blur?.();
    });
    const file = join(OUT, `${shot.name}.png`);
    await wb.page.screenshot({
      path: file,
      animations: 'disabled',
      fullPage: shot.fullPage ?? false,
    });
    console.log(`wrote ${file}`);
    return problems.map((problem) => `${shot.name}: ${problem}`);
  } finally {
    await wb.close();
  }
}

const skip = workbenchSkipReason('workbench screenshots');
if (skip) {
  console.error(skip);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
const [server, browser] = await Promise.all([
  startTestServer({ webRoot: DIST_WEB }),
  launchWorkbenchBrowser(),
]);
try {
  const seed = await seedWorkbench(server);
  for (const feed of WATCH_FEEDS) {
    const added = await server.send('POST', '/api/capture/sources', feed);
    if (added.status !== 201)
      throw new Error(`workbench screenshots: a feed answered ${added.status}`);
  }
  const people = await json<PeopleResponse>(await server.get('/api/people?limit=1'));
  const person = people.people[0]?.name ?? '';
  const day = await json<{ entries: { id: string }[] }>(
    await server.get('/api/entries?day=2024-03-06&limit=1'),
  );
  const problems: string[] = [];
  for (const shot of shots(seed, person, day.entries[0]?.id ?? ''))
    problems.push(...(await take(browser, server, shot)));
  if (problems.length > 0) {
    console.error(`workbench screenshots: problems on the pages:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await server.close();
}

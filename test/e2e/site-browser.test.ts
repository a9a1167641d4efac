import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entrySearchText, type Archive } from '../../src/archive/index.js';
import { buildSite, serveSite, type SiteServer } from '../../src/pipeline/index.js';
import { entryAnchor } from '../../src/publish/index.js';
import { normaliseForMatch } from '../../src/text/index.js';
import {
  CHROMIUM,
  launchChromium,
  sampleArchive,
  sampleKnowledge,
} from '../fixtures/site/sample-site.js';

// Debian's chromium drives these tests (DEVELOPERS.md); without it they are skipped, saying so.
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(
    `site-browser: ${CHROMIUM} is not installed, the browser tests are skipped (apt-get install chromium; see DEVELOPERS.md)`,
  );

describe.skipIf(!hasChromium)('the static site in headless Chromium', () => {
  const work = mkdtempSync(join(tmpdir(), 'kirinuki-site-browser-'));
  let archive: Archive;
  let browser: Browser;
  let server: SiteServer;

  beforeAll(async () => {
    archive = sampleArchive(join(work, 'archive.db'));
    const built = buildSite(archive, join(work, 'site'), { knowledge: sampleKnowledge() });
    if (!built.ok) throw new Error(built.error.message);
    server = await serveSite(join(work, 'site'), 0);
    const launched = await launchChromium();
    if (launched === null) throw new Error(`${CHROMIUM} vanished`);
    browser = launched;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    archive?.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** Opens a page and collects what went wrong on it: console errors, script errors, 4xx/5xx. */
  async function open(path: string, colorScheme: 'light' | 'dark' = 'light') {
    const page = await browser.newPage({ colorScheme });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`script: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    page.on('requestfailed', (r) => problems.push(`failed ${r.url()}`));
    const response = await page.goto(server.url + path, { waitUntil: 'load' });
    return { page, problems, status: response?.status() };
  }

  for (const [kind, path] of [
    ['home', ''],
    ['day', 'days/2024-03-05.html'],
    ['tag', `tags/${encodeURIComponent('ウクライナ戦況')}.html`],
    ['person', `people/${encodeURIComponent('ゼレンスキー')}.html`],
    ['tag index', 'tags/index.html'],
    ['people index', 'people/index.html'],
    ['search', 'search.html'],
  ] as const)
    for (const scheme of ['light', 'dark'] as const)
      it(`opens the ${kind} page (${scheme}) without an error`, async () => {
        const { page, problems, status } = await open(path, scheme);
        expect(status).toBe(200);
        expect(await page.locator('h1').count()).toBe(1);
        expect(problems).toEqual([]);
        await page.close();
      });

  /** The results the search page lists for a query: their links, in order. */
  async function searchFor(page: Page, query: string): Promise<string[]> {
    await page.fill('#site-search-input', query);
    await page.click('#site-search button[type="submit"]');
    // Page functions as strings: the tests are compiled without the DOM's types.
    await page.waitForFunction(
      "(document.getElementById('site-search-status')?.textContent ?? '').replace('検索中…', '') !== ''",
    );
    for (;;) {
      const more = page.locator('#site-search-more');
      if (!(await more.isVisible())) break;
      const count = await page.locator('#site-search-results > li').count();
      await more.click();
      await page.waitForFunction(
        `document.querySelectorAll('#site-search-results > li').length > ${count}`,
      );
    }
    return page.$$eval('#site-search-results > li > a', (as) =>
      as.map((a) => a.getAttribute('href') ?? ''),
    );
  }

  /** The entries whose text holds the query, as the search lists them: newest first. */
  function expectedFor(query: string): string[] {
    const q = normaliseForMatch(query);
    const links = /https?:\/\/\S+|pic\.twitter\.com\/\S+/g;
    return [...archive.allEntries()]
      .filter((s) => normaliseForMatch(entrySearchText(s.entry).replace(links, ' ')).includes(q))
      .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : b.seq - a.seq))
      .map((s) => `days/${s.day}.html#${entryAnchor(s.entry.id)}`);
  }

  it('finds exactly the entries holding a query of one or two Japanese characters', async () => {
    const { page, problems } = await open('search.html');
    for (const query of ['露', '停戦', 'ハリ', '朝', 'ロシア']) {
      const expected = expectedFor(query);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(await searchFor(page, query), query).toEqual(expected);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('pages through many results, and reads the query from the address (search.html?q=)', async () => {
    const expected = expectedFor('ウクライナ');
    expect(expected.length).toBeGreaterThan(20);
    const { page, problems } = await open(`search.html?q=${encodeURIComponent('ウクライナ')}`);
    await page.waitForSelector('#site-search-results > li');
    expect(await page.locator('#site-search-results > li').count()).toBe(20);
    expect(await page.inputValue('#site-search-input')).toBe('ウクライナ');
    expect(await searchFor(page, 'ウクライナ')).toEqual(expected);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds a name whatever its spelling variant, and says when nothing matches', async () => {
    const { page } = await open('search.html');
    expect(await searchFor(page, 'ゼレンスキ〜')).toEqual(expectedFor('ゼレンスキー'));
    expect(await searchFor(page, 'ヴォロシン')).toEqual(expectedFor('ボロシン'));
    expect(await searchFor(page, '該当なし語彙')).toEqual([]);
    expect(await page.textContent('#site-search-status')).toContain('ありません');
    await page.close();
  });

  it('takes a reader from a result to the entry on its day’s page', async () => {
    const { page } = await open(`search.html?q=${encodeURIComponent('停戦')}`);
    const first = page.locator('#site-search-results > li > a').first();
    const href = (await first.getAttribute('href')) ?? '';
    await first.click();
    await page.waitForURL(`**/${href}`);
    const id = decodeURIComponent(href.slice(href.indexOf('#') + 1));
    expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
    await page.close();
  });
});

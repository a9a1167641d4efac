/**
 * The workbench UI, smoke-tested as a person would first meet it: the real `kirinuki serve`
 * over the imported samples, the built UI (`npm run build` → dist/web), Debian's Chromium.
 * The inbox must list the latest day's entries, answer its keys, and do it without a console
 * error or a Content-Security-Policy violation (the server forbids inline script and style).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { json, ROOT, startTestServer, type TestServer } from './server-harness.js';
import { reportCspViolations } from './workbench-page.js';

const DIST_WEB = join(ROOT, 'dist', 'web');
const CHROMIUM = '/usr/bin/chromium';

const skipReason = !existsSync(join(DIST_WEB, 'index.html'))
  ? 'web smoke test skipped: dist/web is not built — run `npm run build` first'
  : !existsSync(CHROMIUM)
    ? `web smoke test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`
    : null;
if (skipReason) console.warn(skipReason);

interface PageProblems {
  console: string[];
  violations: string[];
}

/** A page that records console errors, page errors and CSP violations as they happen. */
async function watchedPage(browser: Browser): Promise<{ page: Page; problems: PageProblems }> {
  const problems: PageProblems = { console: [], violations: [] };
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.console.push(message.text());
  });
  page.on('pageerror', (error) => problems.console.push(`page error: ${error.message}`));
  await reportCspViolations(page, (text) => problems.violations.push(text));
  return { page, problems };
}

describe.skipIf(skipReason !== null)('the workbench UI in Chromium (smoke)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ webRoot: DIST_WEB });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the latest day in the inbox and answers its keys, with no console error and no CSP violation', async () => {
    const { page, problems } = await watchedPage(browser);
    const days = await json<{ days: { day: string; entries: number }[] }>(
      await server.get('/api/days'),
    );
    const latest = days.days[0];
    expect(latest).toBeDefined();
    const listed = await json<{ entries: { headline: string }[] }>(
      await server.get(`/api/entries?day=${latest!.day}&limit=2`),
    );

    const response = await page.goto(`${server.origin}/app/inbox`);
    expect(response?.status()).toBe(200);
    // The policy the page runs under is the strict one, so a violation would be reported.
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    const items = page.locator('.inbox-list > li');
    await items.first().waitFor({ state: 'visible', timeout: 15_000 });
    expect(await items.count()).toBe(latest!.entries);
    expect(await items.first().locator('.headline').textContent()).toBe(
      listed.entries[0]?.headline,
    );
    await expect(page.getByRole('heading', { level: 1, name: '受信箱' }).isVisible()).resolves.toBe(
      true,
    );

    // j moves to the next entry; ? lists the keys.
    await page.keyboard.press('j');
    await page.locator('.inbox-list > li[aria-current="true"]').nth(0).waitFor();
    expect(await items.nth(1).getAttribute('aria-current')).toBe('true');
    expect(await items.nth(1).locator('.headline').textContent()).toBe(listed.entries[1]?.headline);
    // The selected entry shows its own text, as the API has it, to judge the suggestion by.
    const second = await json<{ entries: { id: string }[] }>(
      await server.get(`/api/entries?day=${latest!.day}&limit=2`),
    );
    const detail = await json<{ text: string }>(
      await server.get(`/api/entries/${second.entries[1]!.id}`),
    );
    const shown = items.nth(1).locator('.entry-text');
    await shown.waitFor({ state: 'visible' });
    await expect.poll(() => shown.getAttribute('aria-busy')).toBe('false');
    expect(await shown.textContent()).toBe(detail.text);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: '受信箱のキー操作' });
    await help.waitFor({ state: 'visible' });
    expect(await help.getByText('提案されたタグと要約行を採用').count()).toBe(1);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    await page.waitForLoadState('networkidle');
    expect(problems.console).toEqual([]);
    expect(problems.violations).toEqual([]);
    await page.close();
  }, 60_000);
});

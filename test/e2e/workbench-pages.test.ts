/**
 * The workbench's pages beyond the curator's loop, in Debian's Chromium over the real server:
 * the page speaks Japanese as its `lang` says (every control still named), a page of something
 * that does not exist says so with a way back (no "try again"), a story is linked only when it
 * holds more than the entry, the feeds of `watch` are listed, added and removed from the Compose
 * page (the file on the server changing with them), and the digest's format tabs stay on one
 * line at 1280 px and at a phone's width.
 *
 * Skips with a message when dist/web or /usr/bin/chromium is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parseSourcesFile } from '../../src/ingest/index.js';
import { startTestServer, type TestServer } from './server-harness.js';
import {
  DIST_WEB,
  launchWorkbenchBrowser,
  seedWorkbench,
  WorkbenchPage,
  workbenchSkipReason,
  type WorkbenchSeed,
} from './workbench-page.js';

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

const skipReason = workbenchSkipReason();
if (skipReason) console.warn(skipReason);

describe.skipIf(skipReason !== null)('the workbench pages (Chromium)', { timeout: 60_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let seed: WorkbenchSeed;
  const opened: WorkbenchPage[] = [];
  const open = async (width = 1280): Promise<WorkbenchPage> => {
    const wb = await WorkbenchPage.open(browser, server.origin, { width });
    opened.push(wb);
    return wb;
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer({ webRoot: DIST_WEB }),
      launchWorkbenchBrowser(),
    ]);
    seed = await seedWorkbench(server);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    for (const wb of opened.splice(0)) await wb.close();
  });

  it('speaks Japanese, as its lang says, with a name on every control', async () => {
    const wb = await open();
    await wb.goto('/app/inbox');
    await wb.inboxItems().first().waitFor();
    expect(await wb.page.locator('html').getAttribute('lang')).toBe('ja');
    const nav = wb.page.getByRole('navigation', { name: 'ページ' }).getByRole('link');
    expect(await nav.allTextContents()).toEqual([
      '受信箱',
      '作成',
      'ダイジェスト',
      '検索',
      '人物',
      'タグ',
    ]);
    expect(await wb.heading().textContent()).toBe('受信箱');
    // Every button, link and field has a name, and no name is in English words.
    const names = await wb.page
      .locator('button, a, input, select, textarea')
      .evaluateAll((elements: unknown[]) =>
        elements.map((element) => {
          const e = element as {
            getAttribute(name: string): string | null;
            textContent: string | null;
            id: string;
            ownerDocument: { querySelector(s: string): { textContent: string | null } | null };
            closest(s: string): { textContent: string | null } | null;
          };
          const label = e.id ? e.ownerDocument.querySelector(`label[for="${e.id}"]`) : null;
          return (
            e.getAttribute('aria-label') ??
            label?.textContent ??
            e.closest('label')?.textContent ??
            e.textContent ??
            ''
          ).trim();
        }),
      );
    expect(names.filter((name) => name === '')).toEqual([]);
    const english = names.filter((name) =>
      /\b(the|of|to|and|Inbox|Search|Story|Entry)\b/.test(name),
    );
    expect(english).toEqual([]);
    // ? lists the keys in Japanese; the keys themselves are unchanged.
    await wb.page.keyboard.press('?');
    const help = wb.page.getByRole('dialog', { name: '受信箱のキー操作' });
    await help.waitFor();
    expect(await help.locator('kbd').allTextContents()).toEqual([
      'j',
      '↓',
      'k',
      '↑',
      'a',
      'e',
      't',
      'x',
      '?',
    ]);
    expect(await help.locator('dd').first().textContent()).toBe('次のエントリー');
    expect(await wb.unexpectedProblems()).toEqual([]);
  });

  for (const [what, path, back] of [
    ['エントリー', '/app/entries/ffffffffffff', '検索へ'],
    ['ストーリー', '/app/stories/ffffffffffff', '検索へ'],
    ['人物', '/app/people/%E5%AD%98%E5%9C%A8%E3%81%97%E3%81%AA%E3%81%84%E4%BA%BA', '人物の一覧へ'],
    ['タグ', '/app/tags/%E5%AD%98%E5%9C%A8%E3%81%97%E3%81%AA%E3%81%84', 'タグの一覧へ'],
  ] as const) {
    it(`${what} that does not exist (${path.split('/')[2]}): not found, a way back, no retry`, async () => {
      const wb = await open();
      wb.allow(/^404 GET \/api\//);
      wb.allow(/^console: Failed to load resource: .* 404 .*\(\/api\//);
      await wb.goto(path);
      const note = wb.page.locator('.not-found');
      await note.waitFor();
      expect(await note.getAttribute('role')).toBe('alert');
      expect(await note.textContent()).toContain('見つかりませんでした');
      expect(await wb.page.getByRole('button', { name: '再試行' }).count()).toBe(0);
      await note.getByRole('link', { name: back }).click();
      await eventually(() => wb.page.locator('.not-found').count()).toBe(0);
      expect(await wb.unexpectedProblems()).toEqual([]);
    });
  }

  it('links a story only when it holds more than the entry', async () => {
    const wb = await open();
    const single = seed.inbox[0]!;
    await wb.goto(`/app/entries/${single.id}`);
    await wb.page.locator('.entry-text').waitFor();
    expect(await wb.page.locator('.card .links').first().textContent()).not.toContain('ストーリー');
    const [first, second] = seed.story;
    // The first source of a story of two has its own id as the story's, and still links it.
    expect(first!.story).toBe(first!.id);
    await wb.goto(`/app/entries/${first!.id}`);
    const link = wb.page.getByRole('link', { name: `ストーリー（2件）：${first!.headline}` });
    await link.first().waitFor();
    await link.first().click();
    await eventually(() =>
      wb.page.locator('.page.story .card .headline').allTextContents(),
    ).toEqual([first!.headline, second!.headline]);
    expect(await wb.unexpectedProblems()).toEqual([]);
  });

  it('lists, adds and removes the feeds of watch on the Compose page, in its sources file', async () => {
    const file = join(server.dir, 'sources.txt');
    expect(existsSync(file)).toBe(false);
    const wb = await open();
    await wb.goto('/app/compose');
    const section = wb.page.getByRole('region', { name: '監視するフィード' });
    await section.getByText('監視しているフィードはまだありません。').waitFor();

    await section.getByLabel('フィードのURL').fill('https://example.jp/rss');
    await section.getByLabel('名前（省略可）').fill('例新聞');
    await section.getByRole('button', { name: '追加' }).click();
    const list = section.getByRole('list', { name: '監視しているフィード' });
    await eventually(() => list.locator('li').count()).toBe(1);
    expect(parseSourcesFile(readFileSync(file, 'utf8'), file).sources).toEqual([
      { url: 'https://example.jp/rss', name: '例新聞' },
    ]);

    // The same feed again is refused, and the refusal is shown by the field.
    wb.allow(/^409 POST \/api\/capture\/sources/);
    wb.allow(/^console: Failed to load resource: .* 409 .*\(\/api\/capture\/sources/);
    await section.getByLabel('フィードのURL').fill('https://example.jp/rss');
    await section.getByRole('button', { name: '追加' }).click();
    await section.getByRole('alert').waitFor();
    expect(await section.getByRole('alert').textContent()).toContain('すでに監視しています');
    expect(await section.getByLabel('フィードのURL').getAttribute('aria-invalid')).toBe('true');

    await section.getByRole('button', { name: '例新聞を監視から外す' }).click();
    await section.getByText('監視しているフィードはまだありません。').waitFor();
    expect(parseSourcesFile(readFileSync(file, 'utf8'), file).sources).toEqual([]);
    expect(await wb.unexpectedProblems()).toEqual([]);
  });

  for (const width of [1280, 390]) {
    it(`keeps the digest's format tabs on one line at ${width} px`, async () => {
      const wb = await open(width);
      await wb.goto('/app/digest/2024-03-06');
      const tabs = wb.page.getByRole('tab');
      await eventually(() => tabs.count()).toBe(6);
      const boxes = await tabs.evaluateAll((elements: unknown[]) =>
        elements.map((e) => {
          const box = (
            e as { getBoundingClientRect(): { top: number; height: number } }
          ).getBoundingClientRect();
          return { top: Math.round(box.top), height: box.height };
        }),
      );
      expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
      expect(await wb.linesOf(tabs)).toEqual([1, 1, 1, 1, 1, 1]);
      // The last tab is reachable: the row scrolls rather than overflows the page.
      const last = tabs.last();
      await last.click();
      expect(await last.getAttribute('aria-selected')).toBe('true');
      const pageWidth = await wb.page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
            .document.documentElement.scrollWidth,
      );
      expect(pageWidth).toBeLessThanOrEqual(width);
      expect(await wb.unexpectedProblems()).toEqual([]);
    });
  }
});

/**
 * The curator's day in the workbench, tested as a person would do it: the real `kirinuki serve`
 * (the test harness: the samples imported into a temporary archive, plus a few new posts), the
 * built UI (`npm run build` → dist/web), Debian's Chromium. Each test is one step of the day,
 * done with the mouse and keys a person uses, and checked against what the API says the
 * archive now holds. Every step must pass without a console error, a script error, a
 * Content-Security-Policy violation or a failed request, save those it causes on purpose.
 *
 * Skips with a message when dist/web or /usr/bin/chromium is missing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type {
  DigestResponse,
  EntriesResponse,
  EntryDetail,
  PeopleResponse,
  PersonResponse,
  SearchResponse,
  StoryResponse,
  Suggestion,
  TagResponse,
} from '../../web/src/api/types.js';
import { json, startTestServer, type TestServer } from './server-harness.js';
import {
  COMPOSE_PASTE,
  CORRECTED_LINE,
  CORRECTED_TAG,
  DIST_WEB,
  INBOX_DAY,
  launchWorkbenchBrowser,
  seedWorkbench,
  WorkbenchPage,
  workbenchSkipReason,
  type WorkbenchSeed,
} from './workbench-page.js';

/**
 * Polls until the expectation holds: the UI answers after a request or a debounce, and under
 * the full test suite on two cores that can take well over expect.poll's default second.
 */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

const skipReason = workbenchSkipReason();
if (skipReason) console.warn(skipReason);

describe.skipIf(skipReason !== null)(
  "the curator's day in the workbench (Chromium)",
  { timeout: 60_000 },
  () => {
    let server: TestServer;
    let browser: Browser;
    let seed: WorkbenchSeed;
    let wb: WorkbenchPage;

    /** What the API answers for a GET, as the UI would read it. */
    const api = async <T>(path: string): Promise<T> => {
      const response = await server.get(path);
      expect(response.status, path).toBe(200);
      return json<T>(response);
    };
    const dayOrder = async (day: string): Promise<string[]> =>
      (await api<EntriesResponse>(`/api/entries?day=${day}&limit=500`)).entries.map((e) => e.id);

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

    beforeEach(async () => {
      wb = await WorkbenchPage.open(browser, server.origin);
    });

    afterEach(async () => {
      await wb?.close();
    });

    it('search: a two-character query finds as it is typed, with highlighted snippets and a facet that narrows it', async () => {
      const query = '停戦';
      // The page asks for 20 hits at a time.
      const search = (q: string): Promise<SearchResponse> =>
        api<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}&limit=20`);
      const expected = await search(query);
      expect(expected.total).toBeGreaterThan(1);
      const facet = expected.facets.tags[0];
      expect(facet).toBeDefined();

      await wb.goto('/app/search');
      const box = wb.searchBox();
      await eventually(() => wb.isFocused(box)).toBe(true);
      // One character at a time, never pressing Enter: results follow the box.
      await box.pressSequentially(query.slice(0, 1), { delay: 40 });
      const oneChar = await search(query.slice(0, 1));
      await eventually(() => wb.page.locator('.result-count').textContent()).toBe(
        `${oneChar.total}件`,
      );
      await box.pressSequentially(query.slice(1), { delay: 40 });
      await eventually(() => wb.page.locator('.result-count').textContent()).toBe(
        `${expected.total}件`,
      );
      expect(new URL(wb.page.url()).searchParams.get('q')).toBe(query);

      // The hits, in the API's order, each with its snippet's match in <mark>.
      expect(await wb.hits().locator('.headline').allTextContents()).toEqual(
        expected.hits.map((hit) => hit.card.headline),
      );
      for (const [index, hit] of expected.hits.entries()) {
        const marks = await wb.hits().nth(index).locator('.snippet mark').allTextContents();
        expect(marks.length, hit.card.headline).toBeGreaterThan(0);
        expect(marks, hit.card.headline).toEqual(
          hit.snippet.highlights.map(([start, end]) => hit.snippet.text.slice(start, end)),
        );
        expect(marks.join('')).toContain(query);
      }

      // A tag facet adds its filter to the query, and the results are those of the API.
      await wb.page
        .getByRole('button', { name: `タグ：${facet!.value}（${facet!.count}件）` })
        .click();
      const narrowed = `${query} tag:${facet!.value}`;
      await eventually(() => box.inputValue()).toBe(narrowed);
      const filtered = await search(narrowed);
      expect(filtered.total).toBe(facet!.count);
      expect(filtered.total).toBeLessThan(expected.total);
      await eventually(() => wb.hits().locator('.headline').allTextContents()).toEqual(
        filtered.hits.map((hit) => hit.card.headline),
      );
      for (const tags of await wb.hits().locator('.tags').allTextContents())
        expect(tags).toContain(`#${facet!.value}`);

      // A malformed query (on purpose) is refused with the reason, not an empty page.
      wb.allow(/^400 GET \/api\/search\?q=%22/);
      wb.allow(/^console: Failed to load resource: .* 400 .*\(\/api\/search\?q=%22/);
      await box.fill(`"${query}`);
      await eventually(() => wb.page.locator('#search-error').textContent()).toMatch(/quote/);
      expect(await box.getAttribute('aria-invalid')).toBe('true');

      expect(await wb.unexpectedProblems()).toEqual([]);
    });

    it('inbox: a accepts a suggestion from the keyboard, e corrects the next, and the suggestion after it has learned the correction', async () => {
      const [accepted, corrected, learner] = seed.inbox;
      expect(learner).toBeDefined();
      // Before the correction, the tagger has never heard of the corrected tag.
      const before = await api<Suggestion>(`/api/entries/${learner!.id}/suggestion`);
      expect(before.tags.map((t) => t.tag)).not.toContain(CORRECTED_TAG);

      await wb.goto('/app/inbox');
      expect(await wb.page.getByLabel('日付').inputValue()).toBe(INBOX_DAY);
      await eventually(() => wb.inboxItems().count()).toBe(seed.inbox.length);
      expect(await wb.inboxItems().locator('.headline').allTextContents()).toEqual(
        seed.inbox.map((card) => card.headline),
      );

      // a: the proposed line, as shown, is filed.
      const proposed = await wb.shownSuggestion();
      expect(proposed.line).not.toBeNull();
      await wb.page.keyboard.press('a');
      await eventually(() => wb.inboxItems().nth(1).getAttribute('aria-current')).toBe('true');
      await eventually(() => wb.inboxItems().nth(0).locator('.status').textContent()).toBe(
        '登録済み',
      );
      const filed = await api<EntryDetail>(`/api/entries/${accepted!.id}`);
      expect(filed.card.summaryLines).toEqual([proposed.line]);
      expect(filed.card.tags).toEqual([proposed.tags[0]]);

      // e: the next entry's line is corrected to a tag of the curator's own; Ctrl+Enter saves.
      await wb.shownSuggestion();
      await wb.page.keyboard.press('e');
      const editor = wb.page.getByLabel(/^要約行（1行に1つ/);
      await editor.waitFor();
      await eventually(() => wb.isFocused(editor)).toBe(true);
      await editor.fill(CORRECTED_LINE);
      await wb.page.keyboard.press('Control+Enter');
      await editor.waitFor({ state: 'detached' });
      await eventually(() => wb.inboxItems().nth(1).locator('.summary-lines').textContent()).toBe(
        CORRECTED_LINE,
      );
      const correctedNow = await api<EntryDetail>(`/api/entries/${corrected!.id}`);
      expect(correctedNow.card.summaryLines).toEqual([CORRECTED_LINE]);
      expect(correctedNow.card.tags).toEqual([CORRECTED_TAG]);

      // The next entry's suggestion, fetched again after the correction, has learned it.
      await eventually(() => wb.inboxItems().nth(2).getAttribute('aria-current')).toBe('true');
      const after = await api<Suggestion>(`/api/entries/${learner!.id}/suggestion`);
      expect(after.tags[0]?.tag).toBe(CORRECTED_TAG);
      const shown = await wb.shownSuggestion();
      expect(shown.tags[0]).toBe(CORRECTED_TAG);
      expect(shown.line).toBe(after.line);
      expect(shown.line?.startsWith(`#${CORRECTED_TAG}(`)).toBe(true);
      await eventually(() => wb.page.locator('.lede').textContent()).toMatch(
        new RegExp(`^${INBOX_DAY}：3件（新着1件）`),
      );

      expect(await wb.unexpectedProblems()).toEqual([]);
    });

    it('digest: Alt+↓ reorders the day on the server, and the Markdown preview and download are its export', async () => {
      const day = '2024-03-05';
      const before = await dayOrder(day);
      await wb.goto(`/app/digest/${day}`);
      await eventually(() => wb.shownOrder()).toEqual(before);

      // The first entry, moved down twice from the keyboard, keeps the focus as it goes.
      const handle = wb.orderItems().first().locator('.drag-handle');
      await handle.focus();
      await wb.page.keyboard.press('Alt+ArrowDown');
      await wb.page.keyboard.press('Alt+ArrowDown');
      const expected = [before[1], before[2], before[0], ...before.slice(3)];
      await eventually(() => wb.shownOrder()).toEqual(expected);
      await eventually(() => wb.isFocused(wb.orderItems().nth(2).locator('.drag-handle'))).toBe(
        true,
      );
      await eventually(() => dayOrder(day)).toEqual(expected);

      // The format tabs answer the arrow keys; the preview is the API's Markdown in the new order.
      await wb.page.getByRole('tab', { name: 'テキスト', exact: true }).focus();
      await wb.page.keyboard.press('ArrowRight');
      const markdownTab = wb.page.getByRole('tab', { name: 'Markdown', exact: true });
      await eventually(() => markdownTab.getAttribute('aria-selected')).toBe('true');
      const markdown = await api<DigestResponse>(`/api/digest/${day}?format=markdown`);
      await eventually(() => wb.page.locator('.preview-text').textContent()).toBe(markdown.text);
      const headlines = await wb.orderItems().locator('.headline').allTextContents();
      const positions = headlines.slice(0, 3).map((h) => markdown.text.indexOf(h.slice(0, 20)));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);

      // Download gives the same text, named for the day and format.
      const download = wb.page.waitForEvent('download');
      await wb.page.getByRole('button', { name: 'ダウンロード' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`kirinuki-${day}.md`);
      expect(readFileSync(await file.path(), 'utf8')).toBe(markdown.text);

      expect(await wb.unexpectedProblems()).toEqual([]);
    });

    it("digest: the quote check's flags stand beside the entries they are about", async () => {
      const day = '2024-03-06';
      const digest = await api<DigestResponse>(`/api/digest/${day}?format=text`);
      expect(digest.flags.length).toBeGreaterThan(0);

      await wb.goto(`/app/digest/${day}`);
      await eventually(() => wb.page.locator('.order-list .flag').count()).toBe(
        digest.flags.length,
      );
      await eventually(() => wb.page.locator('#order-title').textContent()).toContain(
        `指摘${digest.flags.length}件`,
      );
      for (const flag of digest.flags) {
        const item = wb.page.locator(`.order-list > li[data-id="${flag.entryId}"]`);
        expect(await item.getAttribute('class')).toContain('flagged');
        const texts = await item.locator('.flag').allTextContents();
        const about = flag.kind === 'quote' ? `「${flag.quote ?? ''}」` : (flag.speaker ?? '');
        expect(
          texts.some(
            (text) =>
              text.includes(about) &&
              text.includes(
                flag.kind === 'quote' ? '本文にない引用' : '本文に名前が出てこない話者',
              ),
          ),
          `${flag.entryId}: ${about}`,
        ).toBe(true);
      }
      // Entries the check passed carry no flag.
      const flagged = new Set(digest.flags.map((flag) => flag.entryId));
      const clean = (await wb.shownOrder()).filter((id) => !flagged.has(id));
      expect(clean.length).toBeGreaterThan(0);
      for (const id of clean)
        expect(await wb.page.locator(`.order-list > li[data-id="${id}"] .flag`).count()).toBe(0);

      expect(await wb.unexpectedProblems()).toEqual([]);
    });

    it('people: the page of the most quoted person, reached from the list, draws their quotes per day', async () => {
      const people = await api<PeopleResponse>('/api/people');
      const top = people.people[0];
      expect(top).toBeDefined();
      const person = await api<PersonResponse>(`/api/people/${encodeURIComponent(top!.name)}`);

      await wb.goto('/app/inbox');
      await wb.nav('人物');
      await wb.page.getByRole('link', { name: top!.name, exact: true }).click();
      await eventually(() => wb.heading().textContent()).toBe(top!.name);
      expect(await wb.paintedChartPixels()).toBeGreaterThan(100);
      const total = person.perDay.reduce((sum, row) => sum + row.count, 0);
      expect(await wb.page.locator('.chart-box').getAttribute('aria-label')).toContain(
        `日間で${total}件、`,
      );
      expect(await wb.page.locator('.quote-text').allTextContents()).toEqual(
        person.quotes.map((quote) => `「${quote.quote}」`),
      );

      expect(await wb.unexpectedProblems()).toEqual([]);
    });

    it('tags: a tag page, reached from the list, draws entries per day and lists its latest entries', async () => {
      const tag = 'ウクライナ戦況';
      const expected = await api<TagResponse>(`/api/tags/${encodeURIComponent(tag)}`);

      await wb.goto('/app/inbox');
      await wb.nav('タグ');
      // The list's column heads and counts are read at a glance: none is broken across lines.
      const numbers = wb.page.locator('.listing th.num, .listing td.num');
      await numbers.first().waitFor();
      expect(new Set(await wb.linesOf(numbers))).toEqual(new Set([1]));
      await wb.page.getByRole('link', { name: `#${tag}`, exact: true }).click();
      await eventually(() => wb.heading().textContent()).toBe(`#${tag}`);
      expect(await wb.paintedChartPixels()).toBeGreaterThan(100);
      expect(await wb.page.locator('.card .headline').allTextContents()).toEqual(
        expected.latest.map((card) => card.headline),
      );
      const total = expected.perDay.reduce((sum, row) => sum + row.count, 0);
      expect(await wb.page.locator('.chart-box').getAttribute('aria-label')).toContain(
        `日間で${total}件、`,
      );

      expect(await wb.unexpectedProblems()).toEqual([]);
    });

    it('story: an entry links to its story, which lists every source', async () => {
      const [first, second] = seed.story;
      expect(second?.story).toBe(first?.story);
      const story = await api<StoryResponse>(`/api/stories/${first!.story}`);
      expect(story.entries.map((card) => card.id)).toEqual([first!.id, second!.id]);

      await wb.goto(`/app/entries/${second!.id}`);
      await eventually(() => wb.page.locator('.entry-text').textContent()).toContain('機雷');
      expect(await wb.page.locator('#entry-story-title').textContent()).toBe(
        '同じストーリーの他の出典',
      );
      await wb.page
        .getByRole('link', { name: `ストーリー（2件）：${second!.headline}` })
        .first()
        .click();
      await eventually(() => wb.page.locator('.page.story .card').count()).toBe(2);
      expect(await wb.page.locator('.page.story .card .headline').allTextContents()).toEqual(
        story.entries.map((card) => card.headline),
      );
      expect(await wb.page.locator('.page.story .muted').first().textContent()).toBe('出典2件');

      expect(await wb.unexpectedProblems()).toEqual([]);
    });

    it('compose: pasted text is read at once, each quote highlighted with its speaker', async () => {
      await wb.goto('/app/compose');
      const input = wb.page.getByLabel('埋め込みコード、URL、またはテキスト');
      await input.focus();
      // A paste: the whole text arrives at once, as one input event.
      await wb.page.keyboard.insertText(COMPOSE_PASTE);
      await eventually(() => wb.page.locator('.input-kind').textContent()).toMatch(
        /^テキスト：投稿、記事/,
      );

      const quotes = wb.page.locator('.annotated-text mark.quote');
      await eventually(() => quotes.count()).toBe(2);
      const first = quotes.nth(0);
      expect(await first.locator('.speaker-tag').textContent()).toBe('ゼレンスキー大統領');
      expect(await first.textContent()).toContain('領土を差し出す停戦はありえない');
      expect(await quotes.nth(1).locator('.speaker-tag').textContent()).toBe(
        'ペスコフ大統領報道官',
      );
      expect(await quotes.nth(1).textContent()).toContain('交渉の扉は開いている');
      // Each speaker in a colour of their own, listed with the number of their quotes.
      const classes = [
        await first.getAttribute('class'),
        await quotes.nth(1).getAttribute('class'),
      ];
      expect(classes[0]).not.toBe(classes[1]);
      expect(await wb.page.locator('.speakers li').allTextContents()).toEqual([
        'ゼレンスキー大統領 1件の引用',
        'ペスコフ大統領報道官 1件の引用',
      ]);
      // …and the text as a whole is tagged.
      expect(await wb.page.locator('.annotation .suggested-tags li').count()).toBeGreaterThan(0);
      expect(await wb.page.locator('.annotation .proposed-line').textContent()).toContain(
        'ゼレンスキー大統領「領土を差し出す停戦はありえない」',
      );

      expect(await wb.unexpectedProblems()).toEqual([]);
    });
  },
);

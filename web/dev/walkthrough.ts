/**
 * Dev only: walks through the curator's day in a running workbench (see serve-samples.ts) in
 * headless Chromium — compose an entry, accept, correct, retag and drop in the inbox from the
 * keyboard, reorder a digest with Alt+↓, preview every format, search as you type, run an
 * import job — printing what happens, every console error and CSP violation, and saving a
 * screenshot of each step.
 *
 *   npx tsx web/dev/walkthrough.ts http://127.0.0.1:8080 /tmp/kirinuki-walk [width]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const out = process.argv[3] ?? '/tmp/kirinuki-walk';
const width = Number(process.argv[4] ?? '1280');
const samples = fileURLToPath(new URL('../../samples', import.meta.url));
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
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
const context = await browser.newContext({
  viewport: { width, height: 900 },
  acceptDownloads: true,
});
const page = await context.newPage();
const problems: string[] = [];
page.on('console', (m) => {
  if (m.type() === 'error') problems.push(`console: ${m.text()}`);
});
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
page.on('response', (r) => {
  if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
});

let step = 0;
const shot = async (name: string): Promise<void> => {
  step += 1;
  await page.screenshot({
    path: join(out, `${String(step).padStart(2, '0')}-${name}.png`),
    fullPage: false,
  });
};
const say = (message: string): void => console.log(message);
const text = async (p: Page, selector: string): Promise<string> =>
  (await p.locator(selector).first().textContent()) ?? '';

// Compose: a paste, annotated as it is typed, then saved.
await page.goto(`${base}/app/compose`);
const paste =
  'ウクライナのゼレンスキー大統領は6日、首都キーウで記者会見し「領土を差し出す停戦はありえない」と述べた。\n' +
  'ロシアのペスコフ大統領報道官は「交渉の扉は開いている」と語った。';
await page.getByLabel('埋め込みコード、URL、またはテキスト').pressSequentially(paste, { delay: 5 });
await page.locator('.annotated-text mark.quote').first().waitFor({ timeout: 10_000 });
say(
  `compose: ${await page.locator('.annotated-text mark.quote').count()} quotes, speakers: ${await text(page, '.speakers')}`,
);
say(`compose: entities marked: ${await page.locator('.annotated-text .entity').count()}`);
await shot('compose-annotated');
await page.getByRole('button', { name: 'エントリーとして保存' }).click();
await page.locator('.saved .card').first().waitFor({ timeout: 15_000 });
say(`compose: saved "${await text(page, '.saved .card .headline')}"`);
await shot('compose-saved');

// Inbox: the new entry, its suggestion, accept / edit / retag / drop from the keyboard.
await page.getByRole('link', { name: '受信箱', exact: true }).click();
await page.locator('.inbox-list > li').first().waitFor();
say(`inbox: ${await text(page, '.lede')}`);
await page
  .locator(
    '.inbox-list > li.selected .suggestion, .inbox-list > li.selected .suggestion-slot .error',
  )
  .first()
  .waitFor({ timeout: 20_000 });
say(`inbox: suggestion: ${await text(page, '.inbox-list > li.selected .suggestion-slot')}`);
await shot('inbox-suggestion');
await page.keyboard.press('e');
const editor = page.locator('.line-editor textarea');
await editor.waitFor();
say(`inbox: editor starts with "${await editor.inputValue()}"`);
await editor.fill('#ウクライナ和平交渉(ゼレンスキー大統領「領土を差し出す停戦はありえない」)');
await page.keyboard.press('Control+Enter');
await page.locator('.line-editor').waitFor({ state: 'detached' });
await page.waitForTimeout(300);
say(
  `inbox: after the correction: ${await text(page, '.inbox-list > li:first-child .summary-lines')}`,
);
say(`inbox: status: ${await text(page, '.status-line')}`);
await shot('inbox-corrected');
await page.keyboard.press('k');
await page.keyboard.press('t');
const retag = page.locator('.retag-form input');
await retag.waitFor();
await retag.fill('露朝');
await page.keyboard.press('Enter');
await page.locator('.retag-form').waitFor({ state: 'detached' });
await page.waitForTimeout(300);
say(`inbox: after retag: ${await text(page, '.inbox-list > li:first-child .summary-lines')}`);
await page.keyboard.press('e');
await editor.waitFor();
await page.keyboard.press('Control+a');
await page.keyboard.type('not a summary line');
await page.keyboard.press('Control+Enter');
await page.locator('.line-editor .error').waitFor();
say(`inbox: a bad line is refused: ${await text(page, '.line-editor .error')}`);
await page.keyboard.press('Escape');
await page.keyboard.press('x');
await page.locator('.drop-confirm').waitFor();
await shot('inbox-drop-confirm');
await page.keyboard.press('x');
await page.locator('.drop-confirm').waitFor({ state: 'detached' });
say(`inbox: after the drop: ${await text(page, '.lede')}`);

// Digest: reorder with Alt+↓, flags, every format, the HTML preview in a sandbox.
await page.goto(`${base}/app/digest/2024-03-06`);
await page.locator('.order-list > li').first().waitFor();
const firstBefore = await text(page, '.order-list > li:nth-child(1) .headline');
await page.locator('.order-list > li:nth-child(1) .drag-handle').focus();
await page.keyboard.press('Alt+ArrowDown');
await page.waitForTimeout(600);
const secondAfter = await text(page, '.order-list > li:nth-child(2) .headline');
say(
  `digest: Alt+↓ moved the first entry to second: ${firstBefore === secondAfter}; focus on ${await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))}`,
);
const order = (await (
  await page.request.get(`${base}/api/entries?day=2024-03-06&limit=2`)
).json()) as { entries: { headline: string }[] };
say(`digest: the server has it second too: ${order.entries[1]?.headline === firstBefore}`);
const third = await text(page, '.order-list > li:nth-child(3) .headline');
await page
  .locator('.order-list > li:nth-child(3)')
  .dragTo(page.locator('.order-list > li:nth-child(1)'), { targetPosition: { x: 40, y: 8 } });
await page.waitForTimeout(600);
say(
  `digest: dragging the third entry above the first put it first: ${(await text(page, '.order-list > li:nth-child(1) .headline')) === third}`,
);
say(`digest: flags shown: ${await page.locator('.order-list .flag').count()}`);
for (const tab of ['Markdown', 'はてな記法', 'はてなMarkdown', 'JSON', 'HTML']) {
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await page.waitForTimeout(400);
  const preview =
    tab === 'HTML'
      ? await page.locator('iframe.html-preview').getAttribute('sandbox')
      : (await text(page, '.preview-text')).slice(0, 40);
  say(`digest: ${tab}: ${JSON.stringify(preview)}`);
}
await shot('digest-html');
const download = page.waitForEvent('download');
await page.getByRole('button', { name: 'ダウンロード' }).click();
say(`digest: download named ${(await download).suggestedFilename()}`);

// Search: a two-character query typed a character at a time, a facet, a malformed query.
await page.getByRole('link', { name: '検索', exact: true }).click();
const box = page.getByLabel('検索語');
await box.pressSequentially('停戦', { delay: 60 });
await page.locator('.hits > li').first().waitFor();
say(
  `search: ${await text(page, '.result-count')}; marks in the first snippet: ${await page.locator('.hits > li:first-child .snippet mark').count()}`,
);
say(`search: address ${new URL(page.url()).search}`);
await page.locator('.facet-value').first().click();
await page.waitForTimeout(500);
say(`search: after a facet: "${await box.inputValue()}" → ${await text(page, '.result-count')}`);
await shot('search');
await box.fill('"停戦');
await page.waitForTimeout(600);
say(`search: malformed: "${await text(page, '#search-error')}"`);

// People, tags, a story.
await page.getByRole('link', { name: 'タグ', exact: true }).click();
await page.locator('.listing a').first().click();
await page.locator('.chart-box canvas').waitFor({ timeout: 10_000 });
say(
  `tag page: ${await text(page, 'h1')}: chart drawn, ${await page.locator('.card').count()} latest entries`,
);
await shot('tag');
await page.locator('.card .links a', { hasText: 'ストーリー' }).first().click();
await page.locator('.page.story .card').first().waitFor();
say(`story: ${await page.locator('.page.story .card').count()} sources`);
await page.getByRole('link', { name: '人物', exact: true }).click();
await page.locator('.listing a').first().click();
await page.waitForTimeout(800);
say(
  `person page: ${await text(page, 'h1')}: ${(await page.locator('.chart-box canvas').count()) > 0 ? 'chart drawn' : await text(page, '.page')}`,
);
await shot('person');

// Jobs: import the samples again (nothing new), followed to the end.
await page.getByRole('button', { name: /^ジョブ/ }).click();
await page.getByLabel('サーバー上のファイルかフォルダーを取り込む').fill(samples);
await page.getByRole('button', { name: '取り込む', exact: true }).click();
await page.locator('.job.done, .job.failed').first().waitFor({ timeout: 30_000 });
say(`jobs: ${await text(page, '.job')}`);
await shot('jobs');

say(
  problems.length === 0
    ? 'no console errors, no failed requests'
    : `problems:\n  ${problems.join('\n  ')}`,
);
await browser.close();

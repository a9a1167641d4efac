/**
 * Dev only: opens each page of a running workbench in headless Chromium at a desktop and a
 * phone width, in light and dark, and saves screenshots; prints console errors, CSP
 * violations and layout shifts.
 *
 *   npx tsx web/dev/look.ts http://127.0.0.1:8080 /tmp/kirinuki-look
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const out = process.argv[3] ?? '/tmp/kirinuki-look';
const paths = (
  process.argv[4] ?? '/app/inbox,/app/compose,/app/digest,/app/search?q=停戦,/app/people,/app/tags'
).split(',');
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
for (const [width, height] of [
  [1280, 900],
  [375, 812],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        console.log(`[${width} ${scheme}] console ${message.type()}: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400)
        console.log(
          `[${width} ${scheme}] ${response.status()} ${response.request().method()} ${response.url()}`,
        );
    });
    page.on('pageerror', (error) =>
      console.log(`[${width} ${scheme}] page error: ${error.message}`),
    );
    for (const path of paths) {
      await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      await page.waitForTimeout(400);
      const shift = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let total = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries())
                total += (entry as PerformanceEntry & { value: number }).value;
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(total), 200);
          }),
      );
      // Every control needs a name a screen reader can say.
      const unnamed = await page.evaluate(() =>
        [
          ...document.querySelectorAll<HTMLElement>(
            'a[href], button, input, select, textarea, [role="tab"], [tabindex]',
          ),
        ]
          .filter((el) => {
            const labelled = el.getAttribute('aria-labelledby');
            const name =
              el.getAttribute('aria-label') ??
              (labelled ? document.getElementById(labelled)?.textContent : null) ??
              ((el as HTMLInputElement).labels?.[0]?.textContent || null) ??
              el.getAttribute('title') ??
              el.textContent;
            return !name?.trim();
          })
          .map((el) => el.outerHTML.slice(0, 100)),
      );
      for (const element of unnamed) console.log(`  unnamed control: ${element}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      const name = `${path.replace(/[^a-z0-9]+/gi, '_')}-${width}-${scheme}.png`;
      await page.screenshot({ path: join(out, name), fullPage: false });
      console.log(`${name}: layout shift ${shift.toFixed(3)}, horizontal overflow ${overflow}px`);
    }
    await context.close();
  }
}
await browser.close();

/**
 * `npx tsx scripts/screenshots.ts`: builds the static site of the bundled samples (and the site
 * fixtures' story day), serves it on the loopback interface and writes screenshots of a day
 * page, a tag page and a person page — light and dark — and of a search, to docs/screenshots/.
 * Needs Debian's `chromium` (see DEVELOPERS.md) and a Japanese font (fonts-noto-cjk).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, serveSite } from '../src/pipeline/index.js';
import {
  CHROMIUM,
  launchChromium,
  sampleArchive,
  sampleKnowledge,
} from '../test/fixtures/site/sample-site.js';

const OUT = 'docs/screenshots';
const SHOTS = [
  { name: 'day-page', path: 'days/2024-03-05.html' },
  { name: 'tag-page', path: `tags/${encodeURIComponent('ウクライナ戦況')}.html` },
  { name: 'person-page', path: `people/${encodeURIComponent('ヴォロシン')}.html` },
  { name: 'search', path: `search.html?q=${encodeURIComponent('停戦')}` },
];

const work = mkdtempSync(join(tmpdir(), 'kirinuki-shots-'));
const archive = sampleArchive(join(work, 'archive.db'));
const built = buildSite(archive, join(work, 'site'), { knowledge: sampleKnowledge() });
archive.close();
if (!built.ok) throw new Error(built.error.message);
const browser = await launchChromium();
if (browser === null) throw new Error(`screenshots: ${CHROMIUM} is not installed (DEVELOPERS.md)`);
const server = await serveSite(join(work, 'site'), 0);
mkdirSync(OUT, { recursive: true });
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({
      viewport: { width: 900, height: 1400 },
      colorScheme: scheme,
    });
    for (const shot of SHOTS) {
      if (scheme === 'dark' && shot.name === 'search') continue;
      await page.goto(server.url + shot.path, { waitUntil: 'networkidle' });
      if (shot.name === 'search') await page.waitForSelector('#site-search-results li');
      const file = join(OUT, `${shot.name}${scheme === 'dark' ? '-dark' : ''}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}

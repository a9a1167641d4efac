import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAtomFeed } from 'feedsmith';
import { HtmlValidate } from 'html-validate';
import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteArchive, type Archive } from '../../src/archive/index.js';
import {
  buildSite,
  importFiles,
  SITE_MANIFEST,
  type SiteBuildReport,
} from '../../src/pipeline/index.js';
import { atomFeedProblems } from '../fixtures/atom/check-atom-feed.js';
import { filesUnder, sampleArchive, sampleKnowledge } from '../fixtures/site/sample-site.js';

const BASE = 'https://example.org/kirinuki/';
// The curator's real day (read, never copied into the repo); its test is skipped without it.
const EXAMPLE = fileURLToPath(
  new URL('../../../shared/examples/000_dfec5c4496ff07cd.txt', import.meta.url),
);
const work = mkdtempSync(join(tmpdir(), 'kirinuki-site-'));
const out = join(work, 'site');
let archive: Archive;
let first: SiteBuildReport;

function build(a: Archive, today = '2024-03-09'): SiteBuildReport {
  const r = buildSite(a, out, { baseUrl: BASE, knowledge: sampleKnowledge(), today });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

beforeAll(() => {
  archive = sampleArchive(join(work, 'archive.db'));
  first = build(archive);
});

afterAll(() => {
  archive.close();
  rmSync(work, { recursive: true, force: true });
});

const html = (): string[] => filesUnder(out).filter((p) => p.endsWith('.html'));
const read = (path: string): string => readFileSync(join(out, path), 'utf8');
const parse = (path: string) => new DOMParser().parseFromString(read(path), 'text/html');

describe('kirinuki site on the samples', () => {
  it('writes a page per day, tag, person and story, the indexes, search, feed and sitemap', () => {
    const files = filesUnder(out);
    expect(first.written.length).toBe(first.files);
    expect(files.filter((f) => f !== SITE_MANIFEST).sort()).toEqual([...first.written].sort());
    for (const day of ['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-07'])
      expect(files).toContain(`days/${day}.html`);
    for (const page of ['index.html', 'tags/index.html', 'people/index.html', 'search.html'])
      expect(files).toContain(page);
    for (const page of ['tags/ウクライナ戦況.html', 'tags/露朝.html', 'tags/反ロシア.html'])
      expect(files).toContain(page);
    expect(files).toContain('people/ゼレンスキー.html');
    expect(files).toContain('feed.xml');
    expect(files).toContain('sitemap.xml');
    expect(files.some((f) => /^search\/2024-03\.[0-9a-f]+\/0\.bin$/.test(f))).toBe(true);
    expect(first.stories).toBeGreaterThan(0);
  });

  it('every page is valid HTML (html-validate, recommended rules)', async () => {
    expect(await invalidPages(out)).toEqual([]);
  });

  it('has no broken internal link: a crawl from index.html reaches every page, and every anchor', () => {
    const { broken, reached } = crawl(out);
    expect(broken).toEqual([]);
    expect(reached).toEqual(html());
  });

  it('links each entry listed on tag, person and story pages to its place in its day', () => {
    const doc = parse('tags/ウクライナ戦況.html');
    const hrefs = [...doc.querySelectorAll('a.site-headline')].map((a) => a.getAttribute('href'));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs)
      expect(href).toMatch(/^\.\.\/days\/2024-03-0\d\.html#e-[0-9a-f]{16}$/);
  });

  it('shows a story told by two outlets on one page, with both sources', () => {
    const stories = filesUnder(out).filter((f) => f.startsWith('stories/'));
    const pages = stories.map((s) => parse(s));
    const heruson = pages.find((d) =>
      (d.querySelector('h1')?.textContent ?? '').includes('ヘルソン'),
    );
    const authors = [...(heruson?.querySelectorAll('.site-meta') ?? [])].map(
      (m) => m.textContent ?? '',
    );
    expect(authors.some((a) => a.includes('@kyodo_official'))).toBe(true);
    expect(authors.some((a) => a.includes('@jijicom'))).toBe(true);
    const day = parse('days/2024-03-07.html');
    const toStory = [...day.querySelectorAll('.site-related a')].map((a) => a.getAttribute('href'));
    expect(toStory.some((h) => h?.startsWith('../stories/'))).toBe(true);
  });

  it('gives a person their quotes, each unaltered, with the entry it comes from', () => {
    const doc = parse('people/ゼレンスキー.html');
    expect([...doc.querySelectorAll('.kirinuki-quote')].map((q) => q.textContent)).toEqual([
      '防空システムがあと数基あれば、都市と発電所を守ることができる',
    ]);
    expect(doc.querySelector('a.site-headline')?.getAttribute('href')).toMatch(
      /^\.\.\/days\/2024-03-07\.html#e-/,
    );
    expect(doc.querySelector('svg.site-chart rect')).not.toBeNull();
  });

  it('publishes an Atom feed of the latest days that feedsmith reads, linking to their pages', () => {
    const xml = read('feed.xml');
    expect(atomFeedProblems(xml, { requireSelfLink: true })).toEqual([]);
    const feed = parseAtomFeed(xml);
    expect(feed.id).toBe(BASE);
    const links = feed.entries?.map((e) => e.links?.[0]?.href) ?? [];
    expect(links[0]).toBe(`${BASE}days/2024-03-07.html`);
    for (const link of links)
      expect(existsSync(join(out, (link ?? '').slice(BASE.length)))).toBe(true);
  });

  it('lists every page in sitemap.xml, by its absolute URL', () => {
    const xml = read('sitemap.xml');
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/,
    );
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
    expect(locs.map((l) => decodeURIComponent(l.slice(BASE.length))).sort()).toEqual(html());
    expect(xml).toContain('<lastmod>2024-03-09</lastmod>');
  });
});

/** Every problem html-validate (recommended rules) finds in the site's pages. */
async function invalidPages(root: string): Promise<string[]> {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  const problems: string[] = [];
  for (const page of filesUnder(root).filter((p) => p.endsWith('.html'))) {
    const report = await validator.validateString(readFileSync(join(root, page), 'utf8'));
    for (const r of report.results)
      for (const m of r.messages)
        problems.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  return problems;
}

/**
 * Follows every href, src and form action from index.html, as a browser would resolve them:
 * the links to files that are not there (or to an id their page lacks), and the pages reached.
 */
function crawl(root: string): { broken: string[]; reached: string[] } {
  const parseAt = (page: string) =>
    new DOMParser().parseFromString(readFileSync(join(root, page), 'utf8'), 'text/html');
  const seen = new Set<string>();
  const queue = ['index.html'];
  const broken: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (page: string): Set<string> => {
    let set = ids.get(page);
    if (set === undefined) {
      const elements = [...parseAt(page).querySelectorAll('[id]')];
      set = new Set(elements.map((e) => e.getAttribute('id') ?? ''));
      ids.set(page, set);
    }
    return set;
  };
  while (queue.length > 0) {
    const page = queue.shift() as string;
    if (seen.has(page)) continue;
    seen.add(page);
    const doc = parseAt(page);
    const refs = [
      ...[...doc.querySelectorAll('[href]')].map((e) => e.getAttribute('href') ?? ''),
      ...[...doc.querySelectorAll('[src]')].map((e) => e.getAttribute('src') ?? ''),
      ...[...doc.querySelectorAll('form[action]')].map((e) => e.getAttribute('action') ?? ''),
    ];
    for (const ref of refs) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) continue; // another site
      const base = `http://site.test/${page.split('/').map(encodeURIComponent).join('/')}`;
      const url = new URL(ref, base);
      const target = decodeURIComponent(url.pathname).slice(1);
      if (!existsSync(join(root, target)) || statSync(join(root, target)).isDirectory()) {
        broken.push(`${page} → ${ref}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment !== '' && !idsOf(target).has(fragment))
        broken.push(`${page} → ${ref} (no #${fragment})`);
      if (target.endsWith('.html')) queue.push(target);
    }
  }
  return { broken, reached: [...seen].sort() };
}

/** Every file's modification time and content, to tell what a build touched. */
function snapshot(): Map<string, { mtime: number; text: string }> {
  return new Map(
    filesUnder(out).map((f) => [f, { mtime: statSync(join(out, f)).mtimeMs, text: read(f) }]),
  );
}

describe('building again', () => {
  it('writes nothing when nothing changed', () => {
    const before = snapshot();
    const again = build(archive, '2024-03-10');
    expect(again.written).toEqual([]);
    expect(again.removed).toEqual([]);
    expect(again.unchanged).toBe(first.files);
    const after = snapshot();
    for (const [f, s] of before)
      if (f !== SITE_MANIFEST) expect(after.get(f)?.mtime, f).toBe(s.mtime);
  });

  it('after one more day is imported, writes only the pages that day touches', async () => {
    const { sampleFiles } = await import('../fixtures/site/sample-site.js');
    const before = snapshot();
    const day = sampleFiles(['2024-03-08.txt']).filter((f) => f.name.endsWith('2024-03-08.txt'));
    importFiles(archive, day, { today: '2024-03-09', knowledge: sampleKnowledge() });
    const report = build(archive, '2024-03-10');
    const written = new Set(report.written);
    // What the new day shows up on: its page, the day before (its pager), its tag and person,
    // the indexes, this month's search segment, the feed and the sitemap.
    for (const page of [
      'days/2024-03-08.html',
      'days/2024-03-07.html',
      'index.html',
      'tags/露朝.html',
      'tags/index.html',
      'people/ラブロフ.html',
      'people/index.html',
      'search/index.json',
      'feed.xml',
      'sitemap.xml',
    ])
      expect(written, page).toContain(page);
    const others = report.written.filter(
      (p) => !/^search\/2024-03\./.test(p) && !['search/index.json'].includes(p),
    );
    expect(others.sort()).toEqual(
      [
        'days/2024-03-07.html',
        'days/2024-03-08.html',
        'feed.xml',
        'index.html',
        'people/index.html',
        'people/ラブロフ.html',
        'sitemap.xml',
        'tags/index.html',
        'tags/露朝.html',
      ].sort(),
    );
    // Every other file is as it was, untouched.
    const after = snapshot();
    for (const [f, s] of before)
      if (!written.has(f) && f !== SITE_MANIFEST && after.has(f)) {
        expect(after.get(f)?.mtime, f).toBe(s.mtime);
        expect(after.get(f)?.text, f).toBe(s.text);
      }
    // The old month's search segment was replaced by the new one, and removed.
    expect(report.removed.every((p) => p.startsWith('search/2024-03.'))).toBe(true);
    expect(report.removed.length).toBeGreaterThan(0);
    for (const p of report.removed) expect(existsSync(join(out, p))).toBe(false);
  });

  it('removes the pages no longer produced, and the folders they leave empty', () => {
    const smaller = sampleArchive(join(work, 'samples-only.db'));
    for (const s of smaller.entriesOfDays('2024-03-07', '2024-03-08'))
      smaller.removeEntry(s.entry.id);
    const report = build(smaller, '2024-03-11');
    smaller.close();
    expect(report.removed).toContain('days/2024-03-07.html');
    expect(report.removed.some((p) => p.startsWith('stories/'))).toBe(true);
    expect(existsSync(join(out, 'days/2024-03-07.html'))).toBe(false);
    expect(existsSync(join(out, 'stories'))).toBe(false);
    const files = filesUnder(out);
    expect(files.filter((f) => f !== SITE_MANIFEST).sort()).toEqual(
      Object.keys(JSON.parse(read(SITE_MANIFEST)).files as object).sort(),
    );
  });

  it('refuses a directory that holds files and no site of kirinuki’s', () => {
    const dir = mkdtempSync(join(work, 'foreign-'));
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const r = buildSite(archive, dir, { knowledge: sampleKnowledge() });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^site: .* is not empty/);
    expect(filesUnder(dir)).toEqual(['notes.txt']);
  });

  it('writes every file again with full, whatever the manifest says', () => {
    const r = buildSite(archive, out, { baseUrl: BASE, knowledge: sampleKnowledge(), full: true });
    expect(r.ok && r.value.written.length).toBe(r.ok ? r.value.files : -1);
  });
});

describe('kirinuki site on the real example day and on an empty archive', () => {
  it.skipIf(!existsSync(EXAMPLE))('the example: every page valid, every link found', async () => {
    const dir = mkdtempSync(join(work, 'example-'));
    const real = openSqliteArchive(join(dir, 'archive.db'));
    importFiles(real, [{ name: EXAMPLE, bytes: readFileSync(EXAMPLE) }], {
      today: '2024-01-19',
      knowledge: sampleKnowledge(),
    });
    const r = buildSite(real, join(dir, 'site'), { knowledge: sampleKnowledge() });
    real.close();
    expect(r.ok && r.value.entries).toBeGreaterThan(10);
    expect(await invalidPages(join(dir, 'site'))).toEqual([]);
    const { broken, reached } = crawl(join(dir, 'site'));
    expect(broken).toEqual([]);
    expect(reached).toEqual(filesUnder(join(dir, 'site')).filter((p) => p.endsWith('.html')));
    // Every quote of the day's summary lines is on its speaker's page as written.
    const quotes = new Set(
      filesUnder(join(dir, 'site'))
        .filter((p) => p.startsWith('people/') && p !== 'people/index.html')
        .flatMap((p) =>
          [
            ...new DOMParser()
              .parseFromString(readFileSync(join(dir, 'site', p), 'utf8'), 'text/html')
              .querySelectorAll('.kirinuki-quote'),
          ].map((q) => q.textContent),
        ),
    );
    expect(quotes.size).toBeGreaterThan(5);
    const day = readFileSync(EXAMPLE, 'utf8');
    for (const q of quotes) expect(day).toContain(q);
  });

  it('an empty archive: a home page that says so, valid, with search and feed', async () => {
    const dir = mkdtempSync(join(work, 'empty-'));
    const empty = openSqliteArchive(':memory:');
    const r = buildSite(empty, join(dir, 'site'));
    empty.close();
    expect(r.ok && r.value.days).toBe(0);
    expect(readFileSync(join(dir, 'site/index.html'), 'utf8')).toContain(
      'まだ切り抜きがありません',
    );
    expect(await invalidPages(join(dir, 'site'))).toEqual([]);
    expect(crawl(join(dir, 'site')).broken).toEqual([]);
    expect(atomFeedProblems(readFileSync(join(dir, 'site/feed.xml'), 'utf8'))).toEqual([]);
  });

  it('refuses a file where the directory should be', () => {
    const file = join(work, 'a-file');
    writeFileSync(file, 'x');
    const r = buildSite(archive, file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe(`site: ${file} is a file, not a directory`);
  });
});

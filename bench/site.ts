/**
 * The static site at scale: `buildSite` over a generated archive of 100,000 clips (bench/corpus,
 * with one clip in twenty filed as another source of the clip before it, so that there are
 * story pages) — a first build into an empty directory, a build with nothing changed, a build
 * after a new day is imported, and a build after one entry of a day in the middle is edited.
 * Each figure is wall time and CPU time (user + system) of `buildSite` in this process, the
 * annotation knowledge loaded beforehand (as the CLI loads it before building). The archive is
 * generated once into `bench/out/site-archive-<size>.db` and copied for each run.
 * Called by `bench/run.ts` (`--only site`); runnable alone with `npx tsx bench/site.ts [size]`.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entrySearchText, openSqliteArchive, type Archive } from '../src/archive/index.js';
import { parseSummaryLine } from '../src/format/index.js';
import { loadKnowledge, type Knowledge } from '../src/nlp/index.js';
import { buildSite, serveSite, shiftDay, type SiteBuildReport } from '../src/pipeline/index.js';
import {
  buildSearchSegment,
  entryView,
  escapeMarkup,
  searchScript,
  type SearchDoc,
} from '../src/publish/index.js';
import { normaliseForMatch } from '../src/text/index.js';
import { writeCorpusArchive } from './corpus-archive.js';
import { generateCorpus } from './corpus.js';
import { mb, table } from './measure.js';

export interface SiteBenchOptions {
  size?: number;
  dir?: string;
  log?: (line: string) => void;
}

interface Step {
  name: string;
  seconds: number;
  cpuSeconds: number;
  report: SiteBuildReport;
}

/** Runs the site benchmark and returns its markdown report. */
export async function benchSite(options: SiteBenchOptions = {}): Promise<string> {
  const size = options.size ?? 100_000;
  const dir = options.dir ?? 'bench/out';
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const cached = join(dir, `site-archive-${size}.db`);
  if (!existsSync(cached)) {
    log(`site: generating an archive of ${size} clips into ${cached}…`);
    writeCorpusArchive(cached, size, { stories: true });
  }
  const dbPath = join(dir, `site-work-${size}.db`);
  for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
  copyFileSync(cached, dbPath);
  const outDir = join(dir, `site-${size}`);
  rmSync(outDir, { recursive: true, force: true });
  const knowledge = loadKnowledge([]);
  const archive = openSqliteArchive(dbPath);
  const steps: Step[] = [];
  const build = (name: string): void => {
    log(`site: ${name}…`);
    steps.push(timed(name, archive, outDir, knowledge));
    const s = steps[steps.length - 1];
    if (s)
      log(`site: ${name}: ${s.seconds.toFixed(1)} s, ${s.report.written.length} files written`);
  };
  build('first build, empty directory');
  const bytes = du(outDir);
  build('again, nothing changed');
  importNextDay(archive);
  build('a new day imported');
  editOneEntry(archive);
  build('one entry of a day in the middle edited');
  const rss = process.resourceUsage().maxRSS * 1024;
  archive.close();
  const first = steps[0]?.report;
  const rows = steps.map((s) => [
    s.name,
    s.seconds.toFixed(1),
    s.cpuSeconds.toFixed(1),
    String(s.report.written.length),
    String(s.report.removed.length),
    describeWritten(s.report),
  ]);
  return [
    `### Static site: ${size.toLocaleString('en')} clips`,
    '',
    `${first?.days ?? 0} days, ${first?.tags ?? 0} tags, ${first?.people ?? 0} people, ${first?.stories ?? 0} stories → ${first?.files ?? 0} files, ${mb(bytes)} on disk; peak RSS of the benchmark ${mb(rss)}.`,
    '',
    table(['build', 'wall s', 'CPU s', 'files written', 'removed', 'what was written'], rows),
  ].join('\n');
}

function timed(name: string, archive: Archive, outDir: string, knowledge: Knowledge): Step {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const built = buildSite(archive, outDir, { knowledge, today: '2025-01-01' });
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  if (!built.ok) throw new Error(built.error.message);
  return { name, seconds, cpuSeconds: (used.user + used.system) / 1e6, report: built.value };
}

/** A day after the last, with as many clips as an average day. */
function importNextDay(archive: Archive): void {
  const last = archive.stats().lastDay ?? '2024-12-31';
  const next = shiftDay(last, 1);
  for (const day of generateCorpus({ size: 137, days: 1, firstDay: next, seed: 7 }))
    archive.importBatch({ source: `corpus/${day.day}.txt`, ...day });
}

/** One summary line of one entry of a day in the middle of the archive, reworded. */
function editOneEntry(archive: Archive): void {
  const stats = archive.stats();
  const first = Date.parse(`${stats.firstDay ?? '2023-01-01'}T00:00:00Z`);
  const last = Date.parse(`${stats.lastDay ?? '2024-12-31'}T00:00:00Z`);
  const middle = new Date((first + last) / 2).toISOString().slice(0, 10);
  const stored = archive.entriesOfDay(middle)[3];
  const line = stored?.entry.summaries[0];
  if (!stored || !line) throw new Error(`bench: no entry with a summary line on ${middle}`);
  const edited = parseSummaryLine(line.raw.replace(/\)$/, '・追記)'));
  if (edited === null) throw new Error('bench: the edited summary line does not parse');
  archive.updateEntries([
    { ...stored.entry, summaries: [edited, ...stored.entry.summaries.slice(1)] },
  ]);
}

/** The written files by kind: `days 1, tags 3, …`. */
function describeWritten(report: SiteBuildReport): string {
  const kinds = new Map<string, number>();
  for (const path of report.written) {
    const kind = path.includes('/') ? path.slice(0, path.indexOf('/')) : path;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [...kinds].map(([k, n]) => `${k} ${n}`).join(', ') || '—';
}

function du(path: string): number {
  let total = 0;
  const walk = (p: string): void => {
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const name of readdirSync(p)) walk(join(p, name));
    } else total += s.size;
  };
  walk(path);
  return total;
}

/** One class of queries and how each search answered them, entry by entry. */
interface QueryClassFigures {
  name: string;
  queries: number;
  pagefind: { recall: number; precision: number };
  ours: { recall: number; precision: number };
}

/**
 * Pagefind against kirinuki's own index on short Japanese queries, both in headless Chromium:
 * the bundled samples and (when present) the real example day, one page per day with each
 * entry under a heading with an id (the entry Pagefind's sub-results point to), indexed by
 * `pagefind_extended` through its Node API (`forceLanguage: 'ja'`, CJK segmentation); and the
 * same entries in one segment of kirinuki's index, queried by `assets/search.js`. Queries: 30
 * random one- and two-character substrings of the text per class (kanji, katakana), with a
 * fixed seed. An entry is a right answer when its normalised text (links left out) holds the
 * normalised query. `npx tsx bench/site.ts --pagefind`.
 */
export async function comparePagefind(): Promise<string> {
  const { createIndex, close } = await import('pagefind');
  const { sampleDays, exampleDay } = await import('../test/fixtures/digest-days.js');
  const { launchChromium } = await import('../test/fixtures/site/sample-site.js');
  const days = [...sampleDays(), ...[exampleDay()].filter((d) => d !== null)];
  const dir = mkdtempSync(join(tmpdir(), 'kirinuki-pagefind-'));
  const docs: { url: string; norm: string; doc: SearchDoc }[] = [];
  const created = await createIndex({ forceLanguage: 'ja' });
  if (!created.index) throw new Error(`bench: pagefind: ${created.errors.join('; ')}`);
  for (const day of days) {
    const articles = day.entries.map((e, i) => {
      const text = entrySearchText(e);
      const url = `/${day.day}.html#h${i}`;
      docs.push({
        url,
        norm: normaliseForMatch(text.replace(/https?:\/\/\S+|pic\.twitter\.com\/\S+/g, ' ')),
        doc: { day: day.day, anchor: `h${i}`, title: '', author: '', tags: '', lines: '', text },
      });
      const paragraphs = text.split('\n').map((l) => `<p>${escapeMarkup(l)}</p>`);
      return `<article><h2 id="h${i}">${escapeMarkup(entryView(e).headline)}</h2>${paragraphs.join('')}</article>`;
    });
    const html = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${day.day}</title></head><body><main data-pagefind-body>${articles.join('')}</main></body></html>`;
    writeFileSync(join(dir, `${day.day}.html`), html);
    await created.index.addHTMLFile({ url: `/${day.day}.html`, content: html });
  }
  await created.index.writeFiles({ outputPath: join(dir, 'pagefind') });
  await close();
  const segment = buildSearchSegment(docs.map((d) => d.doc));
  mkdirSync(join(dir, 'ours'));
  segment.shards.forEach((bytes, i) => writeFileSync(join(dir, 'ours', `${i}.bin`), bytes));
  writeFileSync(join(dir, 'search.js'), searchScript);
  writeFileSync(
    join(dir, 'index.html'),
    '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>compare</title><script src="search.js"></script></head><body></body></html>',
  );
  const server = await serveSite(dir, 0);
  const browser = await launchChromium();
  if (browser === null)
    throw new Error('bench: --pagefind needs /usr/bin/chromium (DEVELOPERS.md)');
  const page = await browser.newPage();
  await page.goto(`${server.url}index.html`);
  const classes = [
    { name: 'one kanji (露)', pattern: /^\p{sc=Han}$/u, length: 1 },
    { name: 'two kanji (停戦)', pattern: /^\p{sc=Han}{2}$/u, length: 2 },
    { name: 'one katakana', pattern: /^\p{sc=Katakana}$/u, length: 1 },
    { name: 'two katakana (ハリ)', pattern: /^\p{sc=Katakana}{2}$/u, length: 2 },
  ];
  const all = docs.map((d) => d.norm).join('\n');
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const rows: QueryClassFigures[] = [];
  for (const c of classes) {
    const queries: string[] = [];
    while (queries.length < 30) {
      const at = Math.floor(random() * (all.length - c.length));
      const q = all.slice(at, at + c.length);
      if (c.pattern.test(q) && !queries.includes(q)) queries.push(q);
    }
    const tally = {
      pagefind: { rightFound: 0, found: 0, right: 0 },
      ours: { rightFound: 0, found: 0, right: 0 },
    };
    for (const q of queries) {
      const right = new Set(docs.filter((d) => d.norm.includes(q)).map((d) => d.url));
      const byPagefind: string[] = await page.evaluate(
        `(async () => { const pf = await import('/pagefind/pagefind.js'); const r = await pf.search(${JSON.stringify(q)}); const urls = []; for (const x of r.results) { const d = await x.data(); for (const s of d.sub_results) urls.push(s.url); } return urls; })()`,
      );
      const byUs: number[] = await page.evaluate(
        `(async () => { const k = globalThis.kirinukiSearch; const term = k.normalise(${JSON.stringify(q)}); let found = null; for (const key of k.termKeys(term)) { const r = await fetch('/ours/' + k.shardOf(key, ${segment.shards.length}) + '.bin'); const docs = k.readShard(new Uint8Array(await r.arrayBuffer())).docs(key); found = found === null ? docs : found.filter((d) => docs.includes(d)); } return found ?? []; })()`,
      );
      for (const [name, urls] of [
        ['pagefind', new Set(byPagefind)],
        ['ours', new Set(byUs.map((n) => docs[n]?.url ?? ''))],
      ] as const) {
        const t = tally[name];
        t.rightFound += [...urls].filter((u) => right.has(u)).length;
        t.found += urls.size;
        t.right += right.size;
      }
    }
    const rate = (t: { rightFound: number; found: number; right: number }) => ({
      recall: t.rightFound / Math.max(1, t.right),
      precision: t.rightFound / Math.max(1, t.found),
    });
    rows.push({
      name: c.name,
      queries: queries.length,
      pagefind: rate(tally.pagefind),
      ours: rate(tally.ours),
    });
  }
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  return [
    `### Search: Pagefind against kirinuki's index (${docs.length} entries, ${days.length} days)`,
    '',
    table(
      [
        'queries',
        'n',
        'Pagefind recall',
        'Pagefind precision',
        'kirinuki recall',
        'kirinuki precision',
      ],
      rows.map((r) => [
        r.name,
        String(r.queries),
        pct(r.pagefind.recall),
        pct(r.pagefind.precision),
        pct(r.ours.recall),
        pct(r.ours.precision),
      ]),
    ),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--pagefind')) console.log(await comparePagefind());
  else console.log(await benchSite({ size: Number(process.argv[2] ?? 100_000) }));
}

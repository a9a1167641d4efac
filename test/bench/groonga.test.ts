import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../bench/corpus.js';
import { GroongaBaseline, groongaRecord, type GroongaRecord } from '../../bench/groonga.js';
import { groongaVersion } from '../../bench/groonga-process.js';
import { selectPath, toGroongaSelect, type GroongaSelect } from '../../bench/groonga-query.js';
import { queryClasses } from '../../bench/queries.js';
import { parseQuery } from '../../src/archive/index.js';

function translated(query: string): GroongaSelect {
  const t = toGroongaSelect(query);
  if (!t.ok) throw new Error(t.error);
  return t.value;
}

describe('the benchmark queries in Groonga syntax', () => {
  it('translates words, AND and phrases to phrases of the query', () => {
    expect(translated('停戦')).toEqual({ query: '"停戦"', filter: null });
    expect(translated('ロシア 停戦')).toEqual({ query: '"ロシア" "停戦"', filter: null });
    expect(translated('"停戦には応じない"')).toEqual({ query: '"停戦には応じない"', filter: null });
    expect(translated('"支援を 継続"')).toEqual({ query: '"支援を 継続"', filter: null });
  });

  it('excludes in the query when there is a positive term, else in the filter', () => {
    expect(translated('ロシア -停戦 -"人道支援"')).toEqual({
      query: '"ロシア" -"停戦" -"人道支援"',
      filter: null,
    });
    expect(translated('-ロシア tag:中東')).toEqual({
      query: null,
      filter: '(tags @ "中東") &! (text @ "ロシア")',
    });
    expect(translated('-ロシア')).toEqual({
      query: null,
      filter: '(all_records()) &! (text @ "ロシア")',
    });
    expect(translated('停戦 -tag:中東 -from:@nhk_news')).toEqual({
      query: '"停戦"',
      filter: '(all_records()) &! (tags @ "中東") &! (handle == "nhk_news")',
    });
  });

  it('turns filters into conditions on columns', () => {
    expect(translated('from:@NHK_news since:2024-01-01')).toEqual({
      query: null,
      filter: 'handle == "nhk_news" && date >= 1704067200',
    });
    // until: is inclusive: before the start of the next day.
    expect(translated('since:2024-03-01 until:2024-03-31')).toEqual({
      query: null,
      filter: 'date >= 1709251200 && date < 1711929600',
    });
    expect(translated('speaker:ラブロフ 制裁')).toEqual({
      query: '"制裁"',
      filter: 'speakers @ "ラブロフ"',
    });
    expect(translated('from:a from:b tag:NATO')).toEqual({
      query: null,
      filter: '(handle == "a" || handle == "b") && tags @ "NATO"',
    });
  });

  it('escapes backslashes and quotes, and refuses what it cannot translate', () => {
    expect(translated('a\\b')).toEqual({ query: '"a\\\\b"', filter: null });
    expect(translated('tag:"x\\"')).toEqual({ query: null, filter: 'tags @ "x\\\\"' });
    expect(toGroongaSelect('person:プーチン').ok).toBe(false);
    expect(toGroongaSelect('"unbalanced').ok).toBe(false);
  });

  it('translates every query of every class, each term and filter accounted for', () => {
    for (const c of queryClasses())
      for (const q of c.queries) {
        const parsed = parseQuery(q);
        if (!parsed.ok) throw new Error(q);
        const g = translated(q);
        const hasPositive = parsed.value.terms.some((t) => !t.negated);
        expect(g.query === null, q).toBe(!hasPositive);
        for (const t of parsed.value.terms) {
          const inQuery = g.query?.includes(`${t.negated ? '-' : ''}"${t.text}"`) ?? false;
          const inFilter = g.filter?.includes(`&! (text @ "${t.text}")`) ?? false;
          expect(inQuery || (t.negated && inFilter), `${q}: ${t.text}`).toBe(true);
        }
        for (const f of parsed.value.filters)
          expect(g.filter?.includes(f.key === 'tag' ? `tags @ "${f.value}"` : ''), q).toBe(true);
        expect(g.filter === null, q).toBe(parsed.value.filters.length === 0);
      }
  });

  it('writes the select as a path whose values decode to the translation', () => {
    const select = translated('ロシア -停戦 tag:NATO');
    const params = (path: string): URLSearchParams => new URLSearchParams(path.split('?')[1]);
    const count = params(selectPath(select, 'count'));
    expect(count.get('limit')).toBe('0');
    expect(count.get('query')).toBe('"ロシア" -"停戦"');
    expect(count.get('filter')).toBe('tags @ "NATO"');
    expect(count.get('match_escalation_threshold')).toBe('-1');
    const search = params(selectPath(select, 'search'));
    expect(search.get('limit')).toBe('20');
    expect(search.get('sort_keys')).toBe('-_score,-_id');
    expect(search.get('output_columns')).toContain('snippet_html(text)');
    expect(params(selectPath(translated('tag:NATO'), 'search')).get('sort_keys')).toBe('-_id');
  });
});

// Groonga (Debian's groonga-bin) is not installed in CI; without it these tests say so and skip.
const version = groongaVersion();
if (version === null)
  console.warn(
    'groonga: no `groonga` on PATH, the Groonga end-to-end test is skipped (apt-get install groonga-bin)',
  );

describe.skipIf(version === null)('a tiny Groonga database against a brute-force scan', () => {
  const work = mkdtempSync(join(tmpdir(), 'kirinuki-groonga-'));
  const records: GroongaRecord[] = [];
  let db: GroongaBaseline;

  beforeAll(async () => {
    for (const day of generateCorpus({ size: 20, days: 2 }))
      records.push(...day.entries.map((e) => groongaRecord(e, day.day)));
    db = await GroongaBaseline.create(join(work, 'db'));
    await db.load(records);
  });

  afterAll(async () => {
    await db.close();
    rmSync(work, { recursive: true, force: true });
  });

  const fold = (s: string): string => s.normalize('NFKC').toLowerCase();
  const has = (r: GroongaRecord, term: string): boolean => fold(r.text).includes(fold(term));
  const scan = (keep: (r: GroongaRecord) => boolean): number => records.filter(keep).length;

  it('counts words, phrases and exclusions as a scan of the text does', async () => {
    const words = ['露', '停戦', '支援', 'ロシア', 'ミサイル', 'ロシア国防省', '弾道ミサイル'];
    const expected = words.map((w) => scan((r) => has(r, w)));
    // Some words in some entries, not all: else the comparison would prove little.
    expect(expected.some((n) => n > 0 && n < records.length)).toBe(true);
    for (const [i, w] of words.entries())
      expect(await db.count(translated(w)), w).toBe(expected[i]);
    const both = scan((r) => has(r, '支援') && !has(r, '停戦'));
    expect(await db.count(translated('支援 -停戦'))).toBe(both);
    expect(await db.count(translated('-停戦'))).toBe(scan((r) => !has(r, '停戦')));
  });

  it('filters by tag, handle, speaker and date as the records hold them', async () => {
    const first = records[0] as GroongaRecord;
    const tag = first.tags[0] as string;
    expect(await db.count(translated(`tag:${tag}`))).toBe(scan((r) => r.tags.includes(tag)));
    const handle = first.handle as string;
    expect(await db.count(translated(`from:@${handle.toUpperCase()}`))).toBe(
      scan((r) => r.handle?.toLowerCase() === handle.toLowerCase()),
    );
    const part = (first.speakers[0] as string).slice(0, 3);
    expect(await db.count(translated(`speaker:${part}`))).toBe(
      scan((r) => r.speakers.some((s) => s.includes(part))),
    );
    const since = Date.parse('2023-01-02T00:00:00Z') / 1000;
    expect(await db.count(translated('since:2023-01-02'))).toBe(scan((r) => r.date >= since));
    expect(await db.count(translated('until:2023-01-01'))).toBe(scan((r) => r.date < since));
  });

  it('returns the top 20 with snippets that mark the word', async () => {
    const rows = await db.search(translated('ロシア'));
    expect(rows[0]).toEqual([scan((r) => has(r, 'ロシア'))]);
    expect(JSON.stringify(rows.slice(2))).toContain('<span class=\\"keyword\\">ロシア</span>');
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Entry, SummaryLine } from '../../model/index.js';
import { normaliseForMatch } from '../../text/index.js';
import { makeEntry } from '../../../test/contract/make-entry.js';
import { entrySearchText } from '../fulltext/entry-text.js';
import { parseQuery } from '../query/parse-query.js';
import { compileQuery, CONTAINS_FUNCTION, type CompiledQuery } from './compile-query.js';
import { PersonNames } from './person-names.js';
import type { Plan } from './query-plan.js';
import { openSqliteArchive } from './sqlite-archive.js';
import { QueryRunner } from './run-query.js';
import { decodeEntryDoc } from './entry-docs.js';

/**
 * Every plan the runner considers for a query — scanning the full-text matches, narrowing
 * them with a tag's superset, looking a small filter's entries up in the index, reading
 * `entries` or a filter's index — with its conditions written as lists or as lookups, must
 * give exactly the entries a brute-force reading of the query gives.
 */

const dir = mkdtempSync(join(tmpdir(), 'kirinuki-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const ALPHABET = [...'ロシア中東露朝停戦NATO会談支援 、。'];
const TAGS = ['中東', '露朝', 'NATO', 'ロシア'];
const SPEAKERS = ['ゼレンスキー大統領', 'ラブロフ外相', 'ゼレンスキー'];
const HANDLES = ['nhk_news', 'ReutersJapan', 'cnn_co_jp'];
const DATES = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04'];

const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 24 }).map((cs) => cs.join(''));

const summary = fc.record({
  tag: fc.constantFrom(...TAGS),
  speaker: fc.option(fc.constantFrom(...SPEAKERS), { nil: undefined }),
  quote: text,
  // A line whose text does not hold its tag (an entry built by hand): the tag's full-text
  // superset must then not be trusted.
  broken: fc.nat(4).map((x) => x === 0),
});

const entrySpec = fc.record({
  text: fc.option(text, { nil: null, freq: 6 }),
  body: text,
  handle: fc.constantFrom(...HANDLES),
  date: fc.constantFrom(...DATES),
  summaries: fc.array(summary, { maxLength: 2 }),
});

type Spec = typeof entrySpec extends fc.Arbitrary<infer T> ? T : never;

function toEntry(spec: Spec, i: number): Entry {
  const entry = makeEntry({
    id: `e${i}`,
    text: spec.text,
    body: [spec.body],
    handle: spec.handle,
    date: spec.date,
    summaries: spec.summaries.map((s) => ({
      tag: s.tag,
      speaker: s.speaker ?? null,
      ...(s.speaker === undefined ? { context: s.quote } : { quote: s.quote }),
    })),
  });
  entry.summaries = entry.summaries.map((line, j): SummaryLine =>
    spec.summaries[j]?.broken ? { ...line, raw: line.raw.replace(/^#[^(]*/, '#別') } : line,
  );
  return entry;
}

// One-character terms (露, ア, 朝) are answered from the chars table, the others from the
// text table: a query mixing them checks one table's part as a condition.
const TERMS = [
  'ロシア', '露', '中東', '停戦', 'NATO', 'シア', '会談', '"ロシア 中東"', 'ア', '朝', '"露 朝"',
]; // prettier-ignore
const FILTERS = [
  'tag:中東',
  'tag:NATO',
  'tag:露朝',
  '-tag:ロシア',
  'from:nhk_news',
  'from:cnn_co_jp',
  '-from:ReutersJapan',
  'speaker:ゼレンスキー',
  '-speaker:ラブロフ',
  'person:ラブロフ外相',
  'since:2024-01-02',
  'until:2024-01-03',
];

const query = fc
  .tuple(
    fc.subarray(TERMS, { maxLength: 2 }),
    fc.option(fc.constantFrom(...TERMS), { nil: undefined }),
    fc.subarray(FILTERS, { maxLength: 3 }),
  )
  .map(([pos, neg, filters]) =>
    [...pos, ...(neg === undefined ? [] : [`-${neg}`]), ...filters].join(' '),
  );

/** Whether the entry meets the query, read the slow way from the entry itself. */
function meets(entry: Entry, day: string, q: string): boolean {
  const text = normaliseForMatch(entrySearchText(entry));
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(parsed.error.message);
  for (const t of parsed.value.terms)
    if (text.includes(normaliseForMatch(t.text)) === t.negated) return false;
  // Repeated from: filters are alternatives (an entry has one author).
  const from = parsed.value.filters.filter((f) => f.key === 'from' && !f.negated);
  const handle = entry.post?.handle.toLowerCase();
  if (from.length > 0 && !from.some((f) => f.value.toLowerCase() === handle)) return false;
  for (const f of parsed.value.filters) {
    if (f.key === 'from' && !f.negated) continue;
    const value = normaliseForMatch(f.value);
    const speakers = entry.summaries.flatMap((s) =>
      s.segments.flatMap((g) => (g.kind === 'quote' && g.speaker ? [g.speaker] : [])),
    );
    const date = entry.post?.date ?? day;
    const holds =
      f.key === 'tag'
        ? entry.summaries.some((s) => normaliseForMatch(s.tag) === value)
        : f.key === 'from'
          ? handle === f.value.toLowerCase()
          : f.key === 'speaker' || f.key === 'person'
            ? speakers.some((s) => normaliseForMatch(s).includes(value))
            : f.key === 'since'
              ? date >= f.value
              : date <= f.value;
    if (holds === f.negated) return false;
  }
  return true;
}

interface Fixture {
  db: Database.Database;
  runner: QueryRunner;
  compile: (q: string) => CompiledQuery;
  rowids: Map<string, number>;
  close: () => void;
}

/** The day entry `i` is filed under: three entries a day, the days in no order. */
const dayOf = (i: number): string => DATES[(Math.floor(i / 3) * 3) % DATES.length] as string;

/** The archive filed in batches of a few days, then read through the runner directly. */
function load(entries: Entry[], optimize: boolean): Fixture {
  const path = join(dir, `p${(files += 1)}.db`);
  const archive = openSqliteArchive(path);
  for (let i = 0; i < entries.length; i += 3)
    archive.importBatch({
      source: 'prop',
      day: dayOf(i),
      entries: entries.slice(i, i + 3),
      documentTagLines: [],
    });
  if (optimize) archive.optimize();
  archive.close();
  const db = new Database(path);
  db.function(CONTAINS_FUNCTION, { deterministic: true }, (doc: unknown, term: unknown) =>
    normaliseForMatch(entrySearchText(decodeEntryDoc(doc))).includes(String(term)) ? 1 : 0,
  );
  const persons = new PersonNames(db);
  const rowids = new Map(
    (db.prepare('SELECT id, rowid FROM entries').raw().all() as [string, number][]).map(
      ([id, rowid]) => [id, rowid],
    ),
  );
  const compile = (q: string): CompiledQuery => {
    const parsed = parseQuery(q);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return compileQuery(parsed.value, { speakerIds: (norm) => persons.matching(norm) });
  };
  return { db, runner: new QueryRunner(db), compile, rowids, close: () => db.close() };
}

/**
 * The plan as chosen, with every condition written as a list, and as a lookup, and a scan
 * merged with each full-text condition of the other table in turn.
 */
function variants(plan: Plan, q: CompiledQuery): Plan[] {
  const all = (style: 'list' | 'probe'): Plan => ({
    ...plan,
    styles: plan.styles.map((s) => (s === 'omit' || s === 'merge' ? s : style)),
  });
  const merges = q.conditions.flatMap((c, i) =>
    plan.source === 'fts' && plan.driver === null && (c.kind === 'match' || c.kind === 'notMatch')
      ? [{ ...all('list'), styles: all('list').styles.map((s, k) => (k === i ? 'merge' : s)) }]
      : [],
  );
  return [plan, all('list'), all('probe'), ...merges];
}

describe('query plans', () => {
  it('all give the entries a brute-force reading of the query gives', () => {
    const prop = fc.property(
      fc.array(entrySpec, { minLength: 1, maxLength: 14 }),
      fc.array(query, { minLength: 1, maxLength: 6 }),
      fc.boolean(),
      (specs, queries, optimize) => {
        const entries = specs.map(toEntry);
        const f = load(entries, optimize);
        try {
          for (const q of queries) {
            const expected = entries
              .filter((e, i) => meets(e, dayOf(i), q))
              .map((e) => f.rowids.get(e.id) as number)
              .sort((a, b) => b - a);
            const compiled = f.compile(q);
            expect(f.runner.count(compiled), q).toBe(expected.length);
            for (const want of [Infinity, 2])
              for (const plan of f.runner.candidatePlans(compiled, want))
                for (const v of variants(plan, compiled)) {
                  const what = `${q} — ${v.source} ${v.match?.table ?? ''} ${v.match?.fts ?? ''} driver ${v.driver?.kind ?? '-'} ${v.styles.join(',')}`;
                  expect(f.runner.runPlan(compiled, v), what).toBe(expected.length);
                  expect(f.runner.runPlan(compiled, v, 2), what).toEqual(expected.slice(0, 2));
                }
          }
        } finally {
          f.close();
        }
      },
    );
    fc.assert(prop, { numRuns: 80 });
  });

  it('give the same search results and counts through the archive', () => {
    const prop = fc.property(
      fc.array(entrySpec, { minLength: 1, maxLength: 14 }),
      fc.array(query, { minLength: 1, maxLength: 4 }),
      (specs, queries) => {
        const entries = specs.map(toEntry);
        const archive = openSqliteArchive(':memory:');
        archive.importBatch({ source: 'p', day: '2024-01-04', entries, documentTagLines: [] });
        for (const q of queries) {
          const expected = entries
            .filter((e) => meets(e, '2024-01-04', q))
            .map((e) => e.id)
            .sort();
          expect(archive.count(q), q).toEqual({ ok: true, value: expected.length });
          const r = archive.search(q, { limit: 100 });
          if (!r.ok) throw new Error(r.error.message);
          expect(r.value.hits.map((h) => h.stored.entry.id).sort(), q).toEqual(expected);
          expect([r.value.total, r.value.totalExact], q).toEqual([expected.length, true]);
        }
        archive.close();
      },
    );
    fc.assert(prop, { numRuns: 60 });
  });

  it('stops trusting a tag superset when an entry whose line does not hold its tag is filed', () => {
    const archive = openSqliteArchive(':memory:');
    const tagged = (id: string, raw?: string): Entry => {
      const e = makeEntry({ id, text: `${id} 停戦`, summaries: [{ tag: '中東', context: 'x' }] });
      if (raw !== undefined) e.summaries = e.summaries.map((s) => ({ ...s, raw }));
      return e;
    };
    const plain = Array.from({ length: 30 }, (_, i) => makeEntry({ id: `p${i}`, text: '停戦' }));
    archive.importBatch({
      source: 's',
      day: '2024-01-01',
      entries: [tagged('a'), tagged('b'), ...plain],
      documentTagLines: [],
    });
    expect(archive.count('停戦 tag:中東')).toEqual({ ok: true, value: 2 });
    expect(archive.count('-ロシア tag:中東')).toEqual({ ok: true, value: 2 });
    archive.importBatch({
      source: 's',
      day: '2024-01-02',
      entries: [tagged('c', '#別(x)')],
      documentTagLines: [],
    });
    expect(archive.count('停戦 tag:中東')).toEqual({ ok: true, value: 3 });
    expect(archive.count('-ロシア tag:中東')).toEqual({ ok: true, value: 3 });
    const r = archive.search('-ロシア tag:中東');
    expect(r.ok && r.value.hits.map((h) => h.stored.entry.id).sort()).toEqual(['a', 'b', 'c']);
    archive.close();
  });
});

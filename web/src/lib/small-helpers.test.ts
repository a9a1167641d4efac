import { describe, expect, it } from 'vitest';
import type { QuoteFlag } from '../api/types.js';
import {
  COUNT_TICK_STEPS,
  DAY_TICK_STEPS,
  dayTickLabel,
  daySeconds,
  perDaySeries,
} from './chart-data.js';
import { classifyComposeInput } from './compose-input.js';
import { digestFile, formatLabel } from './digest-formats.js';
import { flagsByLine, flagText } from './flags.js';
import { applyJobEvent, type JobView } from './job-events.js';
import { displayUrl, safeHref } from './safe-url.js';
import { facetFilter, hasFilter, toggleFilter } from './search-query.js';
import { counted } from './words.js';

describe('safeHref', () => {
  it('lets http(s) URLs through and nothing else', () => {
    expect(safeHref('https://x.com/nhk_news/status/1')).toBe('https://x.com/nhk_news/status/1');
    expect(safeHref('http://example.com/a b')).toBe('http://example.com/a%20b');
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>',
      'vbscript:x',
      '/relative',
      '',
      null,
      undefined,
    ]) {
      expect(safeHref(bad)).toBeNull();
    }
  });

  it('shows a URL without its scheme and query', () => {
    expect(displayUrl('https://www3.nhk.or.jp/news/html/x.html?utm=1')).toBe(
      'www3.nhk.or.jp/news/html/x.html',
    );
    expect(displayUrl('https://example.com/')).toBe('example.com');
    expect(displayUrl('not a url')).toBe('not a url');
  });
});

describe('classifyComposeInput', () => {
  it('tells a URL, embed code and text apart', () => {
    expect(classifyComposeInput('  ')).toEqual({ kind: 'empty' });
    expect(classifyComposeInput(' https://www.nhk.or.jp/news/1.html ')).toEqual({
      kind: 'url',
      url: 'https://www.nhk.or.jp/news/1.html',
    });
    const embed =
      '<blockquote class="twitter-tweet"><p lang="ja">停戦</p>&mdash; NHK (@nhk_news)</blockquote>';
    expect(classifyComposeInput(embed)).toEqual({ kind: 'embed', embed });
    expect(classifyComposeInput('https://a.example/ と https://b.example/')).toEqual({
      kind: 'paste',
      paste: 'https://a.example/ と https://b.example/',
    });
    expect(classifyComposeInput('javascript:alert(1)').kind).toBe('paste');
    expect(classifyComposeInput('<blockquote>引用</blockquote>').kind).toBe('paste');
  });
});

describe('digest formats', () => {
  it('names the download by day and format', () => {
    expect(digestFile('2024-03-04', 'markdown')).toEqual({
      name: 'kirinuki-2024-03-04.md',
      mime: 'text/markdown;charset=utf-8',
    });
    expect(digestFile('2024-03-04', 'hatena').name).toBe('kirinuki-2024-03-04.hatena.txt');
    expect(digestFile('2024-03-04', 'json').mime).toBe('application/json;charset=utf-8');
    expect(formatLabel('hatena-markdown')).toBe('はてなMarkdown');
  });
});

describe('perDaySeries', () => {
  it('fills the days between with zeros, in order, in UTC seconds', () => {
    expect(daySeconds('2024-03-04')).toBe(Date.UTC(2024, 2, 4) / 1000);
    expect(daySeconds('2024-3-4')).toBeNull();
    const [xs, ys] = perDaySeries([
      { day: '2024-03-06', count: 2 },
      { day: '2024-03-04', count: 1 },
      { day: 'someday', count: 9 },
    ]);
    expect(xs).toEqual([
      Date.UTC(2024, 2, 4) / 1000,
      Date.UTC(2024, 2, 5) / 1000,
      Date.UTC(2024, 2, 6) / 1000,
    ]);
    expect(ys).toEqual([1, 0, 2]);
    expect(perDaySeries([])).toEqual([[], []]);
  });

  it('crosses month ends and keeps only the last maxDays', () => {
    const [xs, ys] = perDaySeries(
      [
        { day: '2024-02-28', count: 1 },
        { day: '2024-03-01', count: 3 },
      ],
      2,
    );
    expect(xs).toEqual([Date.UTC(2024, 1, 29) / 1000, Date.UTC(2024, 2, 1) / 1000]);
    expect(ys).toEqual([0, 3]);
  });
});

describe('chart ticks', () => {
  it('labels days as M/D, or YYYY/M over more than a year, in UTC whatever the time zone', () => {
    const day = Date.UTC(2024, 2, 4) / 1000;
    expect(dayTickLabel(day, 30)).toBe('3/4');
    expect(dayTickLabel(day, 800)).toBe('2024/3');
    expect(dayTickLabel(Date.UTC(2023, 11, 31) / 1000, 3)).toBe('12/31');
  });

  it('steps in whole days and whole counts only', () => {
    for (const step of DAY_TICK_STEPS) expect(step % 86_400).toBe(0);
    for (const step of COUNT_TICK_STEPS) expect(Number.isInteger(step)).toBe(true);
  });
});

describe('facet filters', () => {
  it('writes a facet value in the query syntax', () => {
    expect(facetFilter('tags', '露朝')).toBe('tag:露朝');
    expect(facetFilter('speakers', 'ゼレンスキー')).toBe('speaker:ゼレンスキー');
    expect(facetFilter('sources', '@nhk_news')).toBe('from:@nhk_news');
    expect(facetFilter('sources', 'nhk_news')).toBe('from:@nhk_news');
    expect(facetFilter('sources', 'NHKニュース')).toBeNull();
    expect(facetFilter('days', '2024-03-04')).toBe('since:2024-03-04 until:2024-03-04');
    expect(facetFilter('tags', 'two words')).toBeNull();
  });

  it('toggles a filter in and out of a query', () => {
    expect(toggleFilter('停戦', 'tag:露朝')).toBe('停戦 tag:露朝');
    expect(toggleFilter('停戦 tag:露朝', 'tag:露朝')).toBe('停戦');
    expect(toggleFilter('', 'since:2024-03-04 until:2024-03-04')).toBe(
      'since:2024-03-04 until:2024-03-04',
    );
    expect(
      hasFilter('a since:2024-03-04 until:2024-03-04', 'since:2024-03-04 until:2024-03-04'),
    ).toBe(true);
    expect(hasFilter('a since:2024-03-04', 'since:2024-03-04 until:2024-03-04')).toBe(false);
  });
});

describe('flagsByLine', () => {
  const flag = (over: Partial<QuoteFlag>): QuoteFlag => ({
    entryId: 'e',
    tag: 'A',
    speaker: '首相',
    quote: '続ける',
    kind: 'quote',
    reason: 'not in the text',
    missing: ['続ける'],
    nearest: null,
    ...over,
  });
  const lines = ['#A(首相「始める」)', '#B(首相「続ける」)', '#A(首相「続ける」)'];

  it('puts a flag beside the line of its tag that holds its quote', () => {
    const { byLine, unmatched } = flagsByLine(lines, [flag({})]);
    expect(byLine.map((l) => l.length)).toEqual([0, 0, 1]);
    expect(unmatched).toEqual([]);
  });

  it('falls back to the tag, then to the quote, and keeps the rest apart', () => {
    const byTag = flag({ quote: 'ない' });
    const byQuote = flag({ tag: 'Z', quote: '始める' });
    const nowhere = flag({ tag: 'Z', quote: 'ない' });
    const speaker = flag({ kind: 'speaker', quote: null, tag: 'B' });
    const { byLine, unmatched } = flagsByLine(lines, [byTag, byQuote, nowhere, speaker]);
    expect(byLine).toEqual([[byTag, byQuote], [speaker], []]);
    expect(unmatched).toEqual([nowhere]);
  });

  it('says a flag in Japanese from its fields, not from the English reason', () => {
    expect(flagText(flag({}))).toBe('首相「続ける」 — 本文にない引用。近い箇所もありません');
    expect(
      flagText(
        flag({
          quote: '続ける。やめない',
          missing: ['やめない'],
          nearest: { text: '続けると述べた', similarity: 0.5 },
        }),
      ),
    ).toBe(
      '首相「続ける。やめない」 — 本文にない引用（欠けている部分：「やめない」）。最も近い箇所（類似度 0.50）：「続けると述べた」',
    );
    expect(flagText(flag({ kind: 'speaker', quote: null, missing: [] }))).toBe(
      '首相 — 本文に名前が出てこない話者',
    );
    expect(flagText(flag({ kind: 'speaker', quote: null, speaker: null, missing: [] }))).toBe(
      '#A — 本文に名前が出てこない話者',
    );
  });
});

describe('applyJobEvent', () => {
  const job: JobView = {
    id: 'j',
    label: 'Import',
    state: 'running',
    done: 0,
    total: null,
    message: null,
  };

  it('follows progress to the end', () => {
    const going = applyJobEvent(job, 'progress', '{"done":3,"total":10}');
    expect(going).toMatchObject({ state: 'running', done: 3, total: 10 });
    const done = applyJobEvent(
      going,
      'done',
      '{"summary":{"entries":42,"people":7,"stories":[1,2],"nested":{"x":1}}}',
    );
    expect(done).toMatchObject({
      state: 'done',
      done: 10,
      message: 'entries: 42, people: 7, stories: 2',
    });
    expect(applyJobEvent(done, 'progress', '{"done":1,"total":2}')).toBe(done);
  });

  it('sums up an import by what its files filed', () => {
    const summary = {
      files: [
        { file: 'a.txt', report: { inserted: 10, unchanged: 0, replaced: 1 } },
        { file: 'b.txt', report: { inserted: 2, unchanged: 8, replaced: 0 } },
        { file: 'c.bin', report: null },
      ],
      diagnostics: [{ message: 'import: c.bin: not a clip document' }],
    };
    expect(applyJobEvent(job, 'done', JSON.stringify({ summary })).message).toBe(
      '3ファイル：新規12件、既存8件、置換1件、問題1件',
    );
    expect(
      applyJobEvent(
        job,
        'cancelled',
        JSON.stringify({ summary: { files: [{ report: { inserted: 1 } }], diagnostics: [] } }),
      ),
    ).toMatchObject({
      state: 'cancelled',
    });
  });

  it('records failure and cancellation, and ignores what it does not know', () => {
    expect(applyJobEvent(job, 'failed', '{"message":"import: no such file"}')).toMatchObject({
      state: 'failed',
      message: 'import: no such file',
    });
    expect(applyJobEvent(job, 'cancelled', '{"summary":{"files":2}}')).toMatchObject({
      state: 'cancelled',
    });
    expect(applyJobEvent(job, 'ping', '{}')).toBe(job);
    expect(applyJobEvent(job, 'progress', 'not json')).toEqual(job);
  });
});

describe('counted', () => {
  it('writes a count with its Japanese counter word, one or many alike', () => {
    expect([0, 1, 2].map((n) => counted(n, '件'))).toEqual(['0件', '1件', '2件']);
  });
});

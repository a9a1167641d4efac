import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate, parseQuery } from './parse-query.js';

function parsed(q: string) {
  const r = parseQuery(q);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function failure(q: string) {
  const r = parseQuery(q);
  if (r.ok) throw new Error(`expected an error for ${q}`);
  return r.error;
}

describe('parseQuery', () => {
  it('parses words, phrases and exclusions with their offsets', () => {
    expect(parsed('停戦 "ロシア 国防省" -制裁 -"対ロ 制裁"').terms).toEqual([
      { text: '停戦', phrase: false, negated: false, start: 0, end: 2 },
      { text: 'ロシア 国防省', phrase: true, negated: false, start: 3, end: 12 },
      { text: '制裁', phrase: false, negated: true, start: 13, end: 16 },
      { text: '対ロ 制裁', phrase: true, negated: true, start: 17, end: 25 },
    ]);
  });

  it('parses filters, with or without @, quoted values and negation', () => {
    expect(
      parsed('tag:露朝 from:@nhk_news FROM:cnn_co_jp speaker:"ゼレンスキー 大統領" -tag:NATO')
        .filters,
    ).toEqual([
      { key: 'tag', value: '露朝', negated: false, start: 0, end: 6 },
      { key: 'from', value: 'nhk_news', negated: false, start: 7, end: 21 },
      { key: 'from', value: 'cnn_co_jp', negated: false, start: 22, end: 36 },
      { key: 'speaker', value: 'ゼレンスキー 大統領', negated: false, start: 37, end: 57 },
      { key: 'tag', value: 'NATO', negated: true, start: 58, end: 67 },
    ]);
  });

  it('accepts the full-width forms Japanese input methods type', () => {
    const q = parsed('＂停戦　協議＂　－制裁　tag：露朝　since:２０２４-０１-０１');
    expect(q.terms.map((t) => [t.text, t.phrase, t.negated])).toEqual([
      ['停戦　協議', true, false],
      ['制裁', false, true],
    ]);
    expect(q.filters.map((f) => [f.key, f.value])).toEqual([
      ['tag', '露朝'],
      ['since', '2024-01-01'],
    ]);
  });

  it('keeps words with colons that are not filters, and splits a word at a quote', () => {
    expect(parsed('焦点:支援 G7:首脳').terms.map((t) => t.text)).toEqual(['焦点:支援', 'G7:首脳']);
    expect(parsed('abc"def ghi"').terms.map((t) => [t.text, t.phrase])).toEqual([
      ['abc', false],
      ['def ghi', true],
    ]);
  });

  it('an empty or blank query has no terms and no filters', () => {
    expect(parsed('')).toEqual({ terms: [], filters: [] });
    expect(parsed(' \u3000 ')).toEqual({ terms: [], filters: [] });
  });

  it('reports malformed input with a message and the offset', () => {
    expect(failure('停戦 "ロシア')).toMatchObject({ offset: 3, length: 4, severity: 'error' });
    expect(failure('停戦 "ロシア').message).toBe(
      'archive: unbalanced quote at character 3: add the closing "',
    );
    expect(failure('a tag:').message).toBe(
      'archive: tag: needs a value, e.g. tag:ウクライナ戦況 (at character 2)',
    );
    expect(failure('from:@').offset).toBe(0);
    expect(failure('tag:""').message).toMatch(/tag: needs a value/);
    expect(failure('since:2024-02-30').message).toMatch(
      /since: expects a date YYYY-MM-DD, got '2024-02-30'/,
    );
    expect(failure('until:2024/01/01').offset).toBe(0);
    expect(failure('x https://t.co/abc')).toMatchObject({ offset: 2, length: 6 });
    expect(failure('x https://t.co/abc').message).toMatch(
      /unknown filter 'https:'.*put the word in quotes/,
    );
    expect(failure('停戦 - 制裁')).toMatchObject({ offset: 3 });
    expect(failure('""').message).toMatch(/empty phrase/);
    expect(failure('-until:2024-01-01').message).toMatch(/until: cannot be negated; use since:/);
  });

  it('never throws, and error offsets lie inside the query', () => {
    const alphabet = [...'"＂:：-－ @ta g sinceuntil0123456789-露朝停戦\u3000'];
    const query = fc.oneof(
      fc.string(),
      fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(query, (q) => {
        const r = parseQuery(q);
        if (!r.ok) {
          expect(r.error.offset).toBeGreaterThanOrEqual(0);
          expect(r.error.offset + r.error.length).toBeLessThanOrEqual(q.length);
        } else for (const t of r.value.terms) expect(q.slice(t.start, t.end)).toContain(t.text);
      }),
      { numRuns: 500 },
    );
  });
});

describe('isIsoDate', () => {
  it('accepts existing days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSummaryLine } from '../format/index.js';
import type { Entry, SummaryLine } from '../model/index.js';
import { countTags, entryLabels, relabelEntry, relabelSummaryLine } from './relabel.js';

const line = (raw: string): SummaryLine => {
  const l = parseSummaryLine(raw);
  if (!l) throw new Error(`not a summary line: ${raw}`);
  return l;
};

const entry = (...raws: string[]): Entry => ({
  id: raws.join('|'),
  post: null,
  bodyKind: 'article',
  body: ['本文'],
  summaries: raws.map(line),
});

describe('relabelSummaryLine', () => {
  it('rewrites the tag and keeps the rest byte for byte', () => {
    const l = relabelSummaryLine(line('  ＃露斯（会談・ザハロワ報道官「協議は続く」）'), {
      露斯: '露イラン',
    });
    expect(l.raw).toBe('  ＃露イラン（会談・ザハロワ報道官「協議は続く」）');
    expect(l.tag).toBe('露イラン');
  });

  it('returns an untouched line as the same object', () => {
    const l = line('#NATO(会合)');
    expect(relabelSummaryLine(l, { 露斯: 'x' })).toBe(l);
  });

  it('keeps content and segments for any content', () => {
    const content = fc.string({ minLength: 1 }).filter((s) => !/[\n\r]/u.test(s));
    fc.assert(
      fc.property(content, (c) => {
        const before = parseSummaryLine(`#露斯(${c})`);
        fc.pre(before !== null);
        const after = relabelSummaryLine(before as SummaryLine, { 露斯: '露イラン' });
        const reparsed = parseSummaryLine(after.raw);
        expect(reparsed?.tag).toBe('露イラン');
        expect(reparsed?.content).toBe(before?.content);
        expect(reparsed?.segments).toEqual(before?.segments);
      }),
    );
  });
});

describe('relabelEntry', () => {
  it('relabels every line and keeps untouched entries identical', () => {
    const e = entry('#露斯(a)', '#NATO(b)');
    const r = relabelEntry(e, { 露斯: 'NATO' });
    expect(r.summaries.map((s) => s.raw)).toEqual(['#NATO(a)', '#NATO(b)']);
    expect(entryLabels(r)).toEqual(['NATO']);
    expect(relabelEntry(e, { ロシア: 'x' })).toBe(e);
  });
});

describe('countTags', () => {
  it('counts entries and lines, taxonomy tags first', () => {
    const counts = countTags(
      [entry('#露朝(a)', '#露朝(b)'), entry('#新(c)'), entry('#新(d)', '#露朝(e)')],
      ['NATO', '露朝'],
    );
    expect(counts).toEqual([
      { tag: 'NATO', entries: 0, lines: 0, defined: true },
      { tag: '露朝', entries: 2, lines: 3, defined: true },
      { tag: '新', entries: 2, lines: 2, defined: false },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { actionLabel, changedAt, historyLines } from './history.js';

describe('historyLines', () => {
  it('shows the lines taken out and put in, not the ones kept', () => {
    expect(
      historyLines({
        before: { summaryLines: ['#a(残る)', '#b(消える)'], tags: ['a', 'b'] },
        after: { summaryLines: ['#a(残る)', '#c(加わる)'], tags: ['a', 'c'] },
      }),
    ).toEqual([
      { kind: 'removed', text: '#b(消える)' },
      { kind: 'added', text: '#c(加わる)' },
    ]);
  });

  it('a drop takes out every line; a reorder says where the entry moved', () => {
    expect(historyLines({ before: { summaryLines: ['#x'], tags: [] }, after: null })).toEqual([
      { kind: 'removed', text: '#x' },
    ]);
    const moved = historyLines({
      before: { summaryLines: ['#x'], tags: [], position: 3 },
      after: { summaryLines: ['#x'], tags: [], position: 1 },
    });
    expect(moved).toEqual([{ kind: 'moved', from: 3, to: 1 }]);
  });
});

describe('labels and times', () => {
  it('names every action in Japanese, and a time to the minute', () => {
    expect(actionLabel('accept')).toBe('提案を採用');
    expect(changedAt('2026-12-06T05:03:00.000Z')).toMatch(/^2026\/12\/0[56] \d\d:\d3$/);
    expect(changedAt('not a time')).toBe('not a time');
  });
});

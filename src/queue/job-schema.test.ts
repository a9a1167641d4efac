import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importJobOf, jobKey, parseJob, sha256Hex } from './job-schema.js';

describe('parseJob', () => {
  it('takes each kind of job as sent', () => {
    const jobs = [
      { kind: 'fetch', url: 'https://example.jp/rss', today: '2024-03-06' },
      importJobOf('day.txt', Buffer.from('本文\n')),
      { kind: 'annotate', storyDays: 3, people: false },
      { kind: 'retag', relabelling: { 露斯: '露イラン' } },
      { kind: 'story', story: 'a1b2c3d4' },
    ];
    for (const job of jobs) expect(parseJob(job)).toEqual({ ok: true, value: job });
  });

  it('names the field that is wrong', () => {
    const cases: [unknown, string][] = [
      [{ kind: 'fetch', url: 'ftp://example.jp/rss' }, 'url: '],
      [{ kind: 'fetch', url: 'https://example.jp/rss', day: '6 March' }, 'day: '],
      [{ kind: 'import', name: 'x', sha256: 'abc', base64: '' }, 'sha256: '],
      [{ kind: 'story', story: 'x', colour: 'red' }, 'colour: '],
      [{ kind: 'retag', relabelling: {} }, 'relabelling: '],
      [{ kind: 'annotate', storyDays: -1 }, 'storyDays: '],
      [{ kind: 'publish' }, 'kind: '],
      ['not an object', 'payload: '],
    ];
    for (const [data, field] of cases) {
      const r = parseJob(data);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toContain(`queue: bad job payload: ${field}`);
    }
  });
});

describe('jobKey', () => {
  it('is the same for the same input and differs for another', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), (a, b) => {
        const same = jobKey(importJobOf('a.txt', a)) === jobKey(importJobOf('b.txt', b));
        expect(same).toBe(sha256Hex(a) === sha256Hex(b));
      }),
    );
  });

  it('does not depend on the order a relabelling lists its tags', () => {
    const one = jobKey({ kind: 'retag', relabelling: { A: 'B', C: 'D' } });
    const two = jobKey({ kind: 'retag', relabelling: { C: 'D', A: 'B' } });
    expect(one).toBe(two);
    expect(jobKey({ kind: 'retag', relabelling: { A: 'B' } })).not.toBe(one);
  });

  it('tells a fetch filed under a day from the plain fetch', () => {
    const url = 'https://example.jp/rss';
    expect(jobKey({ kind: 'fetch', url })).not.toBe(
      jobKey({ kind: 'fetch', url, day: '2024-03-06' }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { backoffMs, retryAfterMs, withRetries } from './retry.js';

describe('withRetries', () => {
  it('tries again while asked, doubling the wait, until the retries run out', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const r = await withRetries(async () => ({ value: (calls += 1), retry: true }), {
      retries: 3,
      delayMs: 100,
      maxDelayMs: 250,
      sleep: async (ms) => void sleeps.push(ms),
    });
    expect(r).toEqual({ value: 4, tries: 4 });
    expect(sleeps).toEqual([100, 200, 250]);
  });

  it('stops at the first outcome not worth retrying', async () => {
    const sleeps: number[] = [];
    const outcomes = [503, 503, 201, 503];
    const r = await withRetries(
      async (attempt) => {
        const value = outcomes[attempt] ?? 0;
        return { value, retry: value >= 500, retryAfterMs: attempt === 0 ? 7 : undefined };
      },
      { retries: 5, delayMs: 10, maxDelayMs: 1000, sleep: async (ms) => void sleeps.push(ms) },
    );
    expect(r).toEqual({ value: 201, tries: 3 });
    expect(sleeps).toEqual([7, 20]);
  });

  it('with no retries, tries once', async () => {
    const r = await withRetries(async () => ({ value: 'x', retry: true }), {
      retries: 0,
      delayMs: 10,
      maxDelayMs: 10,
      sleep: () => Promise.reject(new Error('must not wait')),
    });
    expect(r).toEqual({ value: 'x', tries: 1 });
  });
});

describe('backoffMs and retryAfterMs', () => {
  it('caps both the doubling and the server’s wish', () => {
    const policy = { delayMs: 1000, maxDelayMs: 30_000 };
    expect([0, 1, 2, 5, 10].map((a) => backoffMs(a, policy))).toEqual([
      1000, 2000, 4000, 30_000, 30_000,
    ]);
    expect(backoffMs(0, policy, 120_000)).toBe(30_000);
    expect(backoffMs(3, policy, 0)).toBe(0);
  });

  it('reads seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:27:00 GMT');
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});

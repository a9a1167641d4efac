/** Time as the rate limiter and retries see it; tests pass a fake one. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * At most one request per host every `intervalMs`: each caller reserves the next free slot
 * for its host at once (so concurrent callers queue instead of bursting), then waits for it.
 *
 * @example
 * const limiter = new HostRateLimiter(1000);
 * await limiter.wait('www3.nhk.or.jp'); // immediately
 * await limiter.wait('www3.nhk.or.jp'); // about a second later
 */
export class HostRateLimiter {
  private readonly next = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly clock: Clock = systemClock,
  ) {}

  async wait(host: string): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + this.intervalMs);
    if (at > now) await this.clock.sleep(at - now);
  }
}

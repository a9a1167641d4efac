/** How often and how long to try again. */
export interface RetryPolicy {
  /** Tries after the first. */
  retries: number;
  /** The first wait in ms, doubled at each retry. */
  delayMs: number;
  /** The longest wait, `Retry-After` included. */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

/** One try's outcome: its value, and whether trying again might give a better one. */
export interface TryOutcome<T> {
  value: T;
  retry: boolean;
  /** How long the server asked to wait (`Retry-After`), in ms. */
  retryAfterMs?: number;
}

/** The last try's value and how many tries it took. */
export interface Retried<T> {
  value: T;
  tries: number;
}

/**
 * Runs `tryOnce` until it gives an outcome not worth retrying or the retries run out, waiting
 * with exponential back-off between tries (or as long as the server asked, capped).
 *
 * @example
 * const { value, tries } = await withRetries(async () => {
 *   const status = await post();
 *   return { value: status, retry: status >= 500 };
 * }, { retries: 3, delayMs: 1000, maxDelayMs: 30_000, sleep });
 */
export async function withRetries<T>(
  tryOnce: (attempt: number) => Promise<TryOutcome<T>>,
  policy: RetryPolicy,
): Promise<Retried<T>> {
  for (let attempt = 0; ; attempt += 1) {
    const outcome = await tryOnce(attempt);
    if (!outcome.retry || attempt >= policy.retries)
      return { value: outcome.value, tries: attempt + 1 };
    await policy.sleep(backoffMs(attempt, policy, outcome.retryAfterMs));
  }
}

/**
 * The wait before retry `attempt + 1`: what the server asked for, else `delayMs · 2^attempt`,
 * never more than `maxDelayMs`.
 *
 * @example
 * backoffMs(2, { delayMs: 1000, maxDelayMs: 30_000 }); // 4000
 */
export function backoffMs(
  attempt: number,
  policy: Pick<RetryPolicy, 'delayMs' | 'maxDelayMs'>,
  retryAfterMs?: number,
): number {
  const wanted = retryAfterMs ?? policy.delayMs * 2 ** attempt;
  return Math.max(0, Math.min(wanted, policy.maxDelayMs));
}

/**
 * A `Retry-After` header in ms: delay-seconds or an HTTP date; `undefined` when absent or
 * unreadable.
 *
 * @example
 * retryAfterMs('120'); // 120000
 * retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT')); // 60000
 */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

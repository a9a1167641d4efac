/**
 * A load of `rate` requests a second arriving evenly — one every 1000/rate ms, whether or not
 * earlier ones have been answered (an open loop, as users arrive). autocannon's rate limit
 * sends each connection's requests for a second back to back and then waits for the next
 * second, so "200 requests/s" there is a burst of 200 at the start of every second, whose last
 * request waits for all the others. Latency here counts from when a request was due, so a
 * client that falls behind is charged to the server rather than hidden.
 */
import { latency, type Latency } from './measure.js';

export interface EvenLoadResult {
  latency: Latency;
  sent: number;
  errors: number;
  /** Requests a second actually sent. */
  rate: number;
}

/**
 * Sends `paths` (cycled) to `base` at `rate` a second for `seconds`, evenly spaced.
 *
 * @example
 * const r = await evenLoad('http://127.0.0.1:8080', ['/api/days'], { rate: 200, seconds: 20 });
 * r.latency.p99;
 */
export async function evenLoad(
  base: string,
  paths: readonly string[],
  options: { rate: number; seconds: number; headers?: Record<string, string> },
): Promise<EvenLoadResult> {
  const interval = 1000 / options.rate;
  const total = Math.round(options.rate * options.seconds);
  const samples: number[] = [];
  const pending: Promise<void>[] = [];
  let errors = 0;
  const start = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const path = paths[i % paths.length] ?? '/';
    pending.push(
      fetch(base + path, { headers: options.headers ?? {} })
        .then(async (res) => {
          await res.arrayBuffer();
          if (!res.ok) errors += 1;
          samples.push(performance.now() - due);
        })
        .catch(() => {
          errors += 1;
        }),
    );
  }
  const sentIn = (performance.now() - start) / 1000;
  await Promise.all(pending);
  return { latency: latency(samples), sent: total, errors, rate: total / sentIn };
}

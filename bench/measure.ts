/** Timing helpers for the benchmarks: percentiles over samples, and their table rows. */

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  samples: number;
}

/** Nearest-rank percentiles, in milliseconds. */
export function latency(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? NaN,
    samples: sorted.length,
  };
}

/** Runs `fn` `repeat` times after one warm-up run and returns the timings in ms. */
export function timeRuns(repeat: number, fn: () => unknown): number[] {
  fn();
  const out: number[] = [];
  for (let i = 0; i < repeat; i += 1) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

export function ms(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return x < 10 ? x.toFixed(2) : x.toFixed(1);
}

export function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(0)} MB`;
}

/** A markdown table from a header and rows. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Running the built CLI as a user would, in a fresh process, for the benchmarks that time it
 * (`cold-start.ts`, `paste.ts`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin/kirinuki.js');

/** Throws unless the CLI has been built. */
export function requireBuild(suite: string): void {
  if (!existsSync(join(ROOT, 'dist/cli/index.js')))
    throw new Error(`bench: ${suite} needs a build first (npm run build)`);
}

/** No inherited loaders (`tsx` sets NODE_OPTIONS) or knowledge: a user's plain shell. */
export function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  delete env.KIRINUKI_KNOWLEDGE;
  delete env.KIRINUKI_DB;
  return env;
}

/**
 * A `--require` preload that writes, as the process exits, one line to stderr: its CPU time
 * (user + system, all threads, µs) and its peak resident set (KiB, worker threads included).
 */
export const USAGE_PRELOAD = `process.on('exit', () => {
  const u = process.cpuUsage();
  require('node:fs').writeSync(2, '\\nkirinuki-bench-usage ' + (u.user + u.system) + ' ' + process.resourceUsage().maxRSS + '\\n');
});
`;

/** What `USAGE_PRELOAD` wrote: CPU ms and peak RSS in bytes (NaN when absent). */
export function usageOf(stderr: string): { cpuMs: number; peakRssBytes: number } {
  const m = /kirinuki-bench-usage (\d+) (\d+)/.exec(stderr);
  return { cpuMs: Number(m?.[1] ?? NaN) / 1000, peakRssBytes: Number(m?.[2] ?? NaN) * 1024 };
}

import { join } from 'node:path';
import envPaths from 'env-paths';

/**
 * Where the archive lives unless told otherwise: `$KIRINUKI_DB` when set, else `archive.db` in
 * the platform's data directory for kirinuki (`~/.local/share/kirinuki` on Linux,
 * `~/Library/Application Support/kirinuki` on macOS, `%LOCALAPPDATA%\kirinuki\Data` on
 * Windows). The environment is a parameter so that callers and tests pass their own.
 *
 * @example
 * defaultArchivePath({ KIRINUKI_DB: '/tmp/test.db' }); // '/tmp/test.db'
 * defaultArchivePath({}); // '/home/me/.local/share/kirinuki/archive.db'
 */
export function defaultArchivePath(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.KIRINUKI_DB;
  if (override !== undefined && override.trim() !== '') return override;
  return join(envPaths('kirinuki', { suffix: '' }).data, 'archive.db');
}

/**
 * kirinuki's data directory on this machine (where the default archive lives), for what a
 * server archive keeps beside it locally.
 *
 * @example
 * dataDirectory(); // '/home/me/.local/share/kirinuki'
 */
export function dataDirectory(): string {
  return envPaths('kirinuki', { suffix: '' }).data;
}

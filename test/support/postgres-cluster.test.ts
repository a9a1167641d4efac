import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { postgresBinDir, startPostgresCluster } from './postgres-cluster.js';

const bin = postgresBinDir();
if (bin === null)
  console.warn('postgres-cluster: PostgreSQL server binaries missing — this suite is SKIPPED');

describe.skipIf(bin === null)('a private PostgreSQL cluster for tests', () => {
  it('starts on its own socket, holds a new database, and leaves nothing when stopped', () => {
    const started = startPostgresCluster();
    if (!started.ok) throw new Error(started.why);
    const { cluster } = started;
    try {
      const url = cluster.createDatabase('cluster_check');
      expect(url).toContain('cluster_check');
      const out = execFileSync(
        join(bin ?? '', 'psql'),
        [
          '-h',
          cluster.socketDir,
          '-p',
          String(cluster.port),
          '-U',
          cluster.user,
          '-d',
          'cluster_check',
          '-Atc',
          'SELECT 40 + 2',
        ],
        { encoding: 'utf8' },
      );
      expect(out.trim()).toBe('42');
    } finally {
      cluster.stop();
    }
    expect(existsSync(cluster.socketDir)).toBe(false);
  });
});

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crashTest } from '../../scripts/crash-test.js';

const bundle = fileURLToPath(new URL('../../dist/bundle/cli/kirinuki.mjs', import.meta.url));

// The long run (100 kills and more) is `npx tsx scripts/crash-test.ts`; docs/reliability.md.
describe.skipIf(!existsSync(bundle))('an import killed with SIGKILL', () => {
  it('leaves an archive doctor finds sound every time, and a re-run converges', async () => {
    const r = await crashTest({ kills: 5, files: 6, perFile: 120, maxDelayMs: 900, seed: 7 });
    expect(r.kills).toBe(5);
    expect(r.midImport).toBeGreaterThan(0);
    expect(r.unsound).toBe(0);
    expect([r.entries, r.days]).toEqual([r.expected, r.expectedDays]);
  }, 120_000);
});

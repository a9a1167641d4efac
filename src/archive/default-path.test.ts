import { homedir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultArchivePath } from './default-path.js';

describe('defaultArchivePath', () => {
  it('honours KIRINUKI_DB', () => {
    expect(defaultArchivePath({ KIRINUKI_DB: '/tmp/k.db' })).toBe('/tmp/k.db');
  });

  it('ignores a blank KIRINUKI_DB', () => {
    expect(defaultArchivePath({ KIRINUKI_DB: ' ' })).toBe(defaultArchivePath({}));
  });

  it('defaults to archive.db in the data directory for kirinuki', () => {
    const path = defaultArchivePath({});
    expect(path.endsWith('archive.db')).toBe(true);
    expect(path).toMatch(/kirinuki/);
    expect(path).not.toMatch(/nodejs/);
    expect(path.startsWith(homedir()) || process.env.XDG_DATA_HOME !== undefined).toBe(true);
  });
});

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSitePath, SITE_MANIFEST, SiteFiles } from './site-files.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kirinuki-site-files-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function build(dir: string, paths: string[]): string[] {
  const files = SiteFiles.open(dir, { today: '2024-03-09', full: false });
  if (!files.ok) throw new Error(files.error.message);
  for (const p of paths) files.value.put(p, `hash-${p}`, () => `<p>${p}</p>`);
  return files.value.finish();
}

describe('SiteFiles', () => {
  it('removes the files the last build wrote and this one did not', () => {
    const site = join(root, 'site');
    build(site, ['index.html', 'day/2024-03-08.html']);
    expect(build(site, ['index.html'])).toEqual(['day/2024-03-08.html']);
    expect(existsSync(join(site, 'day'))).toBe(false);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe('<p>index.html</p>');
  });

  it('never removes a file outside the site folder that an edited manifest names', () => {
    const site = join(root, 'site');
    build(site, ['index.html']);
    mkdirSync(join(root, 'notes'));
    const victims = [join(root, 'victim.txt'), join(root, 'notes', 'keep.txt')];
    for (const v of victims) writeFileSync(v, 'mine');
    const manifestPath = join(site, SITE_MANIFEST);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      files: Record<string, unknown>;
    };
    const entry = { hash: 'x', written: '2024-03-09' };
    for (const p of ['../victim.txt', 'day/../../notes/keep.txt', victims[0] ?? '', './index.html'])
      manifest.files[p] = entry;
    writeFileSync(manifestPath, JSON.stringify(manifest));
    expect(build(site, ['index.html'])).toEqual([]);
    for (const v of victims) expect(readFileSync(v, 'utf8')).toBe('mine');
  });
});

describe('isSitePath', () => {
  it.each(['index.html', 'day/2024-03-04.html', 'search/2024-03.ab12/x.json'])('%s is', (p) =>
    expect(isSitePath(p)).toBe(true),
  );
  it.each(['', '../a', 'a/../../b', '/etc/passwd', './a', 'a//b', 'a\\..\\b', 'C:/x', 'a\0b'])(
    '%j is not',
    (p) => expect(isSitePath(p)).toBe(false),
  );
});

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kirinuki } from './run-cli.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/check/${name}`, import.meta.url));

describe('kirinuki check', () => {
  it('exits 0 on a document whose quotes and speakers stand in their text', async () => {
    const r = await kirinuki(['check', fixture('clean.txt')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 quotes in 1 entries: 2 pass, 0 not in the text');
  });

  it('exits 1 and lists a quote not in the text and a speaker never named', async () => {
    const r = await kirinuki(['check', fixture('flagged.txt')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('flagged.txt:6 #ウクライナ軍事支援');
    expect(r.stdout).toContain('quote not in the text: サンプル国防相「防空システムを追加で送る」');
    expect(r.stdout).toMatch(/nearest passage(?: \(similarity \d\.\d\d\)|: none)/);
    expect(r.stdout).toContain('speaker never named in the text: サンプル国防相');
    expect(r.stdout).not.toContain('flagged.txt:5');
  });

  it('reads stdin with -', async () => {
    const { readFileSync } = await import('node:fs');
    const r = await kirinuki(['check', '-'], readFileSync(fixture('flagged.txt'), 'utf8'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<stdin>:6');
  });

  it('prints the report as data with --json', async () => {
    const r = await kirinuki(['check', fixture('flagged.txt'), '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ entries: 1, quotes: 2, passed: 1, speakers: 2 });
    expect(report.flags).toEqual([
      expect.objectContaining({
        kind: 'quote',
        line: 6,
        tag: 'ウクライナ軍事支援',
        speaker: 'サンプル国防相',
        quote: '防空システムを追加で送る',
        pieces: 1,
        missing: ['防空システムを追加で送る'],
      }),
      expect.objectContaining({ kind: 'speaker', line: 6, speaker: 'サンプル国防相' }),
    ]);
    const clean = await kirinuki(['check', fixture('clean.txt'), '--json']);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ flags: [] });
  });

  it('asks for a file or a date', async () => {
    const r = await kirinuki(['check']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('check: give a FILE');
  });

  it('has --help', async () => {
    const r = await kirinuki(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--date');
  });
});

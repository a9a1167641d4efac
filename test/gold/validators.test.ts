import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The blind attribution sets are checked by their own validators (each set's README): a set
 * with an unclosed bracket or a label that is not its bracket's text must not reach `npm run
 * eval`, whose figures would then be wrong without a word.
 */
const gold = fileURLToPath(new URL('.', import.meta.url));

function validate(dir: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [join(dir, 'validate.mjs')], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The sets whose validators are the fourth's checks (`problemsFor`) with their own ids and styles. */
const BUILT_ON_THE_FOURTH = [
  'attribution-blind-3',
  'attribution-blind-4',
  'attribution-blind-5',
  'attribution-blind-6',
  'attribution-blind-7',
  'attribution-blind-8',
  'attribution-blind-9',
  'attribution-blind-10',
  'attribution-blind-11',
  'attribution-blind-12',
  'attribution-blind-13',
];

describe('the blind attribution sets', () => {
  it('attribution-blind passes its validator', () => {
    const r = validate(join(gold, 'attribution-blind'));
    expect(r.out).toMatch(/all quotes exact and brackets balanced/u);
    expect(r.status).toBe(0);
  });

  for (const set of ['attribution-blind-2', ...BUILT_ON_THE_FOURTH])
    it(`${set} passes its validator`, () => {
      const r = validate(join(gold, set));
      expect(r.out).toMatch(/ 0 problems/u);
      expect(r.status).toBe(0);
    });

  for (const set of BUILT_ON_THE_FOURTH)
    it(`${set}: a label that is not its bracket’s text fails, with the passage named`, () => {
      // A copy of the set beside copies of the fourth's and fifth's validators, which the others import.
      const root = mkdtempSync(join(tmpdir(), 'kirinuki-gold-'));
      for (const dir of new Set(['attribution-blind-4', 'attribution-blind-5', set])) {
        mkdirSync(join(root, dir));
        copyFileSync(join(gold, dir, 'validate.mjs'), join(root, dir, 'validate.mjs'));
      }
      const lines = readFileSync(join(gold, set, 'passages.jsonl'), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '');
      const first = JSON.parse(lines[0] ?? '{}') as { id: string; quotes: { text: string }[] };
      const label = first.quotes[0];
      if (label) label.text = `${label.text}X`;
      writeFileSync(
        join(root, set, 'passages.jsonl'),
        [JSON.stringify(first), ...lines.slice(1)].join('\n'),
      );
      const r = validate(join(root, set));
      expect(r.status).toBe(1);
      expect(r.out).toContain(`${first.id}: label 0 is not bracket 0`);
    });
});

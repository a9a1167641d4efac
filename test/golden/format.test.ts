import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseClipDocument, renderClipDocument } from '../../src/format/index.js';

/**
 * Golden cases: `test/golden/format/<case>/input.txt` → `expected.json` (the parsed document
 * and its diagnostics). `UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites the expectations;
 * review the diff before committing.
 */
const root = fileURLToPath(new URL('./format', import.meta.url));
const cases = existsSync(root) ? readdirSync(root).sort() : [];
const update = process.env.UPDATE_GOLDEN === '1';

describe.each(cases)('golden format case %s', (name) => {
  const dir = join(root, name);
  const input = readFileSync(join(dir, 'input.txt'), 'utf8');
  const result = parseClipDocument(input, { file: 'input.txt' });

  it('round-trips byte for byte', () => {
    expect(renderClipDocument(result.document)).toBe(input);
  });

  it('parses as reviewed', () => {
    const expectedPath = join(dir, 'expected.json');
    const actual = `${JSON.stringify(result, null, 2)}\n`;
    if (update) writeFileSync(expectedPath, actual);
    expect(existsSync(expectedPath), `${name}: no expected.json; run with UPDATE_GOLDEN=1`).toBe(true);
    expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
  });
});

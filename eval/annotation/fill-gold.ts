/**
 * Writes `start`/`end` into the gold files (test/gold/annotation and annotation-heldout) from the quoted strings (`npx tsx eval/annotation/fill-gold.ts`),
 * so items can be written as strings and offsets are computed, never typed. Existing offsets are checked.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readGold } from './gold.js';

for (const name of ['annotation', 'annotation-heldout'])
  fill(fileURLToPath(new URL(`../../test/gold/${name}/`, import.meta.url)));

function fill(dir: string): void {
  const items = new Map(readGold(dir).map((i) => [i.id, i]));
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    const lines = readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const out = lines.map((l) => {
      const item = items.get((JSON.parse(l) as { id: string }).id);
      if (!item) throw new Error(`unknown item in ${file}`);
      const { id, date, text, quotes, entities, terms } = item;
      return JSON.stringify({ id, date, text, quotes, entities, terms });
    });
    writeFileSync(join(dir, file), `${out.join('\n')}\n`);
  }
}

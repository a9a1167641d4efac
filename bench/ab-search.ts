/**
 * Search latency of two checkouts on their own archives, in one process, the queries
 * alternating between them so that both see the same load: `search(q, { limit: 20 })` with
 * snippets for every query of bench/queries.ts, once to warm up, then `--repeat` times each;
 * p50 / p95 / p99 ms per class, old → new (`--verbose`: each query's median too). `--count`
 * times `count(q)` instead; `--mixed` adds a class of one-character terms with others (in AND,
 * NOT and phrase positions), which SQLite schema 7 answers from two tables.
 *
 * ```sh
 * npx tsx bench/ab-search.ts --old /tmp/old --old-db old.db --new . --new-db new.db --repeat 15
 * ```
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { queryClasses } from './queries.js';

const { values } = parseArgs({
  options: {
    old: { type: 'string' },
    'old-db': { type: 'string' },
    new: { type: 'string', default: '.' },
    'new-db': { type: 'string' },
    repeat: { type: 'string', default: '15' },
    verbose: { type: 'boolean', default: false },
    count: { type: 'boolean', default: false },
    mixed: { type: 'boolean', default: false },
  },
});
if (!values.old || !values['old-db'] || !values['new-db'])
  throw new Error('bench: ab-search needs --old, --old-db and --new-db');

type ArchiveModule = typeof import('../src/archive/index.js');
const open = async (root: string, db: string) =>
  ((await import(`${resolve(root)}/src/archive/index.ts`)) as ArchiveModule).openSqliteArchive(db, {
    readonly: true,
  });
const sides = [await open(values.old, values['old-db']), await open(values.new, values['new-db'])];
const repeat = Number(values.repeat);

function percentile(times: readonly number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

const mixed = {
  name: 'one character with others',
  queries: ['露 停戦', '朝 ミサイル', '-露 停戦', 'ロシア -朝', '"露 朝"', '露 朝', '米 tag:NATO'],
};
const run = (side: (typeof sides)[number], q: string): boolean =>
  values.count ? side.count(q).ok : side.search(q, { limit: 20 }).ok;

for (const c of [...queryClasses(), ...(values.mixed ? [mixed] : [])]) {
  const all: [number[], number[]] = [[], []];
  const perQuery: string[] = [];
  for (const q of c.queries) {
    const times: [number[], number[]] = [[], []];
    for (const side of sides) run(side, q);
    for (let i = 0; i < repeat; i++)
      sides.forEach((side, k) => {
        const t = performance.now();
        if (!run(side, q)) throw new Error(`bench: ${q} did not parse`);
        times[k as 0 | 1].push(performance.now() - t);
      });
    all[0].push(...times[0]);
    all[1].push(...times[1]);
    perQuery.push(
      `  ${q}: ${percentile(times[0], 0.5).toFixed(2)} → ${percentile(times[1], 0.5).toFixed(2)}`,
    );
  }
  const cell = (p: number) =>
    `${percentile(all[0], p).toFixed(2)} → ${percentile(all[1], p).toFixed(2)}`;
  console.log(`${c.name}: p50 ${cell(0.5)}; p95 ${cell(0.95)}; p99 ${cell(0.99)}`);
  if (values.verbose) console.log(perQuery.join('\n'));
}
for (const side of sides) side.close();

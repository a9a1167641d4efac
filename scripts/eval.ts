/**
 * `npm run eval`: runs every evaluation in eval/index.ts and prints its report as markdown.
 * `VERBOSE=1 npm run eval` also lists each miss; `npm run eval -- real` runs only the
 * evaluations whose name contains `real` (any words given are matched that way).
 */
import { evaluations } from '../eval/index.js';

const only = process.argv.slice(2).filter((a) => a !== '--');
let failed = 0;
for (const e of evaluations()) {
  if (only.length > 0 && !only.some((w) => e.name.includes(w))) continue;
  console.log(`## ${e.name}\n`);
  try {
    console.log(await e.run());
  } catch (err) {
    // One broken evaluation must not hide the others' figures.
    failed += 1;
    console.log(`eval: ${e.name} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  console.log('');
}
process.exitCode = failed > 0 ? 1 : 0;

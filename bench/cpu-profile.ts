/**
 * `npx tsx bench/cpu-profile.ts FILE.cpuprofile [N]`: the N functions (default 25) a V8 CPU
 * profile (`node --cpu-prof`) spent the most self time in, and the N files, so a benchmark's
 * hot spots can be read without a browser.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Self time per function and per file of a CPU profile, most first, in ms.
 *
 * @example
 * hotSpots(JSON.parse(readFileSync('x.cpuprofile', 'utf8')), 10).functions[0];
 */
export function hotSpots(
  profile: Profile,
  top: number,
): { total: number; functions: [string, number][]; files: [string, number][] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    total += micros;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^file:\/\/.*?\/(node_modules|src)\//, '$1/') || '(native)';
    const fn = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + micros);
    files.set(file, (files.get(file) ?? 0) + micros);
  });
  const best = (m: Map<string, number>): [string, number][] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => [k, v / 1000]);
  return { total: total / 1000, functions: best(functions), files: best(files) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, n] = process.argv.slice(2);
  if (!file) throw new Error('bench: usage: cpu-profile.ts FILE.cpuprofile [N]');
  const spots = hotSpots(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(n ?? 25));
  console.log(`total ${spots.total.toFixed(0)} ms sampled`);
  for (const [name, t] of spots.functions) console.log(`${t.toFixed(0).padStart(7)} ms  ${name}`);
  console.log('--- files');
  for (const [name, t] of spots.files) console.log(`${t.toFixed(0).padStart(7)} ms  ${name}`);
}

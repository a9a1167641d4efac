/**
 * A seeded generator (mulberry32) for tests that draw random inputs: the same seed gives the
 * same inputs on every run, so a failure can be run again.
 *
 * @example
 * const next = seededRandom(7);
 * next(); // a number in [0, 1), the same on every run
 */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded generator (mulberry32) for tests and benchmarks that draw random inputs: the same
 * seed gives the same inputs on every run, so a failure can be run again. It is the one the
 * tagger trains with (`src/tagging/model/random.ts`), not a second copy.
 *
 * @example
 * const next = seededRandom(7);
 * next(); // a number in [0, 1), the same on every run
 */
export { seededRandom } from '../../src/tagging/model/random.js';

import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 may let its heap grow past what is alive after a full collection, in per cent.
 * V8 chooses up to 300 % by itself when collections are cheap, as they are for an import
 * (its live data is about 30 MB, collected in 10–20 ms).
 */
const HEAP_GROWING_PERCENT = 50;

/**
 * Keeps the process's JavaScript heap near what is alive while an import, a reindex or an
 * export runs, and returns the function that gives it back to V8's own growth. V8 lets its
 * old generation grow to up to four times what survived the last full collection before it
 * collects again; an import holds a file of entries at a time and drops it. Importing days of
 * 1,370 clips (a million-clip archive's), the heap reached 137 MB around a live 30 MB and the
 * process 265 MB; grown by at most half, 80 MB and 206 MB, for 1–4 % more CPU time and the
 * same wall time (`docs/benchmarks.md`).
 *
 * Only for work that holds a bounded part of the archive at a time: `optimize` keeps much
 * alive and took 24 % more CPU with it. `reindex` (days of 1,370 clips: 278 → 218 MB) and
 * `export` (244–257 → 182–185 MB) took the same CPU time with it in alternating runs (an
 * earlier session measured export 25–45 % slower with it; what changed since was not found).
 * Keeping the young generation small as well (`--semi-space-growth-factor=1`) brought an
 * import to 159 MB but cost the CLI's 2–3 % of its time.
 *
 * V8 reads the flag at each collection, so it takes effect when set at run time (node takes
 * `--max-old-space-size` only at start). It holds for the whole process, worker threads
 * included, until restored: call it from the program that owns the process — a CLI command,
 * a benchmark — never from library code.
 *
 * @example
 * const restore = keepHeapNearLive();
 * try {
 *   await importFiles(archive, files);
 * } finally {
 *   restore();
 * }
 */
export function keepHeapNearLive(): () => void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  // 0 is V8's default: the factor chosen from how fast collections run.
  return () => setFlagsFromString('--heap-growing-percent=0');
}

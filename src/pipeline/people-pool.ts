import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EntryPeople } from '../archive/index.js';
import { KirinukiError, type Entry } from '../model/index.js';
import { entryForAnnotation, type AnnotatableEntry, type KnowledgeSource } from '../nlp/index.js';

/** Who each entry quotes and mentions, by entry id, computed elsewhere than the caller's thread. */
export interface PeopleAnnotator {
  peopleOf(entries: readonly Entry[]): Promise<Record<string, EntryPeople>>;
  /** Stops the workers; pending requests are rejected. */
  close(): Promise<void>;
}

/** A request to a worker: the entries of one file, as much of them as annotation reads. */
export interface PeopleRequest {
  id: number;
  entries: readonly AnnotatableEntry[];
}

/** A worker's answer to request `id`. */
export type PeopleReply =
  { id: number; people: Record<string, EntryPeople> } | { id: number; error: string };

/**
 * Workers to start: one per core but the one that files entries, at most 4 (filing on the
 * main thread keeps up with about that many), at least 1.
 *
 * @example
 * peoplePoolSize(); // 1 on a 2-core machine
 */
export function peoplePoolSize(cores = availableParallelism()): number {
  return Math.min(4, Math.max(1, cores - 1));
}

/**
 * Annotation for imports in worker threads: about half of what importing clip documents costs
 * is annotating them (who is quoted, who is named), and annotation is pure, so it can run on
 * other cores while the main thread parses, recognises and files (`importFilesAhead`). Each
 * worker compiles `knowledge` once (about 30 ms); requests go to the worker with the fewest
 * pending.
 *
 * @example
 * const pool = startPeoplePool(loadKnowledgeSource());
 * const people = await pool.peopleOf(entries); // { [entry id]: { speakers, mentions } }
 * await pool.close();
 */
export function startPeoplePool(
  knowledge: KnowledgeSource,
  size = peoplePoolSize(),
): PeopleAnnotator {
  const pending = new Map<
    number,
    {
      resolve: (p: Record<string, EntryPeople>) => void;
      reject: (e: Error) => void;
      worker: number;
    }
  >();
  const load: number[] = [];
  let nextId = 0;
  let closed = false;
  const workers = Array.from({ length: size }, (_, i) => {
    const worker = new Worker(WORKER.script, {
      workerData: knowledge,
      eval: WORKER.eval,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    load.push(0);
    worker.on('message', (reply: PeopleReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      load[i] = (load[i] ?? 1) - 1;
      if ('error' in reply)
        waiting.reject(new KirinukiError('pipeline', `annotating entries failed: ${reply.error}`));
      else waiting.resolve(reply.people);
    });
    worker.on('error', (e) => failAll(i, e));
    worker.on('exit', (code) => {
      if (!closed) failAll(i, new Error(`the annotation worker stopped (exit code ${code})`));
    });
    return worker;
  });

  function failAll(worker: number, cause: unknown): void {
    for (const [id, waiting] of pending)
      if (waiting.worker === worker) {
        pending.delete(id);
        waiting.reject(new KirinukiError('pipeline', 'an annotation worker failed', { cause }));
      }
  }

  return {
    peopleOf(entries) {
      if (closed)
        return Promise.reject(new KirinukiError('pipeline', 'the annotation pool is closed'));
      if (entries.length === 0) return Promise.resolve({});
      const worker = load.indexOf(Math.min(...load));
      const id = nextId++;
      load[worker] = (load[worker] ?? 0) + 1;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, worker });
        // Only what annotation reads: a whole entry costs this thread several times as much
        // to copy.
        const request: PeopleRequest = { id, entries: entries.map(entryForAnnotation) };
        workers[worker]?.postMessage(request);
      });
    },
    async close() {
      closed = true;
      for (const [id, waiting] of pending) {
        pending.delete(id);
        waiting.reject(new KirinukiError('pipeline', 'the annotation pool was closed'));
      }
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * The young generation of a worker's heap, in MB: left to V8 it grows further, and is mostly
 * empty between collections. At 24 MB, `kirinuki import --no-optimize` of 20,000 clips peaked at
 * 229–240 MB instead of 243–251, in the same time (13.1–14.9 s, four pairs of runs alternating).
 */
const WORKER_YOUNG_MB = 24;

/**
 * The worker's code: beside this module, as `tsc`'s JavaScript in dist/ or as the CLI bundle's
 * own entry (scripts/build-cli.ts names it `people-worker.mjs`); from TypeScript sources
 * (tsx, vitest) a worker cannot load `.ts` by itself, so it registers tsx's loader first.
 */
const WORKER = workerScript(import.meta.url);

function workerScript(here: string): { script: string | URL; eval: boolean } {
  if (!here.endsWith('.ts'))
    return {
      script: new URL(here.endsWith('.mjs') ? './people-worker.mjs' : './people-worker.js', here),
      eval: false,
    };
  const source = JSON.stringify(new URL('./people-worker.ts', here).href);
  return {
    script: `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${source}); });`,
    eval: true,
  };
}

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knowledge, KnowledgeSource } from '../nlp/index.js';
import type { CliIo } from './io.js';

/**
 * The shipped knowledge as the bundle build (scripts/build-cli.ts) found it: `data/nlp` read,
 * validated and merged once at build time, so a bundled CLI compiles it without loading zod and
 * validating every file at each start. Replaced by a JSON string literal in the bundle; left
 * undefined by `tsc` (and in tests), where the files are read and validated as usual.
 */
declare const KIRINUKI_SHIPPED_KNOWLEDGE: string | undefined;

/** What the build stores in {@link KIRINUKI_SHIPPED_KNOWLEDGE}. */
export interface ShippedKnowledgeSnapshot {
  /** `data/nlp` relative to the bundle's own files (URL path). */
  dir: string;
  /** {@link knowledgeFilesHash} of `data/nlp` at build time. */
  hash: string;
  /** The merged, validated knowledge: what `parseKnowledgeFiles` gave. */
  source: KnowledgeSource;
}

/**
 * The annotation knowledge: the shipped files, then `$KIRINUKI_KNOWLEDGE` (a path list), then
 * the `--knowledge` files, later ones extending and overriding earlier ones.
 */
export async function loadCliKnowledge(
  io: CliIo,
  files: readonly string[] = [],
): Promise<Knowledge> {
  const source = await loadCliKnowledgeSource(io, files);
  return (await import('../nlp/knowledge/compile.js')).compileKnowledge(source);
}

/**
 * {@link loadCliKnowledge} before compiling: plain data, for annotation workers
 * (`startPeoplePool`), which compile it on their own threads.
 */
export async function loadCliKnowledgeSource(
  io: CliIo,
  files: readonly string[] = [],
): Promise<KnowledgeSource> {
  const extra = [...envKnowledgeFiles(io), ...files];
  const snapshot = extra.length === 0 ? freshSnapshot() : null;
  if (snapshot) return snapshot;
  const { loadKnowledgeSource } = await import('../nlp/index.js');
  return loadKnowledgeSource(extra);
}

/**
 * Alias expansion for `search` (`aliasesOf` over {@link loadCliKnowledge}). From the bundle's
 * snapshot the knowledge is compiled at the first term, so a query of only `tag:`, `from:` and
 * dates never builds the gazetteer, the largest part of a cold search.
 */
export async function loadAliasExpander(io: CliIo): Promise<(term: string) => string[]> {
  const { aliasesOf } = await import('../nlp/aliases.js');
  const snapshot = envKnowledgeFiles(io).length === 0 ? freshSnapshot() : null;
  if (snapshot) {
    const { compileKnowledge } = await import('../nlp/knowledge/compile.js');
    let knowledge: Knowledge | undefined;
    return (term) => aliasesOf(term, (knowledge ??= compileKnowledge(snapshot)));
  }
  const knowledge = await loadCliKnowledge(io);
  return (term) => aliasesOf(term, knowledge);
}

function envKnowledgeFiles(io: CliIo): string[] {
  return (io.env.KIRINUKI_KNOWLEDGE ?? '').split(delimiter).filter((p) => p !== '');
}

/**
 * The shipped knowledge as merged at build time, or null when there is no snapshot (not
 * bundled) or `data/nlp` has changed since the build: then the files are read and validated.
 */
function freshSnapshot(): KnowledgeSource | null {
  if (typeof KIRINUKI_SHIPPED_KNOWLEDGE !== 'string') return null;
  const snapshot = JSON.parse(KIRINUKI_SHIPPED_KNOWLEDGE) as ShippedKnowledgeSnapshot;
  try {
    const dir = fileURLToPath(new URL(snapshot.dir, import.meta.url));
    return knowledgeFilesHash(knowledgeFiles(dir)) === snapshot.hash ? snapshot.source : null;
  } catch {
    return null;
  }
}

/** The `*.json` files of a knowledge directory in the order `loadKnowledge` reads them. */
export function knowledgeFiles(dir: string): { path: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

/** A digest of the files' names and contents: the snapshot is used only while it matches. */
export function knowledgeFilesHash(files: readonly { path: string; text: string }[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f.path.split(/[\\/]/).pop() ?? ''}\0${f.text}\0`);
  return hash.digest('hex');
}

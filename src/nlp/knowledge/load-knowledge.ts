import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KirinukiError } from '../../model/index.js';
import { compileKnowledge, type Knowledge } from './compile.js';
import { parseKnowledgeFiles } from './parse.js';
import type { KnowledgeSource } from './merge.js';

/** The shipped knowledge: `data/nlp/` at the package root (same depth from src/ and dist/). */
export const SHIPPED_KNOWLEDGE_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../data/nlp',
);

/**
 * Reads the shipped knowledge files, then the user's `extraFiles` in order (they extend and
 * override), and compiles them. The only function of the nlp layer that touches the disk: call
 * it once at start-up and pass the result to `annotate`.
 *
 * @example
 * const knowledge = loadKnowledge(['my-aliases.json']);
 * annotate('ハリコフで爆発', { knowledge }).entities[0]?.canonical; // 'ハルキウ'
 */
export function loadKnowledge(
  extraFiles: readonly string[] = [],
  dir = SHIPPED_KNOWLEDGE_DIR,
): Knowledge {
  return compileKnowledge(loadKnowledgeSource(extraFiles, dir));
}

/**
 * {@link loadKnowledge} before compiling: the merged, validated files as plain data, which can
 * be sent to another thread (annotation workers compile it there).
 *
 * @example
 * compileKnowledge(loadKnowledgeSource()); // what loadKnowledge() gives
 */
export function loadKnowledgeSource(
  extraFiles: readonly string[] = [],
  dir = SHIPPED_KNOWLEDGE_DIR,
): KnowledgeSource {
  const shipped = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
  const sources = [...shipped, ...extraFiles].map((path) => ({
    path,
    text: readFileSync(path, 'utf8'),
  }));
  const parsed = parseKnowledgeFiles(sources);
  if (!parsed.ok) {
    const { file, message } = parsed.error;
    throw new KirinukiError('nlp', `${file ?? 'knowledge'}: ${message.replace(/^nlp: /u, '')}`);
  }
  return parsed.value;
}

import { delimiter } from 'node:path';
import type { Knowledge } from '../nlp/index.js';
import type { CliIo } from './io.js';

/**
 * The annotation knowledge: the shipped files, then `$KIRINUKI_KNOWLEDGE` (a path list), then
 * the `--knowledge` files, later ones extending and overriding earlier ones.
 */
export async function loadCliKnowledge(
  io: CliIo,
  files: readonly string[] = [],
): Promise<Knowledge> {
  const { loadKnowledge } = await import('../nlp/index.js');
  const fromEnv = (io.env.KIRINUKI_KNOWLEDGE ?? '').split(delimiter).filter((p) => p !== '');
  return loadKnowledge([...fromEnv, ...files]);
}

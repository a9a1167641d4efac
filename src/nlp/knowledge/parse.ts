import { err, ok, type Diagnostic, type Result } from '../../model/index.js';
import { mergeKnowledge, type KnowledgeSource } from './merge.js';
import { KnowledgeFileSchema, type KnowledgeFile } from './schema.js';

/** A knowledge file's name and contents. */
export interface KnowledgeText {
  path: string;
  text: string;
}

/**
 * Parses one knowledge file (JSON, see data/nlp/README.md).
 *
 * @example
 * parseKnowledgeFile({ path: 'mine.json', text: '{"titles":["首席報道官"]}' }).ok; // true
 */
export function parseKnowledgeFile(file: KnowledgeText): Result<KnowledgeFile, Diagnostic> {
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (e) {
    return err({ severity: 'error', file: file.path, message: `nlp: not JSON: ${String(e)}` });
  }
  const parsed = KnowledgeFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = !issue
      ? 'invalid'
      : issue.path.length > 0
        ? `${issue.path.join('.')}: ${issue.message}`
        : issue.message;
    return err({ severity: 'error', file: file.path, message: `nlp: ${where}` });
  }
  return ok(parsed.data);
}

/**
 * Parses and merges knowledge files in order; the first bad file is the error.
 *
 * @example
 * const r = parseKnowledgeFiles([{ path: 'a.json', text: '{}' }]);
 */
export function parseKnowledgeFiles(
  files: readonly KnowledgeText[],
): Result<KnowledgeSource, Diagnostic> {
  const parsed: KnowledgeFile[] = [];
  for (const f of files) {
    const r = parseKnowledgeFile(f);
    if (!r.ok) return r;
    parsed.push(r.value);
  }
  return ok(mergeKnowledge(parsed));
}

/**
 * The labelled entries the tagging evaluation reads: the real example digest (read from
 * `../shared`, never copied into the repo), the gold set in `test/gold/tagging/`, and the
 * bundled samples; each entry with the annotations of `src/nlp` when that layer is there.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseClipDocument } from '../src/format/index.js';
import { documentEntries, type Annotations, type Entry } from '../src/model/index.js';
import { entryLabels, parseTaxonomy, type Taxonomy } from '../src/tagging/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const EXAMPLE_FILE = join(ROOT, '..', 'shared', 'examples', '000_dfec5c4496ff07cd.txt');
export const GOLD_DIR = join(ROOT, 'test', 'gold', 'tagging');
export const SAMPLES_DIR = join(ROOT, 'samples');

/** Where a labelled entry comes from. */
export type Source = 'example' | 'gold' | 'samples';

export interface Labelled {
  entry: Entry;
  annotations: Annotations | null;
  labels: string[];
  source: Source;
}

/** Annotates an entry; null when `src/nlp` is not available. */
export type Annotator = ((entry: Entry) => Annotations) | null;

/**
 * The annotator of `src/nlp`, imported dynamically so this evaluation runs (without
 * annotation features) before that layer exists.
 */
export async function loadAnnotator(): Promise<Annotator> {
  const path = '../src/nlp/index.js';
  try {
    const nlp = (await import(path)) as Record<string, unknown>;
    const { annotateEntry, loadKnowledge } = nlp;
    if (typeof annotateEntry !== 'function' || typeof loadKnowledge !== 'function') return null;
    const knowledge: unknown = loadKnowledge();
    return (entry) =>
      (annotateEntry(entry, { knowledge }) as { annotations: Annotations }).annotations;
  } catch {
    return null;
  }
}

/** The labelled entries of every source that is present, in a fixed order. */
export async function loadLabelled(annotate: Annotator): Promise<Labelled[]> {
  const files: [string, Source][] = [];
  if (existsSync(EXAMPLE_FILE)) files.push([EXAMPLE_FILE, 'example']);
  for (const [dir, source] of [
    [GOLD_DIR, 'gold'],
    [SAMPLES_DIR, 'samples'],
  ] as const)
    for (const f of (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort())
      files.push([join(dir, f), source]);
  const out: Labelled[] = [];
  for (const [file, source] of files) {
    const { document } = parseClipDocument(await readFile(file, 'utf8'), { file });
    for (const entry of documentEntries(document))
      if (entry.summaries.length > 0)
        out.push({
          entry,
          annotations: annotate ? annotate(entry) : null,
          labels: entryLabels(entry),
          source,
        });
  }
  return out;
}

/** The sample taxonomy the evaluation trains with. */
export async function loadTaxonomy(): Promise<Taxonomy> {
  const r = parseTaxonomy(await readFile(join(SAMPLES_DIR, 'taxonomy.json'), 'utf8'));
  if (!r.ok) throw new Error(r.error.map((d) => d.message).join('\n'));
  return r.value;
}

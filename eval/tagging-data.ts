/**
 * The labelled entries the tagging evaluation reads: the real example digest (read from
 * `../shared`, never copied into the repo), the gold set in `test/gold/tagging/`, and the
 * bundled samples; each entry with the annotations of `src/nlp` when that layer is there.
 */
import { annotateEntry, loadKnowledge } from '../src/nlp/index.js';
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

/** Annotates an entry; null runs the evaluation without annotation features. */
export type Annotator = ((entry: Entry) => Annotations) | null;

/** The annotator of `src/nlp`, with the shipped knowledge loaded once. */
export async function loadAnnotator(): Promise<Annotator> {
  const knowledge = loadKnowledge();
  return (entry) => annotateEntry(entry, { knowledge }).annotations;
}

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

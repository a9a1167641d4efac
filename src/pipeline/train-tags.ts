import type { Archive } from '../archive/index.js';
import type { Entry, SummaryLine } from '../model/index.js';
import { annotateEntry, type Knowledge } from '../nlp/index.js';
import { readGlossary, readWritingRules } from './tag-store.js';
import { tagTexts } from './tag-texts.js';
import {
  DEFAULT_TAG_MODEL_OPTIONS,
  entryLabels,
  labelledExample,
  learnStyle,
  trainTagModel,
  type AnnotatedEntry,
  type Glossary,
  type LabelledExample,
  type SummaryStyle,
  type TagModel,
  type Taxonomy,
  type WritingRules,
} from '../tagging/index.js';

/** A model and a style, with what they were learned from. */
export interface TrainedTags {
  model: TagModel;
  style: SummaryStyle;
  /** Entries read from the archive. */
  entries: number;
  /** Of those, entries with summary lines: the training examples. */
  labelled: number;
}

export interface TrainTagsOptions {
  taxonomy: Taxonomy;
  knowledge: Knowledge;
  /** English words to Japanese for English tag descriptions; the shipped glossary by default. */
  glossary?: Glossary;
  /** The writer's words, to clean past quotes as the writer does; the shipped ones by default. */
  rules?: WritingRules;
}

// The style is learned from the most recent lines and annotated entries only, so training
// memory stays flat on a large archive; habits show well within these.
const STYLE_LINES = 50_000;
const STYLE_HISTORY = 2_000;

/**
 * Trains a tag model and learns the summary style from every labelled entry of the archive
 * (`kirinuki train`), each annotated on the way. Entries without summary lines are not
 * examples: unlabelled is not "no tag fits". An archive of up to the model's cross-fit limit
 * (5,000 labelled entries) is trained in several passes; a larger one is streamed in one.
 *
 * @example
 * const { model, style, labelled } = trainTagsFromArchive(archive, { taxonomy, knowledge });
 */
export function trainTagsFromArchive(archive: Archive, options: TrainTagsOptions): TrainedTags {
  function* entries(): Generator<Entry> {
    for (const stored of archive.allEntries()) yield stored.entry;
  }
  return trainTagsOnEntries(entries(), options);
}

/** {@link trainTagsFromArchive} over any entries (the demo trains on some days only). */
export function trainTagsOnEntries(
  entries: Iterable<Entry>,
  options: TrainTagsOptions,
): TrainedTags {
  const counts = { entries: 0, labelled: 0 };
  const lines = new Recent<SummaryLine>(STYLE_LINES);
  const history = new Recent<AnnotatedEntry>(STYLE_HISTORY);
  function* examples(): Generator<LabelledExample> {
    for (const entry of entries) {
      counts.entries += 1;
      if (entryLabels(entry).length === 0) continue;
      counts.labelled += 1;
      const item = annotatedEntry(entry, options.knowledge);
      lines.push(...entry.summaries);
      history.push(item);
      yield labelledExample(entry, item.annotations);
    }
  }
  const model = trainTagModel(smallAsArray(examples()), {
    taxonomy: options.taxonomy,
    glossary: options.glossary ?? readGlossary(),
  });
  const style = learnStyle(
    lines.items(),
    { entries: history.items(), rules: options.rules ?? readWritingRules() },
    tagTexts(options.taxonomy),
  );
  return { model, style, ...counts };
}

/**
 * The examples as an array when there are few enough for multi-pass training, else as a
 * stream that starts with the ones already read.
 */
function smallAsArray(stream: Iterator<LabelledExample>): Iterable<LabelledExample> {
  const head: LabelledExample[] = [];
  for (let next = stream.next(); !next.done; next = stream.next()) {
    head.push(next.value);
    if (head.length > DEFAULT_TAG_MODEL_OPTIONS.crossFitLimit)
      return (function* () {
        yield* head;
        for (let n = stream.next(); !n.done; n = stream.next()) yield n.value;
      })();
  }
  return head;
}

/** The last `limit` items pushed, in order. */
class Recent<T> {
  private buffer: T[] = [];
  constructor(private readonly limit: number) {}

  push(...items: T[]): void {
    this.buffer.push(...items);
    if (this.buffer.length > 2 * this.limit) this.buffer = this.buffer.slice(-this.limit);
  }

  items(): T[] {
    return this.buffer.slice(-this.limit);
  }
}

/** An entry with its annotations, as training and suggestion read it. */
export function annotatedEntry(entry: Entry, knowledge: Knowledge): AnnotatedEntry {
  return { entry, annotations: annotateEntry(entry, { knowledge }).annotations };
}

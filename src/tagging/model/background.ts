import type { Entry } from '../../model/index.js';
import type { DescriptionTerms } from '../features/description.js';
import {
  addToBackground,
  BACKGROUND_SAMPLE,
  type TermBackground,
} from '../features/description-score.js';
import { entryTexts } from '../features/extract.js';
import type { LabelledExample } from './examples.js';

/**
 * Counts an entry's text (headline and the body the features read) into the description
 * words' background, in place.
 *
 * @example
 * countEntry(model.background, model.descriptions, entry, 1500);
 */
export function countEntry(
  background: TermBackground,
  descriptions: readonly DescriptionTerms[],
  entry: Entry,
  maxBodyChars: number,
): void {
  if (descriptions.length === 0) return;
  const { head, body } = entryTexts(entry, maxBodyChars);
  addToBackground(background, descriptions, `${head}\n${body}`);
}

/**
 * The examples, counted into the background as they pass: an array at once, any other
 * iterable lazily (a stream is read once). Only the first `BACKGROUND_SAMPLE` entries count:
 * how common a word is shows well within them, and each costs a scan per description word.
 *
 * @example
 * const examples = countingBackground(archiveStream, background, descriptions, 1500);
 */
export function countingBackground(
  examples: Iterable<LabelledExample>,
  background: TermBackground,
  descriptions: readonly DescriptionTerms[],
  maxBodyChars: number,
): Iterable<LabelledExample> {
  if (descriptions.length === 0) return examples;
  const count = (ex: LabelledExample): void => {
    if (background.docs < BACKGROUND_SAMPLE)
      countEntry(background, descriptions, ex.entry, maxBodyChars);
  };
  if (Array.isArray(examples)) {
    (examples as LabelledExample[]).forEach(count);
    return examples;
  }
  return (function* () {
    for (const ex of examples) {
      count(ex);
      yield ex;
    }
  })();
}

import type { Entry } from '../model/index.js';
import type { ImportBatch } from './archive.js';

/**
 * What every backend reads the same way from an `ImportBatch` while filing it.
 */

/**
 * A record's own property: entry ids come from input and may be `__proto__`.
 *
 * @example
 * ownField(batch.stories, entry.id) ?? entry.id;
 */
export function ownField<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * The batches of an import in words, for its error messages: sources and the span of days.
 *
 * @example
 * describeBatches([{ source: 'a.txt', day: '2024-03-04', … }]); // 'a.txt (2024-03-04)'
 */
export function describeBatches(batches: readonly ImportBatch[]): string {
  const sources = [...new Set(batches.map((b) => b.source))].join(', ');
  const days = batches.map((b) => b.day).sort();
  const span = days.length > 1 ? `${days[0]}…${days[days.length - 1]}` : (days[0] ?? 'no day');
  return `${sources || 'nothing'} (${span})`;
}

/**
 * Speakers named in the summary lines' quote segments, distinct, in order: what `speaker:`
 * finds from the curator's lines.
 *
 * @example
 * summarySpeakers(entry); // ['ゼレンスキー大統領']
 */
export function summarySpeakers(entry: Entry): string[] {
  const names = new Set<string>();
  for (const line of entry.summaries)
    for (const seg of line.segments)
      if (seg.kind === 'quote' && seg.speaker !== null && seg.speaker.trim() !== '')
        names.add(seg.speaker.trim());
  return [...names];
}

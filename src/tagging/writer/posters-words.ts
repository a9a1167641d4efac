import type { Quote, SourceKind } from '../../model/index.js';
import { sameSpeaker } from './same-speaker.js';

/**
 * A commentary post's quotes, with the poster's own words told apart: in an individual's post,
 * a statement whose speaker is only carried over from an earlier sentence, by someone the post
 * quotes nowhere else, is the poster's conclusion (`…要するに…という事だ` after a sentence about
 * a party), not words of whoever that sentence was about. Such a quote loses its speaker, so the
 * writer credits the account. An outlet's report is returned as it is.
 *
 * @example
 * postersWords(annotations.quotes, annotations.source)[0]?.speaker; // null for `要するに…` carried from `民主党は…実行した`
 */
export function postersWords(quotes: readonly Quote[], source: SourceKind | null): Quote[] {
  if (source?.kind !== 'individual') return [...quotes];
  return quotes.map((q) => {
    if (q.attribution !== 'carried') return q;
    const spokeElsewhere = quotes.some(
      (o) => o !== q && o.attribution !== 'carried' && sameSpeaker(o, q),
    );
    if (spokeElsewhere) return q;
    return { ...q, speaker: null, canonical: null, org: null, attribution: 'unknown' as const };
  });
}

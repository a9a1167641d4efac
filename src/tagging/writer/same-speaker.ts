import type { Quote } from '../../model/index.js';

/**
 * Whether two quotes have one speaker: the same person or body by canonical name when both
 * have one, else the same speaker as written.
 *
 * @example
 * sameSpeaker({ ...a, canonical: 'ゼレンスキー' }, { ...b, canonical: 'ゼレンスキー' }); // true
 */
export function sameSpeaker(
  a: Pick<Quote, 'speaker' | 'canonical'>,
  b: Pick<Quote, 'speaker' | 'canonical'>,
): boolean {
  if (a.canonical !== null && b.canonical !== null) return a.canonical === b.canonical;
  return a.speaker !== null && a.speaker === b.speaker;
}

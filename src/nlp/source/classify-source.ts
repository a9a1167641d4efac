import type { SourceKind } from '../../model/index.js';
import type { Knowledge } from '../knowledge/index.js';

/** Who posted: the handle and display name from the embed, when there is one. */
export interface SourceHint {
  handle?: string | null;
  authorName?: string | null;
}

const EMOJI = /\p{Extended_Pictographic}|\uD83C[\uDDE6-\uDDFF]/gu;
const OPINION = /だろう|ではないか|のか[?？]|[!！]|要するに|皮肉な事に|狂気|正気/g;
const REPORT =
  /によると|と述べ|と発表|しました|しています|としています|https?:\/\/t\.co\/\S+\s*$/gm;

/**
 * News outlet or individual commentary: a known outlet handle or name decides; otherwise the
 * shape of the text does — emoji and opinion markers for commentary, attribution and the polite
 * reporting style for outlets.
 *
 * @example
 * classifySource('…', { handle: 'ReutersJapan' }, k); // { kind: 'outlet', outlet: 'ロイター', … }
 */
export function classifySource(text: string, hint: SourceHint, k: Knowledge): SourceKind {
  const byHandle = hint.handle ? k.outletHandles.get(hint.handle.toLowerCase()) : undefined;
  if (byHandle)
    return { kind: 'outlet', outlet: byHandle, reasons: [`handle @${hint.handle ?? ''}`] };
  const byName = hint.authorName
    ? k.gazetteer.scan(hint.authorName).find((m) => m.value.outlet)
    : undefined;
  if (byName)
    return {
      kind: 'outlet',
      outlet: byName.value.canonical,
      reasons: [`name ${hint.authorName ?? ''}`],
    };
  const emoji = count(text, EMOJI) + count(hint.authorName ?? '', EMOJI);
  const opinion = count(text, OPINION);
  const report = count(text, REPORT);
  const reasons = [`emoji ${emoji}`, `opinion markers ${opinion}`, `reporting markers ${report}`];
  const individual = Math.min(emoji, 4) + opinion;
  if (individual >= 2 && individual > report) return { kind: 'individual', outlet: null, reasons };
  if (report >= 2 && report > individual) return { kind: 'outlet', outlet: null, reasons };
  return { kind: 'unknown', outlet: null, reasons };
}

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

import { classifyLine } from './classify.js';

/** How far into a file to look for the lines that mark a clip document. */
const PROBE_LINES = 200;

/**
 * Whether text is a clip document: some line near the start is a post attribution or a
 * summary line. Other text (feeds, HTML, exports, pastes) goes to the ingest importers.
 *
 * @example
 * looksLikeClipDocument('見出し\n— ロイター (@ReutersJapan) January 18, 2024'); // true
 */
export function looksLikeClipDocument(text: string): boolean {
  let start = 0;
  for (let n = 0; n < PROBE_LINES && start < text.length; n += 1) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const kind = classifyLine(text.slice(start, end).replace(/\r$/, '')).kind;
    if (kind === 'attribution' || kind === 'summary') return true;
    start = end + 1;
  }
  return false;
}

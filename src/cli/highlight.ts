import type { Snippet } from '../archive/index.js';

/** Marks a snippet's highlights: bold on a terminal, «…» elsewhere. */
export function markSnippet(snippet: Snippet, tty: boolean): string {
  const [open, close] = tty ? ['\u001b[1;33m', '\u001b[0m'] : ['«', '»'];
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    out += snippet.text.slice(at, start) + open + snippet.text.slice(start, end) + close;
    at = end;
  }
  return (out + snippet.text.slice(at)).replace(/\s*\n\s*/g, ' ');
}

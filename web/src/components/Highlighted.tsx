import type { Range } from '../api/types.js';
import { splitHighlights } from '../lib/highlight.js';

/**
 * A search snippet: text nodes, with the hit ranges in `<mark>` — never HTML.
 *
 * @example
 *   <Highlighted text="停戦交渉" highlights={[[0, 2]]} /> // <mark>停戦</mark>交渉
 */
export function Highlighted(props: { text: string; highlights: readonly Range[] }) {
  return (
    <>
      {splitHighlights(props.text, props.highlights).map((piece, index) =>
        piece.marked ? <mark key={index}>{piece.text}</mark> : piece.text,
      )}
    </>
  );
}

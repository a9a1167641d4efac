import type { Span } from '../../model/index.js';

/**
 * Where a curator's quote breaks into pieces that each stand somewhere in the text: sentence and
 * clause marks, ellipses (`…`, `...`, `‥`, and `・・・` written with middle dots), the mark of a
 * passage left out (`(中略)`, `（略）`), the slash a curator joins passages with, full-width
 * spaces, and nested brackets (`将軍『…』`: the name and the nested quote are pieces of their own).
 * A single middle dot joins words (`予見可能・管理可能`) and does not break.
 */
const BREAKS =
  /[。、，,．｡､!?！？…‥/／\u3000「」『』“”]|\.{2,}|[・･]{2,}|[(（〔［[]\s*[前中後]?略\s*[)）〕］\]]/gu;

/**
 * The pieces of a quote as `[start, end)` ranges of it, empty pieces left out.
 *
 * @example
 * quotePieces('偽りだ。崩壊する…いなくなる').map((p) => p.text); // ['偽りだ', '崩壊する', 'いなくなる']
 */
export function quotePieces(quote: string): (Span & { text: string })[] {
  const out: (Span & { text: string })[] = [];
  let at = 0;
  const push = (end: number): void => {
    const text = quote.slice(at, end);
    if (text.trim() !== '') out.push({ start: at, end, text });
  };
  for (const m of quote.matchAll(BREAKS)) {
    push(m.index);
    at = m.index + m[0].length;
  }
  push(quote.length);
  // A single character between two marks (`』と『`) stands anywhere in any text: it is no
  // evidence either way, so it is not a piece — unless it is all the quote has.
  const telling = out.filter((p) => p.text.trim().length > 1);
  return telling.length > 0 ? telling : out;
}

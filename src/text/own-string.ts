/**
 * V8 makes a substring of 13 or more UTF-16 units (`slice`, `trim`, a regular expression's
 * match) a view of the string it was cut from, which then stays in memory as long as the
 * substring does.
 */
const SLICED_FROM = 13;

/**
 * The same text as a string of its own: a name kept after the text it was found in is done
 * with does not keep that text alive. An import keeps each entry's names until the entry is
 * filed; as views, the names of a paste's 349 parts held each part's annotated text, 38 MB of
 * a 50 MB paste's heap.
 *
 * @example
 * const name = text.slice(10, 24); // a view of `text`
 * ownString(name) === name; // true: equal text, but it no longer holds `text`
 */
export function ownString(text: string): string {
  // `join` writes a new flat string; shorter substrings are copies already.
  return text.length < SLICED_FROM ? text : text.split('').join('');
}

const TAG_END = /[\s#＃()（）]/;

/**
 * The tag of a line that opens like a summary line (`#Tag(` or `＃Tag（`), or null.
 *
 * @example
 *   tagOfLine('#ウクライナ戦況(東部・国防省「…」)'); // 'ウクライナ戦況'
 */
export function tagOfLine(line: string): string | null {
  const trimmed = line.trimStart();
  if (!trimmed.startsWith('#') && !trimmed.startsWith('＃')) return null;
  const rest = trimmed.slice(1);
  const end = rest.search(TAG_END);
  if (end <= 0) return null;
  const opener = rest[end];
  return opener === '(' || opener === '（' ? rest.slice(0, end) : null;
}

/**
 * A tag as typed, cleaned to what a summary line can carry: no `#`, spaces or brackets.
 *
 * @example
 *   cleanTag(' #露朝 '); // '露朝'
 */
export function cleanTag(tag: string): string {
  return tag.replace(/[\s#＃()（）]/g, '');
}

/**
 * The summary line with its tag replaced; a line that is not `#Tag(…)` becomes the content of
 * one, and an empty line becomes `#Tag()`.
 *
 * @example
 *   retagLine('#露斯(イラン製無人機)', '露朝'); // '#露朝(イラン製無人機)'
 *   retagLine('停戦協議', '和平'); // '#和平(停戦協議)'
 */
export function retagLine(line: string, tag: string): string {
  const clean = cleanTag(tag);
  const current = tagOfLine(line);
  if (current !== null) {
    const trimmed = line.trim();
    return `#${clean}${trimmed.slice(1 + current.length)}`;
  }
  return `#${clean}(${line.trim()})`;
}

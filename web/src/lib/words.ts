/**
 * A count with its noun, singular or plural.
 *
 * @example
 *   counted(1, 'entry', 'entries'); // '1 entry'
 *   counted(3, 'entry', 'entries'); // '3 entries'
 */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

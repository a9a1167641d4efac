/**
 * A count with its Japanese counter word (件, 人, 回…), as the workbench writes numbers.
 *
 * @example
 *   counted(1, '件'); // '1件'
 *   counted(3, '件の引用'); // '3件の引用'
 */
export function counted(n: number, counter: string): string {
  return `${n}${counter}`;
}

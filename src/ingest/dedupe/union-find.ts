/**
 * Disjoint sets over `0..n-1` with path halving and union by size.
 *
 * @example
 * const u = new UnionFind(3); u.union(0, 2); u.find(2) === u.find(0); // true
 */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.size = new Int32Array(n).fill(1);
  }

  find(x: number): number {
    let i = x;
    while (this.parent[i] !== i) {
      const grand = this.parent[this.parent[i] as number] as number;
      this.parent[i] = grand;
      i = grand;
    }
    return i;
  }

  union(a: number, b: number): void {
    let [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return;
    if ((this.size[ra] as number) < (this.size[rb] as number)) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] = (this.size[ra] as number) + (this.size[rb] as number);
  }

  /** The sets with their members in ascending order, sets ordered by their first member. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < this.parent.length; i += 1) {
      const root = this.find(i);
      const group = byRoot.get(root);
      if (group) group.push(i);
      else byRoot.set(root, [i]);
    }
    return [...byRoot.values()];
  }
}

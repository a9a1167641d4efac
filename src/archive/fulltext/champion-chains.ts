import { widened } from './typed-arrays.js';
/**
 * Short lists of (entry, frequency), many of them in three typed arrays, each list a chain
 * from its newest item back. The champion lists' pass keeps a key's entries this way until
 * its heaps would be full: most keys are held by few entries, and two heaps each would cost
 * them far more. Freed items are reused.
 *
 * @example
 * const chains = new ChampionChains();
 * let head = chains.push(-1, 1, 3);
 * head = chains.push(head, 2, 1);
 * chains.items(head); // [[1, 3], [2, 1]], oldest first
 */
export class ChampionChains {
  private entries = new Int32Array(1024);
  private tfs = new Int32Array(1024);
  private next = new Int32Array(1024);
  /** Items handed out and not freed. */
  held = 0;
  private used = 0;
  /** The first free item, chained through `next` (-1: none). */
  private free = -1;

  /** Adds an item before `head` (-1: a new chain); returns the new head. */
  push(head: number, entry: number, tf: number): number {
    let at = this.free;
    if (at >= 0) this.free = this.next[at] as number;
    else {
      if (this.used === this.next.length) this.grow();
      at = this.used;
      this.used += 1;
    }
    this.entries[at] = entry;
    this.tfs[at] = tf;
    this.next[at] = head;
    this.held += 1;
    return at;
  }

  /** A chain's items, oldest first. */
  items(head: number): [entry: number, tf: number][] {
    const out: [number, number][] = [];
    for (let at = head; at >= 0; at = this.next[at] as number)
      out.push([this.entries[at] as number, this.tfs[at] as number]);
    return out.reverse();
  }

  /** Gives a chain's items back. */
  release(head: number): void {
    let at = head;
    while (at >= 0) {
      const after = this.next[at] as number;
      this.next[at] = this.free;
      this.free = at;
      this.held -= 1;
      at = after;
    }
  }

  private grow(): void {
    const size = this.next.length * 2;
    this.entries = widened(this.entries, size);
    this.tfs = widened(this.tfs, size);
    this.next = widened(this.next, size);
  }
}

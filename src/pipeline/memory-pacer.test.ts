import { describe, expect, it } from 'vitest';
import { MemoryPacer } from './memory-pacer.js';

describe('MemoryPacer', () => {
  it('collects each time the work done since the last collection reaches its pace', () => {
    let collections = 0;
    const pacer = new MemoryPacer(100, () => (collections += 1));
    pacer.done(60);
    expect(collections).toBe(0);
    pacer.done(40);
    expect(collections).toBe(1);
    pacer.done(99);
    expect(collections).toBe(1);
    pacer.done(250);
    expect(collections).toBe(2);
  });

  it('runs a real full collection by default, without --expose-gc', () => {
    // A finalisation registry sees an unreachable object go only after a collection.
    const pacer = new MemoryPacer(1);
    let gone = false;
    const registry = new FinalizationRegistry(() => (gone = true));
    (() => registry.register({ big: new Array<number>(1000).fill(1) }, 'x'))();
    pacer.done(1);
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(gone).toBe(true);
        resolve();
      }, 50),
    );
  });
});

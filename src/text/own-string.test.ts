import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ownString } from './own-string.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in use after full collections. */
function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Keeps a 20-unit name cut from each of 40 texts of 1 MB, and returns the heap they hold. */
function heldBy(keep: (name: string) => string): number {
  const before = heapUsed();
  const names: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    const text =
      String.fromCharCode(0x3042 + i).repeat(500_000) +
      `ゼレンスキー大統領の側近ポドリャク顧問${i}`;
    names.push(keep(text.slice(500_000, 500_020)));
  }
  const held = heapUsed() - before;
  expect(names.every((n) => n.startsWith('ゼレンスキー大統領'))).toBe(true);
  return held;
}

describe('ownString', () => {
  it('keeps the text and none of the string it was cut from', () => {
    // As views, the names hold the 40 MB of their texts; as strings of their own, a few KB.
    expect(heldBy((name) => name)).toBeGreaterThan(30_000_000);
    expect(heldBy(ownString)).toBeLessThan(5_000_000);
  });

  it('gives equal text, short or long', () => {
    expect(ownString('')).toBe('');
    expect(ownString('停戦')).toBe('停戦');
    const long = '「主導権は我々にある」と述べたプーチン大統領🇷🇺';
    expect(ownString(long.slice(2))).toBe(long.slice(2));
  });
});

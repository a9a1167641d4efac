import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8 } from './decode.js';

describe('decodeUtf8', () => {
  it('decodes valid UTF-8, keeping a BOM for the parser to record', () => {
    const r = decodeUtf8(new TextEncoder().encode('\uFEFF露朝'));
    expect(r).toEqual({ ok: true, value: '\uFEFF露朝' });
  });

  it('names the byte offset of the first invalid sequence', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('停戦'), 0xe5, 0x41]);
    const r = decodeUtf8(bytes, 'bad.txt');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ byteOffset: 6, file: 'bad.txt' });
  });

  it('agrees with the platform decoder on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        return valid === (firstInvalidUtf8(bytes) === bytes.length);
      }),
      { numRuns: 2000 },
    );
  });
});

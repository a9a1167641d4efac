import type { Diagnostic, Result } from '../model/index.js';

/**
 * Decodes UTF-8 bytes strictly: invalid input is an error naming the first bad byte's offset,
 * never a silent U+FFFD.
 *
 * @example
 * decodeUtf8(new Uint8Array([0x61, 0xff]), 'a.txt');
 * // { ok: false, error: { message: 'format: invalid UTF-8 at byte 1', byteOffset: 1, … } }
 */
export function decodeUtf8(bytes: Uint8Array, file?: string): Result<string, Diagnostic> {
  try {
    return {
      ok: true,
      value: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
    };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      ok: false,
      error: {
        severity: 'error',
        message: `format: invalid UTF-8 at byte ${at}`,
        byteOffset: at,
        ...(file === undefined ? {} : { file }),
      },
    };
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return bytes.length;
}

function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i] ?? 0;
  if (c < 0x80) return 1;
  const [len, lo, hi] =
    c >= 0xc2 && c <= 0xdf ? [2, 0x80, 0xbf]
    : c === 0xe0 ? [3, 0xa0, 0xbf]
    : c === 0xed ? [3, 0x80, 0x9f]
    : c >= 0xe1 && c <= 0xef ? [3, 0x80, 0xbf]
    : c === 0xf0 ? [4, 0x90, 0xbf]
    : c === 0xf4 ? [4, 0x80, 0x8f]
    : c >= 0xf1 && c <= 0xf3 ? [4, 0x80, 0xbf]
    : [0, 0, 0]; // prettier-ignore
  if (len === 0 || i + len > b.length) return 0;
  const second = b[i + 1] ?? 0;
  if (second < lo || second > hi) return 0;
  for (let k = 2; k < len; k += 1) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return 0;
  return len;
}

import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/** Why a body could not be read. */
export type BodyFailure =
  { kind: 'too-large'; message: string } | { kind: 'decoding'; message: string };

/**
 * Reads a response body, stopping (and destroying the stream) as soon as it passes `maxBytes`:
 * an endless body costs `maxBytes` and no more.
 *
 * @example
 * const r = await readCapped(response.body, 10_000_000);
 */
export async function readCapped(
  body: AsyncIterable<Uint8Array> & { destroy(error?: Error): unknown },
  maxBytes: number,
): Promise<{ ok: true; value: Uint8Array } | { ok: false; error: BodyFailure }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      body.destroy();
      return {
        ok: false,
        error: { kind: 'too-large', message: `ingest: body larger than ${maxBytes} bytes` },
      };
    }
    chunks.push(chunk);
  }
  return { ok: true, value: Buffer.concat(chunks) };
}

/**
 * Most content codings one body may stack (`Content-Encoding: gzip, br`). Each is undone
 * synchronously up to `maxBytes`, so without a cap a 16 KB header of `gzip,` × 3,000 over
 * stored-block layers costs 3,000 full decompressions (200 layers of 9 MB: 1.8 s past a 1 s
 * limit), and no timer can interrupt it. curl caps the chain at 5 for the same reason
 * (CVE-2022-32206); no server sends more than two.
 */
const MAX_CONTENT_CODINGS = 5;

/**
 * Undoes `Content-Encoding` (gzip, deflate — zlib-wrapped or raw, as servers disagree — and
 * br), refusing to produce more than `maxBytes`: a gzip bomb stops at the cap, not in memory
 * exhaustion. Unknown encodings and chains longer than `MAX_CONTENT_CODINGS` are an error;
 * `identity` and none pass through.
 *
 * @example
 * decodeContent(gzipped, 'gzip', 10_000_000); // { ok: true, value: <bytes> }
 */
export function decodeContent(
  raw: Uint8Array,
  encoding: string | undefined,
  maxBytes: number,
): { ok: true; value: Uint8Array } | { ok: false; error: BodyFailure } {
  const codings = (encoding ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.length > MAX_CONTENT_CODINGS) {
    const message = `ingest: body has ${codings.length} content codings; at most ${MAX_CONTENT_CODINGS} are undone`;
    return { ok: false, error: { kind: 'decoding', message } };
  }
  let data = raw;
  try {
    for (const coding of codings.reverse()) data = decodeOne(data, coding, maxBytes);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      return {
        ok: false,
        error: {
          kind: 'too-large',
          message: `ingest: body decompresses to more than ${maxBytes} bytes`,
        },
      };
    }
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: { kind: 'decoding', message: `ingest: cannot decode ${encoding} body: ${message}` },
    };
  }
  return { ok: true, value: data };
}

function decodeOne(data: Uint8Array, coding: string, maxBytes: number): Uint8Array {
  const limit = { maxOutputLength: maxBytes };
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(data, limit);
    case 'deflate':
      try {
        return inflateSync(data, limit);
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw e;
        return inflateRawSync(data, limit);
      }
    case 'br':
      return brotliDecompressSync(data, limit);
    default:
      throw new Error(`unsupported content-encoding "${coding}"`);
  }
}

import type { Diagnostic } from '../../model/index.js';
import { ingestDiagnostic } from './diagnostics.js';

/** Text decoded from bytes, with the encoding used and how it was chosen. */
export interface DecodedText {
  text: string;
  /** WHATWG encoding name: `utf-8`, `shift_jis`, `euc-jp`, … */
  encoding: string;
  source: 'bom' | 'http' | 'declaration' | 'sniffed' | 'fallback';
  diagnostics: Diagnostic[];
}

export interface DecodeOptions {
  /** File name or URL, for diagnostics. */
  file: string;
  /** The `charset` parameter of the HTTP Content-Type, when fetched. */
  httpCharset?: string;
}

/**
 * Decodes bytes whose encoding is declared, misdeclared or not declared at all — Japanese
 * sites still serve Shift_JIS and EUC-JP, and some declare UTF-8 while sending Shift_JIS.
 * Order: byte-order mark, HTTP charset, XML declaration or HTML `<meta charset>`, then
 * sniffing. A declared encoding the bytes are not valid in is overridden by sniffing, with a
 * warning naming the first bad byte; bytes valid in no candidate decode as UTF-8 with U+FFFD
 * and an error at the first bad byte.
 *
 * @example
 * decodeBytes(sjisBytes, { file: 'feed.xml' }).encoding; // 'shift_jis'
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeLoose(bytes, bom), encoding: bom, source: 'bom', diagnostics: [] };
  const declared = [
    { label: options.httpCharset, source: 'http' as const },
    { label: declaredInBytes(bytes), source: 'declaration' as const },
  ];
  const diagnostics: Diagnostic[] = [];
  for (const { label, source } of declared) {
    if (label === undefined) continue;
    const encoding = encodingFor(label);
    if (encoding === null) {
      diagnostics.push(warn(options.file, `unknown charset "${label}" ignored`));
      continue;
    }
    if (decodeStrict(bytes, encoding) !== null) {
      return { text: decodeLoose(bytes, encoding), encoding, source, diagnostics };
    }
    const at = firstInvalidByte(bytes, encoding);
    diagnostics.push(warn(options.file, `declared charset ${encoding} does not fit the bytes`, at));
  }
  return sniff(bytes, options.file, diagnostics);
}

/** Tries UTF-8, Shift_JIS and EUC-JP in that order: the first that decodes cleanly wins. */
function sniff(bytes: Uint8Array, file: string, diagnostics: Diagnostic[]): DecodedText {
  const candidates = ['utf-8', ...rankLegacy(bytes)];
  for (const encoding of candidates) {
    const text = decodeStrict(bytes, encoding);
    if (text !== null) return { text, encoding, source: 'sniffed', diagnostics };
  }
  const at = firstInvalidByte(bytes, 'utf-8');
  diagnostics.push(
    ingestDiagnostic(
      file,
      'bytes are not valid UTF-8, Shift_JIS or EUC-JP; invalid bytes replaced',
      {
        byteOffset: at,
      },
    ),
  );
  return { text: decodeLoose(bytes, 'utf-8'), encoding: 'utf-8', source: 'fallback', diagnostics };
}

/**
 * Shift_JIS and EUC-JP overlap: EUC-JP text is mostly pairs of bytes ≥ 0xA1, which Shift_JIS
 * reads as half-width katakana. More high bytes in 0x81–0x9F (Shift_JIS lead bytes, unused in
 * EUC-JP except 0x8E/0x8F) means Shift_JIS.
 */
function rankLegacy(bytes: Uint8Array): string[] {
  let sjisLead = 0;
  let eucPair = 0;
  const end = Math.min(bytes.length, 65536);
  for (let i = 0; i < end; i += 1) {
    const b = bytes[i] as number;
    if (b >= 0x81 && b <= 0x9f && b !== 0x8e && b !== 0x8f) sjisLead += 1;
    else if (b >= 0xa1 && b <= 0xfe && (bytes[i + 1] ?? 0) >= 0xa1) {
      eucPair += 1;
      i += 1;
    }
  }
  return sjisLead >= eucPair / 4 ? ['shift_jis', 'euc-jp'] : ['euc-jp', 'shift_jis'];
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

const XML_DECL = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/i;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)/i;

/** The encoding named by an XML declaration or an HTML meta tag in the first 2 KB. */
function declaredInBytes(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return XML_DECL.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1];
}

/** Labels Node's TextDecoder does not know but Japanese sites use. */
const ALIASES: Record<string, string> = {
  cp932: 'shift_jis',
  ms932: 'shift_jis',
  'x-euc': 'euc-jp',
};

/**
 * The WHATWG encoding for a charset label, or `null` when unknown.
 *
 * @example
 * encodingFor('Windows-31J'); // 'shift_jis'
 */
export function encodingFor(label: string): string | null {
  const key = label.trim().toLowerCase();
  try {
    return new TextDecoder(ALIASES[key] ?? key).encoding;
  } catch {
    return null;
  }
}

function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeLoose(bytes: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * The offset of the first byte that cannot be decoded: the shortest prefix that fails to
 * decode in streaming mode (where an unfinished sequence at the end is not yet an error),
 * found by binary search.
 */
export function firstInvalidByte(bytes: Uint8Array, encoding: string): number {
  let lo = 0;
  let hi = bytes.length;
  const fails = (n: number): boolean => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  if (!fails(hi)) return hi;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (fails(mid)) hi = mid;
    else lo = mid;
  }
  return lo;
}

function warn(file: string, message: string, byteOffset?: number): Diagnostic {
  return ingestDiagnostic(file, message, byteOffset === undefined ? {} : { byteOffset }, 'warning');
}

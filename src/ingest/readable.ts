import { isArchiveDump } from '../format/archive-dump/index.js';
import { detectImportFormat } from './import-bytes.js';

/**
 * File name endings a folder import takes: the kinds kirinuki reads (clip documents and
 * pastes as text, pages, feeds, blog archives, Telegram exports). A file named on its own is
 * read whatever its name; a folder also holds notes, models and databases that are not clips.
 */
export const IMPORTABLE_EXTENSIONS = [
  '.txt', '.text', '.html', '.htm', '.xhtml', '.xml', '.rss', '.atom', '.rdf', '.json',
]; // prettier-ignore

/**
 * Whether a folder import takes this file, by its name.
 *
 * @example
 * isImportableName('2024-03-04.txt'); // true
 * isImportableName('README.md'); // false
 */
export function isImportableName(name: string): boolean {
  const lower = name.toLowerCase();
  return IMPORTABLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

// Leading bytes of common binary formats: an archive, a program or an image is not a clip.
const MAGIC: readonly (readonly [string, readonly number[]])[] = [
  ['an ELF program', [0x7f, 0x45, 0x4c, 0x46]],
  ['a SQLite database', [...'SQLite format 3'].map((c) => c.charCodeAt(0))],
  ['a PDF file', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
];

/** How much of the start of a file is looked at. */
const SNIFF = 65_536;

/**
 * Why these bytes are not something kirinuki imports, or null when they may be: a binary
 * (known leading bytes, or a NUL byte in text that has no UTF-16 byte order mark), or JSON
 * that is none of the JSON kinds kirinuki reads (a taxonomy, a model file), or an archive dump,
 * which only its own reader restores. Pure.
 *
 * @example
 * unreadableReason('a.bin', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2])); // 'an ELF program'
 * unreadableReason('day.txt', utf8('停戦…')); // null
 */
export function unreadableReason(name: string, bytes: Uint8Array): string | null {
  for (const [what, magic] of MAGIC)
    if (magic.every((b, i) => bytes[i] === b)) return `${what}, not text`;
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16) {
    const nul = bytes.subarray(0, SNIFF).indexOf(0);
    if (nul >= 0) return `binary data, not text (a NUL byte at byte ${nul})`;
  }
  // A dump is the whole archive, restored by its own reader (`kirinuki import` of the file),
  // never filed as one pasted entry.
  if (isArchiveDump(bytes))
    return 'a kirinuki archive dump: restore it with `kirinuki import FILE`, not as clips';
  if (looksLikeJson(bytes) && detectImportFormat(name, bytes) === 'paste')
    return 'JSON that is not a Telegram export, an oEmbed answer or a JSON Feed';
  return null;
}

/** JSON as a whole (`[速報] …` opens a paste with a bracket and is no JSON). */
function looksLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || (bytes[i] ?? 0) <= 0x0d)) i += 1;
  if (bytes[i] !== 0x7b /* { */ && bytes[i] !== 0x5b /* [ */) return false;
  try {
    JSON.parse(new TextDecoder().decode(bytes.subarray(i)));
    return true;
  } catch {
    return false;
  }
}

import { createHash } from 'node:crypto';

/** The URL namespace of name-based UUIDs (RFC 9562 §6.6). */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/**
 * A name-based UUID, version 5 (RFC 9562 §5.5): SHA-1 of the namespace's 16 bytes and the
 * name's UTF-8, cut to 16 bytes, with the version and variant bits set.
 *
 * @example
 * nameBasedUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com');
 * // '2ed6657d-e927-568b-95e1-2665a8aea6a2'
 */
export function nameBasedUuid(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}

/**
 * The Atom id of a day's entry in a feed: `urn:uuid:` and the name-based UUID of
 * `<feed id> <day>` in the URL namespace — the same on every run, and unique to the feed
 * whatever IRI the feed id is (RFC 4287 §4.2.6 asks for ids that never change).
 *
 * @example
 * digestEntryId('tag:example.org,2024:kirinuki', '2024-03-04'); // 'urn:uuid:…', always the same
 */
export function digestEntryId(feedId: string, day: string): string {
  return `urn:uuid:${nameBasedUuid(URL_NAMESPACE, `${feedId} ${day}`)}`;
}

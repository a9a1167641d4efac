import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Address ranges a fetch may not reach unless the host is allowed: loopback, private,
 * link-local (including cloud metadata at 169.254.169.254), carrier-grade NAT, multicast,
 * reserved, and their IPv6 counterparts. A literal table of ranges.
 */
const BLOCKED_V4 = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED_V4.addSubnet(net, bits, 'ipv4');
}
const BLOCKED_V6 = new BlockList();
for (const [net, bits] of [
  // IPv4-compatible (`::127.0.0.1`, deprecated, no public host has one), with `::` and `::1`.
  ['::', 96],
  ['64:ff9b::', 96], // NAT64: an IPv4 address behind a translator
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard-only
  ['2001::', 32], // Teredo: a tunnel to an IPv4 address
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  BLOCKED_V6.addSubnet(net, bits, 'ipv6');
}

/**
 * True for an IP address a fetch must not reach by default. IPv6 addresses that carry an IPv4
 * address — mapped (`::ffff:127.0.0.1`), translated (`::ffff:0:127.0.0.1`) and 6to4
 * (`2002:7f00:1::`) — are judged by that IPv4 address; IPv4-compatible ones (`::127.0.0.1`)
 * are refused whatever they hold. Anything that is not an IP address is refused.
 *
 * @example
 * isBlockedAddress('127.0.0.1'); // true
 * isBlockedAddress('::ffff:10.1.2.3'); // true
 * isBlockedAddress('::7f00:1'); // true (the URL host [::127.0.0.1])
 * isBlockedAddress('203.0.113.7'); // false
 */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED_V4.check(address, 'ipv4');
  if (family !== 6) return true;
  const bare = address.replace(/%.*$/, ''); // a zone id (`fe80::1%eth0`) names an interface
  const groups = ipv6Groups(bare);
  const embedded = groups === null ? null : embeddedIpv4(groups);
  if (embedded !== null) return BLOCKED_V4.check(embedded, 'ipv4');
  return groups === null || BLOCKED_V6.check(bare, 'ipv6');
}

/**
 * The IPv4 address an IPv6 address carries in its last or second and third groups, dotted, or
 * null. Node's BlockList would match a `::ffff:0:0/96` rule against every IPv4 address, so the
 * forms are unwrapped here instead.
 */
function embeddedIpv4(g: readonly number[]): string | null {
  const zeros = (from: number, to: number): boolean => g.slice(from, to).every((x) => x === 0);
  const dotted = (hi: number, lo: number): string =>
    [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  if (zeros(0, 5) && g[5] === 0xffff) return dotted(g[6] ?? 0, g[7] ?? 0); // mapped
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return dotted(g[6] ?? 0, g[7] ?? 0); // translated
  if (g[0] === 0x2002) return dotted(g[1] ?? 0, g[2] ?? 0); // 6to4
  return null;
}

/**
 * The eight 16-bit groups of an IPv6 address (`isIP` already said it is one), with `::`
 * expanded and a trailing dotted IPv4 address read as two groups; null if malformed.
 */
function ipv6Groups(address: string): number[] | null {
  const halves = address.toLowerCase().split('::');
  if (halves.length > 2) return null;
  const parts = (half: string | undefined): number[] | null => {
    if (half === undefined || half === '') return [];
    const out: number[] = [];
    for (const piece of half.split(':')) {
      if (piece.includes('.')) {
        const bytes = piece.split('.').map(Number);
        if (bytes.length !== 4 || bytes.some((b) => !(b >= 0 && b <= 255))) return null;
        const [a, b, c, d] = bytes as [number, number, number, number];
        out.push((a << 8) | b, (c << 8) | d);
      } else {
        if (!/^[0-9a-f]{1,4}$/.test(piece)) return null;
        out.push(Number.parseInt(piece, 16));
      }
    }
    return out;
  };
  const head = parts(halves[0]);
  const tail = parts(halves[1]);
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...head, ...new Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...tail];
}

/** The error a blocked address produces; `code` lets the fetcher tell it from network errors. */
export class BlockedAddressError extends Error {
  override readonly name = 'BlockedAddressError';
  readonly code = 'EKIRINUKI_BLOCKED';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    const what = 'a loopback, private or link-local address';
    // Say how to allow it: a local feed server is a legitimate source once the user says so.
    super(
      `ingest: ${host === address ? `${host} is ${what}` : `${host} resolves to ${address}, ${what}`}; refused unless the host is allowed (kirinuki fetch/watch --allow-host ${hostKey(host)})`,
    );
  }
}

/** Host names compare without IPv6 brackets and case. */
export function hostKey(host: string): string {
  return host.replace(/^\[|\]$/g, '').toLowerCase();
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** Resolves a host name to all its addresses, as `dns.lookup` with `all: true` does. */
export type Resolver = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A `dns.lookup` replacement for sockets: it resolves, then refuses when any address is
 * blocked and the host is not in `allowedHosts`. Checking at connect time, on the addresses
 * the socket will use, closes the gap a rebinding DNS server would use between a check and
 * the connection; it runs for every connection, so every redirect hop is checked. `resolve`
 * is the system resolver unless a caller (a test) gives another.
 *
 * @example
 * new Agent({ connect: { lookup: guardedLookup(new Set(['127.0.0.1'])) } });
 */
export function guardedLookup(allowedHosts: ReadonlySet<string>, resolve: Resolver = dnsLookup) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = addresses.find((a) => isBlockedAddress(a.address));
      if (bad && !allowedHosts.has(hostKey(hostname)))
        return callback(new BlockedAddressError(hostname, bad.address), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first)
        return callback(
          Object.assign(new Error(`ingest: ${hostname} has no address`), { code: 'ENOTFOUND' }),
          [],
        );
      return callback(null, first.address, first.family);
    });
  };
}

/**
 * The check for a URL whose host is an IP literal, which sockets connect to without a lookup.
 * `null` when the host may be fetched.
 */
export function literalHostBlock(
  url: URL,
  allowedHosts: ReadonlySet<string>,
): BlockedAddressError | null {
  const host = hostKey(url.hostname);
  if (isIP(host) === 0 || allowedHosts.has(host) || !isBlockedAddress(host)) return null;
  return new BlockedAddressError(host, host);
}

import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Address ranges a fetch may not reach unless the host is allowed: loopback, private,
 * link-local (including cloud metadata at 169.254.169.254), carrier-grade NAT, multicast,
 * reserved, and their IPv6 counterparts. A literal table of ranges.
 */
const BLOCKED = new BlockList();
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
  BLOCKED.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(net, bits, 'ipv6');
}

/**
 * True for an IP address a fetch must not reach by default. IPv4-mapped IPv6 addresses
 * (`::ffff:127.0.0.1`) are judged by their IPv4 address.
 *
 * @example
 * isBlockedAddress('127.0.0.1'); // true
 * isBlockedAddress('::ffff:10.1.2.3'); // true
 * isBlockedAddress('203.0.113.7'); // false
 */
export function isBlockedAddress(address: string): boolean {
  const mapped = mappedIpv4(address);
  if (mapped !== null) return BLOCKED.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The IPv4 address inside an IPv4-mapped IPv6 address, dotted (`::ffff:7f00:1` → `127.0.0.1`).
 * Node's BlockList would match a `::ffff:0:0/96` rule against every IPv4 address, so mapped
 * addresses are unwrapped here instead.
 */
function mappedIpv4(address: string): string | null {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (dotted !== undefined) return dotted;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const [hi, lo] = [Number.parseInt(hex[1] ?? '0', 16), Number.parseInt(hex[2] ?? '0', 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
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

/**
 * A `dns.lookup` replacement for sockets: it resolves, then refuses when any address is
 * blocked and the host is not in `allowedHosts`. Checking at connect time, on the addresses
 * the socket will use, closes the gap a rebinding DNS server would use between a check and
 * the connection; it runs for every connection, so every redirect hop is checked.
 *
 * @example
 * new Agent({ connect: { lookup: guardedLookup(new Set(['127.0.0.1'])) } });
 */
export function guardedLookup(allowedHosts: ReadonlySet<string>) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
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

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/** Addresses a webhook may never reach unless private targets are allowed: private, loopback, link-local, CGNAT, multicast, reserved. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6');

/** Cloud metadata services: refused even when private targets are allowed (they hand out credentials). */
const METADATA = new BlockList();
METADATA.addAddress('169.254.169.254', 'ipv4');
METADATA.addAddress('169.254.170.2', 'ipv4');
METADATA.addAddress('100.100.100.200', 'ipv4');
METADATA.addAddress('fd00:ec2::254', 'ipv6');
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata']);

/** `::ffff:10.0.0.1` is 10.0.0.1: check the IPv4 inside. */
const unmapped = (address: string): string => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
};

/** Why this address may not be reached, or null when it may. */
export function refusedAddress(address: string, allowPrivate: boolean): string | null {
  const plain = unmapped(address);
  const family = isIP(plain) === 6 ? 'ipv6' : 'ipv4';
  if (METADATA.check(plain, family)) return `${address} is a cloud metadata address`;
  if (!allowPrivate && PRIVATE.check(plain, family)) return `${address} is a private, loopback or link-local address`;
  return null;
}

export type Lookup = (hostname: string) => Promise<LookupAddress[]>;

export const systemLookup: Lookup = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').toLowerCase();

/**
 * Why this URL may not receive webhooks, or null when it may: only http(s), no credentials in it,
 * and every address its host resolves to must be public (one private answer refuses it, so a
 * name with a public and a private record cannot slip through).
 */
export async function refusedUrl(raw: string, allowPrivate: boolean, lookup: Lookup = systemLookup): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a valid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'only http and https URLs are allowed';
  if (url.username || url.password) return 'credentials in the URL are not allowed';
  const host = hostOf(url);
  if (METADATA_HOSTS.has(host)) return `${host} is a cloud metadata address`;
  if (isIP(host)) return refusedAddress(host, allowPrivate);
  let addresses: LookupAddress[];
  try {
    addresses = await lookup(host);
  } catch {
    return `${host} does not resolve`;
  }
  if (addresses.length === 0) return `${host} does not resolve`;
  for (const { address } of addresses) {
    const reason = refusedAddress(address, allowPrivate);
    if (reason) return `${host} resolves to ${reason}`;
  }
  return null;
}

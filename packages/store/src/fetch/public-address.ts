import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { StoreError } from '../errors.js';

/**
 * Whether an address is on the public internet. ipaddr.js names every special range
 * (loopback, private, link-local, unique-local, carrier-grade NAT, multicast, reserved…);
 * only plain unicast is public. An IPv4 address mapped into IPv6 is judged as itself.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http that refuses a host name resolving to a private address. The
 * check is made on the addresses the connection will use, so a name cannot resolve to a
 * public address when checked and a private one when connected (DNS rebinding).
 */
export function publicLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused) return callback(privateRefusal(hostname, refused.address), '');
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
    callback(null, first.address, first.family);
  });
}

/** A literal address in a URL is never looked up: checked here instead. */
export function refuseLiteralPrivate(hostname: string): void {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(bare) && !isPublicAddress(bare)) throw privateRefusal(hostname, bare);
}

function privateRefusal(hostname: string, address: string): StoreError {
  return new StoreError(
    'fetch-refused',
    `${hostname} is a loopback or private address (${address}); Verbatim fetches pages from the public internet only.`,
  );
}

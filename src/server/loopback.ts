import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * While authentication is off the bot may only post replies to this machine. A host name proves
 * nothing ("127.0.0.1.nip.io" resolves wherever its owner likes), so the decision is made on the
 * addresses the name resolves to, and the reply is then sent to that address itself (the URL is
 * rewritten to the IP literal), so a second lookup cannot send it anywhere else.
 */

/** Every address a host name resolves to. Injected so tests can play a hostile DNS. */
export type HostResolver = (hostname: string) => Promise<string[]>;

export const systemResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

const RESOLVE_TIMEOUT_MS = 2_000;

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Pure: is this IP literal a loopback address? (IPv4-mapped IPv6 counts as its IPv4 address.) */
export function isLoopbackAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return loopback.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    return mapped ? loopback.check(mapped[1], 'ipv4') : loopback.check(address, 'ipv6');
  }
  return false;
}

/** Pure: a listening HOST that only this machine can reach (a loopback literal or "localhost"). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  return bare.toLowerCase() === 'localhost' || isLoopbackAddress(bare);
}

/**
 * The serviceUrl with its host replaced by the loopback address it resolves to, or undefined when
 * it is not a URL or any address it resolves to is not loopback (or resolving fails or stalls).
 */
export async function pinLoopbackServiceUrl(serviceUrl: string, resolve: HostResolver = systemResolver): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host)) return isLoopbackAddress(host) ? serviceUrl : undefined;

  let addresses: string[];
  try {
    addresses = await withTimeout(resolve(host), RESOLVE_TIMEOUT_MS);
  } catch {
    return undefined;
  }
  if (addresses.length === 0 || !addresses.every(isLoopbackAddress)) return undefined;
  // "localhost" is answered from the hosts file, not DNS, so it cannot be rebound; left as it is,
  // the connection can still fall back between ::1 and 127.0.0.1 (the Emulator listens on one).
  if (host.toLowerCase() === 'localhost') return serviceUrl;
  const address = addresses[0];
  url.hostname = isIP(address) === 6 ? `[${address}]` : address;
  const pinned = url.toString();
  // URL adds a "/" to a bare origin; keep the caller's form so reply paths do not gain "//".
  return !serviceUrl.endsWith('/') && pinned.endsWith('/') && url.pathname === '/' && !url.search ? pinned.slice(0, -1) : pinned;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('resolve timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

import type { IncomingMessage } from 'node:http';

/**
 * The address to rate-limit by. Directly connected clients: the socket's address. Behind reverse
 * proxies (Azure App Service's front end, a load balancer) every request arrives from the proxy,
 * so with `trustedProxyHops` = N the client is the Nth address from the right of X-Forwarded-For:
 * the entries further left were written by the client and can be forged.
 */
export function clientAddress(req: IncomingMessage, trustedProxyHops = 0): string {
  const socketAddress = req.socket?.remoteAddress ?? 'unknown';
  if (trustedProxyHops <= 0) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const index = chain.length - trustedProxyHops;
  return index >= 0 ? stripPort(chain[index]) : (chain[0] ? stripPort(chain[0]) : socketAddress);
}

/** App Service writes "1.2.3.4:56789"; IPv6 may come bracketed with a port. */
function stripPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  return v4WithPort ? v4WithPort[1] : address;
}

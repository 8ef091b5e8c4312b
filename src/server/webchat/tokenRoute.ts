import { randomBytes } from 'node:crypto';
import type { Server, Request, Response } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { errorBody } from '../httpErrors';
import { FixedWindowRateLimiter } from './rateLimit';
import { corsHeaders, judgeOrigin } from './cors';
import { clientAddress } from './clientAddress';
import { isLoopbackHost } from '../loopback';

/**
 * POST /api/directline/token: trades the Direct Line secret, which never leaves the server, for a
 * short-lived token bound to a fresh `dl_` user id. The browser only ever sees the token. Rate
 * limited per client address; CORS limited to the configured origins.
 */

export const TOKEN_ROUTE = '/api/directline/token';

/** Where tokens come from: the Direct Line service, or the local stand-in during development. */
export interface TokenSource {
  /** e.g. https://directline.botframework.com/v3/directline */
  endpoint: string;
  secret: string;
}

export interface TokenRouteDeps {
  logger: Logger;
  corsOrigins: readonly string[];
  rateLimitPerMinute: number;
  source: () => TokenSource | undefined;
  upstreamTimeoutMs?: number;
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are trusted (0: none). */
  trustedProxyHops?: number;
  /** Host names this server is reached by (loopback always is); any other Host header is refused. */
  allowedHosts: readonly string[];
}

/** A real token reply is well under 2 KB; anything past this is not one and is not read further. */
export const MAX_UPSTREAM_REPLY_BYTES = 64 * 1024;

/**
 * Pure: is the Host header one this server answers to? A DNS-rebinding page reaches the server
 * under the attacker's own name, with a matching Origin, so CORS alone cannot tell it apart.
 */
export function isAllowedHost(hostHeader: string | undefined, allowedHosts: readonly string[]): boolean {
  if (!hostHeader) return false;
  let url: URL;
  try {
    url = new URL(`http://${hostHeader}`);
  } catch {
    return false;
  }
  if (url.username || url.pathname !== '/' || url.search) return false;
  const hostname = url.hostname.toLowerCase();
  return isLoopbackHost(hostname) || allowedHosts.some((allowed) => allowed === hostname || allowed === url.host.toLowerCase());
}

/** Reads a fetch response's body up to a byte limit, then gives up (and stops the download). */
async function readCapped(response: globalThis.Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new Error('upstream reply too large');
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    total += next.value.byteLength;
    if (total > maxBytes) {
      await reader?.cancel();
      throw new Error('upstream reply too large');
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const upstreamReply = z.object({
  conversationId: z.string().min(1).max(1024),
  token: z.string().min(1).max(8192),
  expires_in: z.number().int().positive(),
});

export function registerTokenRoute(server: Server, deps: TokenRouteDeps): void {
  const limiter = new FixedWindowRateLimiter(deps.rateLimitPerMinute);

  const withCors = (req: Request, res: Response): boolean => {
    const verdict = judgeOrigin(req, deps.corsOrigins);
    if (verdict.kind === 'denied') {
      res.send(403, errorBody(403, 'This origin may not request chat tokens'));
      return false;
    }
    if (verdict.kind === 'allowed') {
      for (const [name, value] of Object.entries(corsHeaders(verdict.origin))) res.header(name, value);
    }
    return true;
  };

  server.opts(TOKEN_ROUTE, async (req, res) => {
    req.resume();
    if (!withCors(req, res)) return;
    res.send(204);
  });

  server.post(TOKEN_ROUTE, async (req, res) => {
    // The client chooses nothing: the user id is generated here and bound into the token.
    req.resume();
    if (!isAllowedHost(req.headers.host, deps.allowedHosts)) {
      deps.logger.warn({ event: 'token_host_refused' }, 'token request for a host name this server does not serve');
      res.send(403, errorBody(403, 'This host name is not served here'));
      return;
    }
    if (!withCors(req, res)) return;

    const decision = limiter.take(clientAddress(req, deps.trustedProxyHops));
    if (!decision.allowed) {
      res.header('Retry-After', String(decision.retryAfterSeconds));
      res.send(429, errorBody(429, 'Too many chat tokens requested; please wait a minute'));
      return;
    }

    const source = deps.source();
    if (!source) {
      res.send(503, errorBody(503, 'Web Chat is not configured on this server'));
      return;
    }

    const userId = `dl_${randomBytes(12).toString('hex')}`;
    try {
      const upstream = await fetch(`${source.endpoint}/tokens/generate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${source.secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(deps.upstreamTimeoutMs ?? 5_000),
        redirect: 'error',
      });
      if (!upstream.ok) {
        await upstream.body?.cancel();
        deps.logger.warn({ event: 'directline_token_upstream_error', status: upstream.status }, 'Direct Line refused a token');
        res.send(502, errorBody(502, 'The chat service is not available right now'));
        return;
      }
      const parsed = upstreamReply.safeParse(JSON.parse(await readCapped(upstream, MAX_UPSTREAM_REPLY_BYTES)));
      if (!parsed.success) {
        deps.logger.warn({ event: 'directline_token_upstream_malformed' }, 'Direct Line token reply had an unexpected shape');
        res.send(502, errorBody(502, 'The chat service is not available right now'));
        return;
      }
      const { token, conversationId, expires_in } = parsed.data;
      res.send(200, { token, conversationId, expires_in, userId });
    } catch (err) {
      deps.logger.warn(
        { event: 'directline_token_upstream_failed', error: err instanceof Error ? err.name : 'UnknownError' },
        'could not reach Direct Line for a token',
      );
      res.send(502, errorBody(502, 'The chat service is not available right now'));
    }
  });
}

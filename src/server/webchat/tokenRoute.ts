import { randomBytes } from 'node:crypto';
import type { Server, Request, Response } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { errorBody } from '../httpErrors';
import { FixedWindowRateLimiter } from './rateLimit';
import { corsHeaders, judgeOrigin } from './cors';
import { clientAddress } from './clientAddress';

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
      const parsed = upstreamReply.safeParse(await upstream.json());
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

import type { IncomingMessage } from 'node:http';

/**
 * CORS for the token route. A browser on another site may ask for a token only when its origin is
 * listed in CORS_ORIGINS; the page's own origin is always allowed. Requests without an Origin
 * header (server to server, curl) are not browser cross-site requests and pass.
 */
export type OriginVerdict = { kind: 'none' } | { kind: 'allowed'; origin: string } | { kind: 'denied' };

export function judgeOrigin(req: IncomingMessage, allowedOrigins: readonly string[]): OriginVerdict {
  const origin = req.headers.origin;
  if (!origin) return { kind: 'none' };
  const normalised = normaliseOrigin(origin);
  if (!normalised) return { kind: 'denied' };
  if (allowedOrigins.some((allowed) => normaliseOrigin(allowed) === normalised)) return { kind: 'allowed', origin };
  const host = req.headers.host;
  if (host && new URL(normalised).host === host.toLowerCase()) return { kind: 'allowed', origin };
  return { kind: 'denied' };
}

function normaliseOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.origin.toLowerCase();
  } catch {
    return undefined;
  }
}

export function corsHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Logger } from 'pino';
import { PROJECT_ROOT } from '../projectRoot';
import { t, tObject, DEFAULT_LOCALE } from '../content/i18n';
import { errorBody } from '../server/httpErrors';
import { readJsonBody } from '../server/readJsonBody';
import { FixedWindowRateLimiter } from '../server/webchat/rateLimit';
import { clientAddress } from '../server/webchat/clientAddress';
import { escapeHtml } from '../server/webchat/page';
import { CSRF_HEADER, LOCAL_STAFF, PENDING_COOKIE, SESSION_COOKIE, readCookie, type StaffAuth, type StaffIdentity } from './staffAuth';
import type { EntraSignIn, PendingSignIn } from './entraSignIn';
import type { StaffService } from './staffService';
import { parseConversationKey, type QueueFilter } from './review';
import type { RiskAlerter } from './riskAlerts';

export interface StaffRoutesDeps {
  service: StaffService;
  auth: StaffAuth;
  /** Local token sign-in (development only). */
  tokenSignIn: boolean;
  /** Microsoft Entra ID sign-in, when configured. */
  entra?: EntraSignIn;
  /** Shown on the page so failed alerts are seen. */
  alerts?: RiskAlerter;
  logger: Logger;
  trustedProxyHops: number;
  /** Production: cookies are always `Secure` (TLS ends at the front door, so the request may look like plain HTTP). */
  secureCookies: boolean;
  /** Failed and successful sign-ins per client per minute. */
  signInPerMinute?: number;
}

/** Staff pages show health data: no framing, no inline or remote script, no caching, no referrer. */
const STAFF_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const STAFF_HEADERS = {
  'Content-Security-Policy': STAFF_CSP,
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
const MAX_BODY = 16 * 1024;

function send(res: Response, status: number, body: unknown): void {
  res.send(status, body, STAFF_HEADERS);
}

function html(res: Response, status: number, page: string): void {
  res.sendRaw(status, page, { ...STAFF_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
}

function query(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://staff.local').searchParams;
}

function dateParam(value: string | null): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function queueFilter(params: URLSearchParams): QueueFilter {
  const flag = params.get('flag');
  const reviewed = params.get('reviewed');
  const to = dateParam(params.get('to'));
  return {
    from: dateParam(params.get('from')),
    // A bare date means the whole of that day.
    to: to && /^\d{4}-\d{2}-\d{2}$/.test(params.get('to') ?? '') ? new Date(to.getTime() + 24 * 60 * 60 * 1000 - 1) : to,
    channel: params.get('channel') || undefined,
    flag: flag === 'risk' || flag === 'callback' || flag === 'none' ? flag : undefined,
    reviewed: reviewed === 'true' ? true : reviewed === 'false' ? false : undefined,
  };
}

function isHttps(req: Request): boolean {
  return Boolean((req.socket as { encrypted?: boolean }).encrypted) || String(req.headers['x-forwarded-proto'] ?? '') === 'https';
}

function staffStrings(): Record<string, unknown> {
  return tObject<Record<string, unknown>>(DEFAULT_LOCALE, 'staff:page');
}

interface LoginOptions {
  token: boolean;
  entra: boolean;
  /** A message key under staff:login, e.g. 'failed' or 'denied'. */
  problem?: string;
}

function loginPage(options: LoginOptions): string {
  const s = (key: string) => escapeHtml(t(DEFAULT_LOCALE, `staff:login.${key}`));
  const entra = options.entra ? `<p><a class="button primary" href="/staff/auth/signin">${s('entra')}</a></p>` : '';
  const token = options.token
    ? `<form method="post" action="/staff/login"><label for="token">${s('tokenLabel')}</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">${s('submit')}</button></form>`
    : '';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${s('title')}</title><link rel="stylesheet" href="/staff/login.css"></head>
<body><main class="login"><h1>${s('title')}</h1><p>${s('intro')}</p>
${options.problem ? `<p class="error" role="alert">${s(options.problem)}</p>` : ''}
${entra}${token}</main></body></html>
`;
}

function appPage(csrf: string): string {
  // Strings travel as inert JSON (never executed: CSP allows no inline script); '<' is escaped so it cannot close the tag.
  const strings = JSON.stringify(staffStrings()).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${escapeHtml(csrf)}">
<title>${escapeHtml(t(DEFAULT_LOCALE, 'staff:page.title'))}</title><link rel="stylesheet" href="/staff/staff.css"></head>
<body><script type="application/json" id="staff-strings">${strings}</script>
<div id="app" aria-live="polite"></div><script src="/staff/staff.js"></script></body></html>
`;
}

const ASSETS: Record<string, { file: string; type: string }> = {
  '/staff/staff.js': { file: 'staff.js', type: 'text/javascript; charset=utf-8' },
  '/staff/staff.css': { file: 'staff.css', type: 'text/css; charset=utf-8' },
  '/staff/login.css': { file: 'staff.css', type: 'text/css; charset=utf-8' },
};

async function readForm(req: Request): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > MAX_BODY) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * /staff: the review page and its JSON API. Nothing is served without a valid token or session
 * (401, with the sign-in form for the page), state changes from the page need its CSRF token
 * (403), and sign-in attempts are rate-limited per client (429).
 */
export function registerStaffRoutes(server: Server, deps: StaffRoutesDeps): void {
  const { service, auth, logger } = deps;
  const limiter = new FixedWindowRateLimiter(deps.signInPerMinute ?? 10);
  const login = (problem?: string) => loginPage({ token: deps.tokenSignIn, entra: deps.entra !== undefined, problem });
  /** Sign-in attempts per client; false (and 429 sent) when over the limit. */
  const withinLimit = (req: Request, res: Response): boolean => {
    const decision = limiter.take(clientAddress(req, deps.trustedProxyHops));
    if (decision.allowed) return true;
    req.resume();
    res.send(429, errorBody(429, 'Too many sign-in attempts'), { ...STAFF_HEADERS, 'Retry-After': String(decision.retryAfterSeconds) });
    return false;
  };
  const isSecure = (req: Request) => deps.secureCookies || isHttps(req);
  const sessionCookie = (req: Request, who: string) => {
    const session = auth.newSession(who);
    return `${SESSION_COOKIE}=${session.value}; Path=/staff; HttpOnly; SameSite=Strict; Max-Age=${session.maxAgeSeconds}${isSecure(req) ? '; Secure' : ''}`;
  };

  const identify = (req: Request): StaffIdentity | undefined =>
    auth.identify({ authorization: req.headers.authorization, cookie: req.headers.cookie });

  /** Wraps an API handler: 401 without auth, 403 for a page change without CSRF, 404 for an unknown conversation key. */
  const api = (change: boolean, handler: (req: Request, res: Response, who: string) => Promise<void>) => async (req: Request, res: Response) => {
    const identity = identify(req);
    if (!identity) return send(res, 401, errorBody(401, 'Staff sign-in required'));
    if (change && !auth.allowsChange(identity, req.headers[CSRF_HEADER] as string | undefined)) return send(res, 403, errorBody(403, 'Missing or wrong CSRF token'));
    try {
      await handler(req, res, identity.who);
    } catch (error) {
      logger.error({ event: 'staff_api_failed', error: error instanceof Error ? error.name : typeof error }, 'staff request failed');
      send(res, 500, errorBody(500));
    }
  };

  const withConversation =
    (handler: (req: Request, res: Response, who: string, channelId: string, conversationId: string) => Promise<void>) =>
    async (req: Request, res: Response, who: string) => {
      const parsed = parseConversationKey(req.params?.key ?? '');
      if (!parsed) return send(res, 404, errorBody(404, 'No such conversation'));
      await handler(req, res, who, parsed.channelId, parsed.conversationId);
    };

  server.get('/staff', async (req, res) => {
    const identity = identify(req);
    if (!identity?.csrf) return html(res, 401, login());
    html(res, 200, appPage(identity.csrf));
  });

  for (const [path, asset] of Object.entries(ASSETS)) {
    let body: Buffer | undefined;
    server.get(path, async (req, res) => {
      // The sign-in form's styles are the only thing served before sign-in.
      if (path !== '/staff/login.css' && !identify(req)) return send(res, 401, errorBody(401, 'Staff sign-in required'));
      body ??= readFileSync(join(PROJECT_ROOT, 'public', asset.file));
      res.sendRaw(200, body, { ...STAFF_HEADERS, 'Content-Type': asset.type });
    });
  }

  if (deps.tokenSignIn) {
    server.post('/staff/login', async (req, res) => {
      if (!withinLimit(req, res)) return;
      let token = '';
      try {
        token = (await readForm(req)).get('token') ?? '';
      } catch {
        return send(res, 413, errorBody(413));
      }
      if (!auth.checkToken(token)) {
        await service.audit('unknown', 'sign_in_failed');
        return html(res, 401, login('failed'));
      }
      await service.audit(LOCAL_STAFF, 'sign_in');
      res.sendRaw(303, '', { ...STAFF_HEADERS, Location: '/staff', 'Set-Cookie': sessionCookie(req, LOCAL_STAFF) });
    });
  }

  const entra = deps.entra;
  if (entra) {
    server.get('/staff/auth/signin', async (req, res) => {
      const { url, pending } = await entra.start();
      // Lax, not Strict: the browser comes back from Entra ID with a top-level cross-site GET.
      const cookie = `${PENDING_COOKIE}=${auth.seal(pending)}; Path=/staff/auth; HttpOnly; SameSite=Lax; Max-Age=600${isSecure(req) ? '; Secure' : ''}`;
      res.sendRaw(302, '', { ...STAFF_HEADERS, Location: url, 'Set-Cookie': cookie });
    });

    server.get('/staff/auth/callback', async (req, res) => {
      if (!withinLimit(req, res)) return;
      const pending = auth.open<PendingSignIn>(readCookie(req.headers.cookie ?? '', PENDING_COOKIE));
      const result = await entra.finish(query(req), pending);
      const clear = `${PENDING_COOKIE}=; Path=/staff/auth; HttpOnly; SameSite=Lax; Max-Age=0`;
      if (!result.ok) {
        await service.audit('unknown', 'sign_in_failed');
        logger.warn({ event: 'staff_sign_in_refused', reason: result.reason }, 'staff sign-in refused');
        const status = result.reason === 'tenant' || result.reason === 'role' ? 403 : 401;
        res.sendRaw(status, login(status === 403 ? 'notAllowed' : 'failed'), { ...STAFF_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Set-Cookie': clear });
        return;
      }
      await service.audit(result.who, 'sign_in');
      // A page of our own moves on to /staff: a redirect that began cross-site would not carry the Strict session cookie.
      res.setHeader('Set-Cookie', [sessionCookie(req, result.who), clear]);
      res.sendRaw(200, '<!doctype html><meta http-equiv="refresh" content="0;url=/staff"><a href="/staff">Continue</a>', {
        ...STAFF_HEADERS,
        'Content-Type': 'text/html; charset=utf-8',
      });
    });
  }

  server.post(
    '/staff/logout',
    api(true, async (_req, res) => {
      res.sendRaw(204, '', { ...STAFF_HEADERS, 'Set-Cookie': `${SESSION_COOKIE}=; Path=/staff; HttpOnly; SameSite=Strict; Max-Age=0` });
    }),
  );

  server.get(
    '/staff/api/conversations',
    api(false, async (req, res, who) => send(res, 200, { conversations: await service.queue(who, queueFilter(query(req))) })),
  );

  server.get(
    '/staff/api/conversations/:key',
    api(
      false,
      withConversation(async (_req, res, who, channelId, conversationId) => {
        const view = await service.conversation(who, channelId, conversationId);
        if (!view) return send(res, 404, errorBody(404, 'No such conversation'));
        send(res, 200, view);
      }),
    ),
  );

  server.get(
    '/staff/api/conversations/:key/export',
    api(
      false,
      withConversation(async (_req, res, who, channelId, conversationId) => {
        const view = await service.exportConversation(who, channelId, conversationId);
        if (!view) return send(res, 404, errorBody(404, 'No such conversation'));
        res.sendRaw(200, JSON.stringify({ exportedAt: new Date().toISOString(), exportedBy: who, ...view }, null, 2), {
          ...STAFF_HEADERS,
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Disposition': `attachment; filename="conversation-${view.card.key.slice(0, 40)}.json"`,
        });
      }),
    ),
  );

  server.post(
    '/staff/api/conversations/:key/review',
    api(
      true,
      withConversation(async (req, res, who, channelId, conversationId) => {
        let note = '';
        try {
          const body = (await readJsonBody(req, MAX_BODY)) as { note?: unknown };
          note = typeof body?.note === 'string' ? body.note : '';
        } catch {
          return send(res, 400, errorBody(400, 'Send JSON: { "note": "..." }'));
        }
        const record = await service.markReviewed(who, channelId, conversationId, note);
        if (!record) return send(res, 404, errorBody(404, 'No such conversation'));
        send(res, 200, record);
      }),
    ),
  );

  server.post(
    '/staff/api/conversations/:key/callback-done',
    api(
      true,
      withConversation(async (req, res, who, channelId, conversationId) => {
        req.resume();
        const record = await service.markCallbackDone(who, channelId, conversationId);
        if (!record) return send(res, 404, errorBody(404, 'No such conversation'));
        send(res, 200, record);
      }),
    ),
  );

  server.del(
    '/staff/api/conversations/:key',
    api(
      true,
      withConversation(async (_req, res, who, channelId, conversationId) => {
        await service.erase(who, channelId, conversationId);
        res.sendRaw(204, '', STAFF_HEADERS);
      }),
    ),
  );

  server.get(
    '/staff/api/summary',
    api(false, async (_req, res, who) => send(res, 200, await service.summary(who))),
  );

  server.get(
    '/staff/api/alerts',
    api(false, async (_req, res) => send(res, 200, deps.alerts?.status() ?? { enabled: false, sent: 0, failed: 0, pending: 0 })),
  );

  server.get(
    '/staff/api/audit',
    api(false, async (_req, res, who) => send(res, 200, { entries: await service.auditLog(who) })),
  );
}

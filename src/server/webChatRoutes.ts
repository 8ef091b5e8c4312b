import type { Response, Server } from 'restify';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import type { ActivityProcessor, TurnLogic } from './messagesRoute';
import { DEFAULT_LOCALE, t } from '../content/i18n';
import { registerLocalDirectLine, LOCAL_DIRECT_LINE_PATH, type LocalDirectLine } from './directline/localDirectLine';
import { registerTokenRoute, TOKEN_ROUTE, type TokenSource } from './webchat/tokenRoute';
import { loadPageAssets, routePath } from './webchat/staticAssets';
import { contentSecurityPolicy, renderChatPage, renderPrivacyPage } from './webchat/page';
import { bannerRoutes, helpRoutes } from './webchat/crisisLinks';

export interface WebChatRouteDeps {
  config: AppConfig;
  logger: Logger;
  adapter: ActivityProcessor;
  bot: TurnLogic;
  baseUrl: () => string;
}

/** Which Direct Line the page talks to: the real service when a secret is set, else the local one. */
export type ChatBackend = 'directline' | 'local' | 'none';

export function chooseBackend(config: AppConfig): ChatBackend {
  if (config.webChat.directLineSecret) return 'directline';
  if (config.webChat.localDirectLineEnabled && !config.authEnabled) return 'local';
  return 'none';
}

const LOCAL_ACTIVITY_LIMIT = 64 * 1024;

/** Web Chat page, local Direct Line and the token route (issue 6). */
export function registerWebChatRoutes(server: Server, deps: WebChatRouteDeps): void {
  const { config, logger } = deps;
  const webChat = config.webChat;

  let local: LocalDirectLine | undefined;
  if (webChat.localDirectLineEnabled && config.authEnabled) {
    // The adapter would demand a Bot Framework token for every local turn, and nothing on this
    // machine can mint one: the local Direct Line is for authentication-off development only.
    logger.warn(
      { event: 'directline_local_refused' },
      'The local Direct Line stays off while MicrosoftAppId is set; use DIRECT_LINE_SECRET with the Azure Direct Line channel instead',
    );
  } else if (webChat.localDirectLineEnabled) {
    local = registerLocalDirectLine(server, {
      adapter: deps.adapter,
      bot: deps.bot,
      logger,
      baseUrl: deps.baseUrl,
      maxActivityBytes: Math.min(config.maxBodyBytes, LOCAL_ACTIVITY_LIMIT),
      maxReplyBytes: config.maxBodyBytes,
    });
  }

  const backend = chooseBackend(config);
  const source = (): TokenSource | undefined => {
    if (webChat.directLineSecret) return { endpoint: webChat.directLineEndpoint, secret: webChat.directLineSecret };
    if (local) return { endpoint: `${deps.baseUrl()}${LOCAL_DIRECT_LINE_PATH}`, secret: local.secret };
    return undefined;
  };
  registerTokenRoute(server, {
    logger,
    corsOrigins: webChat.corsOrigins,
    rateLimitPerMinute: webChat.tokenRateLimitPerMinute,
    trustedProxyHops: webChat.trustedProxyHops,
    allowedHosts: webChat.allowedHosts,
    source,
  });

  if (webChat.directLineSecret && config.env === 'production' && webChat.allowedHosts.length === 0) {
    logger.warn(
      { event: 'token_route_no_hosts' },
      'No ALLOWED_HOSTS (or App Service WEBSITE_HOSTNAME): the token route answers only on loopback',
    );
  }

  if (!webChat.pageEnabled) return;

  const assets = loadPageAssets();
  for (const asset of [assets.webChat, assets.script, assets.styles]) {
    server.get(routePath(asset.url), async (req, res) => asset.serve(req, res));
  }

  const locale = DEFAULT_LOCALE;
  const directLineOrigin = new URL(webChat.directLineEndpoint).origin;
  const connectOrigins = backend === 'directline' ? [directLineOrigin, directLineOrigin.replace(/^http/, 'ws')] : [];
  const help = helpRoutes(locale);
  // Clinics listed in CORS_ORIGINS may frame the pages (docs/embedding.md); CSP frame-ancestors
  // names them, which X-Frame-Options cannot, so it gives way on those pages only.
  const framable = (res: Response) => {
    if (webChat.corsOrigins.length > 0) res.removeHeader('X-Frame-Options');
  };
  const banner = bannerRoutes(locale);

  server.get('/', async (_req, res) => {
    framable(res);
    const html = renderChatPage({
      locale,
      clinic: config.clinic,
      privacyHref: config.clinic.privacyUrl ?? '/privacy',
      assets: { webChat: assets.webChat.url, script: assets.script.url, styles: assets.styles.url },
      helpRoutes: help,
      bannerRoutes: banner,
      chatUnavailable: backend === 'none',
      browser: {
        tokenUrl: TOKEN_ROUTE,
        domain: backend === 'directline' ? webChat.directLineEndpoint : LOCAL_DIRECT_LINE_PATH,
        // The local stand-in polls; the real service streams over a WebSocket.
        webSocket: backend === 'directline',
        locale,
        strings: { placeholder: t(locale, 'web:chat.placeholder') },
      },
    });
    res.sendRaw(200, html, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy({ connectOrigins, frameAncestors: webChat.corsOrigins }),
    });
  });

  server.get('/privacy', async (_req, res) => {
    framable(res);
    const html = renderPrivacyPage({ locale, clinic: config.clinic, stylesUrl: assets.styles.url, retentionDays: config.transcripts.retentionDays });
    res.sendRaw(200, html, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy({ connectOrigins: [], frameAncestors: webChat.corsOrigins }),
    });
  });

  // Browsers ask for this on every visit; answer quietly rather than with a JSON 404.
  server.get('/favicon.ico', async (_req, res) => {
    res.sendRaw(204, '', { 'Cache-Control': 'public, max-age=86400' });
  });

  if (backend === 'none') {
    logger.warn(
      { event: 'webchat_page_cannot_connect' },
      config.authEnabled
        ? 'The Web Chat page on / cannot connect: with MicrosoftAppId set it needs DIRECT_LINE_SECRET (the local Direct Line works only with authentication off)'
        : 'The Web Chat page on / cannot connect: set DIRECT_LINE_SECRET or turn DIRECT_LINE_LOCAL_ENABLED on',
    );
  }
  logger.info(
    { event: 'webchat_page', backend },
    backend === 'local' ? 'Web Chat page on / (local Direct Line, no Azure needed)' : `Web Chat page on / (Direct Line: ${backend})`,
  );
}

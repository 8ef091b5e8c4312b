import { createServer as createRestify, type Server, type Request, type Response, type Next, type RestifyError } from 'restify';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import { errorBody } from './httpErrors';
import { ShutdownGate } from './shutdownGate';
import { createMessagesHandler, type ActivityProcessor, type TurnLogic } from './messagesRoute';
import { registerWebChatRoutes } from './webChatRoutes';
import type { HostResolver } from './loopback';

export interface ServerDeps {
  config: AppConfig;
  adapter: ActivityProcessor;
  bot: TurnLogic;
  logger: Logger;
  /** Health stays 'starting' (503) until this settles. */
  ready?: Promise<unknown>;
  /** Test seam: how serviceUrl host names resolve for the loopback check. */
  resolveHost?: HostResolver;
  /** Reported by /healthz. A storage outage is 'degraded' with 200: restarting the instance would not fix it. */
  storageHealth?: () => unknown;
  /** Runs after turns in flight have drained (flushes queued transcript entries). */
  onShutdown?: () => Promise<void>;
}

export interface AppServer {
  readonly restify: Server;
  /** Starts listening; resolves with the bound port (useful when PORT=0). */
  listen(): Promise<number>;
  /** Refuses new requests, waits (bounded) for those in flight, then closes. Idempotent. */
  shutdown(): Promise<void>;
  /** The loopback base URL once listening, e.g. http://127.0.0.1:3978 */
  baseUrl(): string;
}

/** Nothing here needs a camera, microphone, location or payment: say so to the browser. */
const PERMISSIONS_POLICY = 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';

function securityHeaders(production: boolean) {
  return (_req: Request, res: Response, next: Next): void => {
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
    res.header('Cache-Control', 'no-store');
    // Pages that may be framed by CORS_ORIGINS remove this and say so in CSP frame-ancestors.
    res.header('X-Frame-Options', 'DENY');
    res.header('Permissions-Policy', PERMISSIONS_POLICY);
    // Production runs behind HTTPS (App Service httpsOnly); on plain-HTTP development it would mislead.
    if (production) res.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}

export function createServer(deps: ServerDeps): AppServer {
  const { config, logger } = deps;
  const server = createRestify({ name: '' /* no Server header: it would only help an attacker */, handleUncaughtExceptions: false, ignoreTrailingSlash: true });
  // While stopping, health still answers (503 'stopping') and the bot's own replies to the local
  // Direct Line still land: turns in flight need them to finish.
  const gate = new ShutdownGate((path) => path === '/healthz' || path.startsWith('/directline-local/'));
  let state: 'starting' | 'ready' | 'stopping' = 'starting';
  let listening = false;
  let warmedUp = !deps.ready;
  let boundPort = 0;
  let stopped: Promise<void> | undefined;
  const becomeReadyIfDone = () => {
    if (listening && warmedUp && state === 'starting') state = 'ready';
  };
  deps.ready?.then(
    () => {
      warmedUp = true;
      becomeReadyIfDone();
    },
    () => logger.fatal({ event: 'startup_failed' }, 'start-up work failed; health stays 503'),
  );

  server.pre(gate.handle);
  server.pre(securityHeaders(config.env === 'production'));

  // Every error restify raises itself (unknown route, wrong method) gets the same plain JSON shape.
  server.on('restifyError', (req: Request, _res: Response, err: RestifyError, cb: () => void) => {
    const status = err.statusCode ?? 500;
    // A handler that threw: say so (its kind, never the request's content or ids).
    if (status >= 500) logger.error({ event: 'request_failed', error: err.name, method: req.method }, 'request failed');
    err.toJSON = () => errorBody(status);
    cb();
  });

  server.get('/healthz', async (_req, res) => {
    res.send(state === 'ready' ? 200 : 503, {
      status: state === 'ready' ? 'ok' : state,
      version: config.version,
      ...(deps.storageHealth ? { storage: deps.storageHealth() } : {}),
    });
  });

  server.post(
    '/api/messages',
    createMessagesHandler({
      adapter: deps.adapter,
      bot: deps.bot,
      logger,
      maxBodyBytes: config.maxBodyBytes,
      authEnabled: config.authEnabled,
      logMessageText: config.logMessageText,
      resolveHost: deps.resolveHost,
    }),
  );

  const baseUrl = () => `http://127.0.0.1:${boundPort}`;
  registerWebChatRoutes(server, { config, logger, adapter: deps.adapter, bot: deps.bot, baseUrl });

  return {
    restify: server,
    baseUrl,
    listen: () =>
      new Promise((resolve, reject) => {
        // A port in use fails start-up with one line (index.ts), not an unhandled 'error' event.
        server.server.once('error', reject);
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          boundPort = server.address().port;
          listening = true;
          becomeReadyIfDone();
          resolve(boundPort);
        });
      }),
    shutdown: () => (stopped ??= stop()),
  };

  /**
   * Refuse new requests (503, Connection: close), drop idle keep-alive connections, let what is in
   * flight finish, then close. The listener stays open until then: a local Direct Line turn in
   * flight posts its replies back to this server.
   */
  async function stop(): Promise<void> {
    state = 'stopping';
    const draining = gate.stop(config.shutdownTimeoutMs);
    server.server.closeIdleConnections();
    const drained = await draining;
    if (!drained) logger.warn({ event: 'shutdown_timeout', inflight: gate.size }, 'requests still running at shutdown');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.server.closeAllConnections();
    await closed;
    await deps.onShutdown?.();
  }
}

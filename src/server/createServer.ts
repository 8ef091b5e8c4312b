import { createServer as createRestify, type Server, type Request, type Response, type Next, type RestifyError } from 'restify';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import { errorBody } from './httpErrors';
import { InflightTurns } from './inflightTurns';
import { createMessagesHandler, type ActivityProcessor, type TurnLogic } from './messagesRoute';
import { registerWebChatRoutes } from './webChatRoutes';

export interface ServerDeps {
  config: AppConfig;
  adapter: ActivityProcessor;
  bot: TurnLogic;
  logger: Logger;
  /** Health stays 'starting' (503) until this settles. */
  ready?: Promise<unknown>;
  /** Reported by /healthz. A storage outage is 'degraded' with 200: restarting the instance would not fix it. */
  storageHealth?: () => unknown;
  /** Runs after turns in flight have drained (flushes queued transcript entries). */
  onShutdown?: () => Promise<void>;
}

export interface AppServer {
  readonly restify: Server;
  /** Starts listening; resolves with the bound port (useful when PORT=0). */
  listen(): Promise<number>;
  /** Stops accepting, waits (bounded) for turns in flight, then closes. */
  shutdown(): Promise<void>;
  /** The loopback base URL once listening, e.g. http://127.0.0.1:3978 */
  baseUrl(): string;
}

function securityHeaders(_req: Request, res: Response, next: Next): void {
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Referrer-Policy', 'no-referrer');
  res.header('Cache-Control', 'no-store');
  next();
}

export function createServer(deps: ServerDeps): AppServer {
  const { config, logger } = deps;
  const server = createRestify({ name: 'ipt-guide', handleUncaughtExceptions: false, ignoreTrailingSlash: true });
  const inflight = new InflightTurns();
  let state: 'starting' | 'ready' | 'stopping' = 'starting';
  let listening = false;
  let warmedUp = !deps.ready;
  let boundPort = 0;
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

  server.pre(securityHeaders);

  // Every error restify raises itself (unknown route, wrong method) gets the same plain JSON shape.
  server.on('restifyError', (_req: Request, _res: Response, err: RestifyError, cb: () => void) => {
    const status = err.statusCode ?? 500;
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
      inflight,
    }),
  );

  const baseUrl = () => `http://127.0.0.1:${boundPort}`;
  registerWebChatRoutes(server, { config, logger, adapter: deps.adapter, bot: deps.bot, inflight, baseUrl });

  return {
    restify: server,
    baseUrl,
    listen: () =>
      new Promise((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(config.port, config.host, () => {
          boundPort = server.address().port;
          listening = true;
          becomeReadyIfDone();
          resolve(boundPort);
        });
      }),
    shutdown: async () => {
      if (state === 'stopping') return;
      state = 'stopping';
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const drained = await inflight.drain(config.shutdownTimeoutMs);
      if (!drained) logger.warn({ event: 'shutdown_timeout', inflight: inflight.size }, 'turns still running at shutdown');
      server.server.closeAllConnections?.();
      await closed;
      await deps.onShutdown?.();
    },
  };
}

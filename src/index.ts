import 'dotenv/config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, ConfigError } from './config';
import { createLogger } from './logger';
import { buildApp } from './app';
import { PROJECT_ROOT } from './projectRoot';

/** Process entry: validate configuration, build the app, listen, and shut down cleanly on signals. */
async function main(): Promise<void> {
  const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  let config;
  try {
    config = loadConfig(process.env, version);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`ipt-guide cannot start: ${err.problems.join('; ')}\n`);
      process.exit(1);
    }
    throw err;
  }

  const logger = createLogger(config.logLevel, { messageText: config.logMessageText });
  if (!config.authEnabled) {
    logger.warn(
      { event: 'auth_disabled' },
      'MicrosoftAppId is not set: authentication is off and replies go to loopback only. Fine for local use, never for production.',
    );
  }
  if (config.unauthenticatedNetwork) {
    logger.warn(
      { event: 'unauthenticated_network', host: config.host },
      `ALLOW_UNAUTHENTICATED_NETWORK=true: listening on ${config.host} with authentication off, so anyone who can reach it can talk to the bot`,
    );
  }

  const app = buildApp(config, logger);
  const port = await app.server.listen();
  app.ready.then(
    () => logger.info({ event: 'ready' }, 'ready'),
    (err: unknown) => {
      logger.fatal({ event: 'startup_failed', error: err instanceof Error ? err.message : String(err) }, 'start-up failed');
      process.exit(1);
    },
  );
  logger.info({ event: 'listening', port, host: config.host, version }, `ipt-guide listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'shutdown', signal }, 'shutting down');
    await app.server.shutdown();
    logger.info({ event: 'stopped' }, 'stopped');
    logger.flush?.();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('unhandledRejection', (reason) => {
    logger.error({ event: 'unhandled_rejection', error: reason instanceof Error ? reason.name : typeof reason }, 'unhandled promise rejection');
  });
}

/** Why start-up failed, in one line; a port in use says what to do about it. */
function startFailure(err: unknown): string {
  const failure = err as NodeJS.ErrnoException & { port?: number };
  if (failure?.code === 'EADDRINUSE') {
    return `port ${failure.port ?? ''} is already in use (is ipt-guide already running?): stop the other program, or set PORT to a free port`;
  }
  return err instanceof Error ? err.message : String(err);
}

void main().catch((err: unknown) => {
  process.stderr.write(`ipt-guide failed to start: ${startFailure(err)}\n`);
  process.exit(1);
});

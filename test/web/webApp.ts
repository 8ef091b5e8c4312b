import { buildApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createRecognizer, type Recognizer } from '../../src/language';

export interface RunningApp {
  app: App;
  base: string;
  close(): Promise<void>;
}

// Training the real local recogniser takes seconds: do it once per test file and share it.
let recognizer: Promise<Recognizer> | undefined;

/** The real app (buildApp) listening on 127.0.0.1 with a free port, as `npm start` would run it. */
export async function startWebApp(env: Record<string, string> = {}, logger = createLogger('silent')): Promise<RunningApp> {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env });
  recognizer ??= createRecognizer({ logger });
  const app = buildApp(config, logger, { recognizer: await recognizer });
  const port = await app.server.listen();
  await app.ready;
  return { app, base: `http://127.0.0.1:${port}`, close: () => app.server.shutdown() };
}

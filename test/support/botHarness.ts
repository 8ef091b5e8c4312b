import { TestAdapter, type Activity } from 'botbuilder';
import { loadConfig, type AppConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { buildBot, type AppOverrides, type BotParts } from '../../src/app';
import { createOnTurnError } from '../../bots/onTurnError';

export interface BotHarness extends BotParts {
  adapter: TestAdapter;
  config: AppConfig;
}

/**
 * The real bot, dialogs, middleware and onTurnError on botbuilder's TestAdapter: what a dialog test
 * needs, with nothing stubbed but the transport.
 */
export function createBotHarness(
  env: Record<string, string> = {},
  overrides: AppOverrides = {},
  template: Partial<Activity> = { channelId: 'test', locale: 'en-GB' },
): BotHarness {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const logger = createLogger('silent');
  const parts = buildBot(config, logger, overrides);
  const adapter = new TestAdapter((context) => parts.bot.run(context), template);
  adapter.onTurnError = createOnTurnError(parts.conversationState, logger);
  for (const middleware of parts.middleware) adapter.use(middleware);
  return { ...parts, adapter, config };
}

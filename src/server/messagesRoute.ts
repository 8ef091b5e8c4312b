import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';
import { readJsonBody } from './readJsonBody';
import { incomingActivitySchema, describeActivityProblem } from './activitySchema';
import { HttpError, errorBody } from './httpErrors';
import { pinLoopbackServiceUrl, type HostResolver } from './loopback';

export interface TurnLogic {
  run(context: TurnContext): Promise<void>;
}

/** What the server needs of the adapter: authenticate an activity and run a turn for it. */
export interface ActivityProcessor {
  handleActivity(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined>;
}

export interface MessagesRouteDeps {
  adapter: ActivityProcessor;
  bot: TurnLogic;
  logger: Logger;
  maxBodyBytes: number;
  authEnabled: boolean;
  /** LOG_MESSAGE_TEXT: include the message text in the debug line for each activity. */
  logMessageText: boolean;
  /** How serviceUrl host names are resolved for the loopback check (authentication off). */
  resolveHost?: HostResolver;
}

/** botbuilder expects Date objects where channels send ISO strings. */
function toActivity(body: Record<string, unknown>): Activity {
  const activity = { ...body } as Record<string, unknown>;
  for (const field of ['timestamp', 'localTimestamp', 'expiration']) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[`raw${field[0].toUpperCase()}${field.slice(1)}`] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

/**
 * POST /api/messages. We call CloudAdapter.processActivity ourselves rather than adapter.process so
 * that every failure before the turn starts (any kind of bad token, including a forged signature,
 * which botbuilder reports as a plain Error) becomes 401, and no error text reaches the caller.
 */
export function createMessagesHandler(deps: MessagesRouteDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    let body: unknown;
    try {
      body = await readJsonBody(req, deps.maxBodyBytes);
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 400;
      deps.logger.warn({ event: 'body_rejected', status, reason: err instanceof HttpError ? err.code : 'unreadable' }, 'request body rejected');
      res.send(status, errorBody(status, err instanceof HttpError ? err.message : undefined));
      return;
    }

    const parsed = incomingActivitySchema.safeParse(body);
    if (!parsed.success) {
      res.send(400, errorBody(400, describeActivityProblem(parsed.error)));
      return;
    }
    // Without authentication anyone could make the bot post to any address: allow loopback only,
    // judged on the resolved address and pinned to it for this turn's replies.
    if (!deps.authEnabled) {
      const pinned = await pinLoopbackServiceUrl(parsed.data.serviceUrl, deps.resolveHost);
      if (!pinned) {
        deps.logger.warn({ event: 'serviceurl_refused', channelId: parsed.data.channelId }, 'serviceUrl is not a loopback address');
        res.send(403, errorBody(403, 'Without MicrosoftAppId the bot only replies to a loopback serviceUrl'));
        return;
      }
      parsed.data.serviceUrl = pinned;
    }

    const activity = toActivity(parsed.data);
    const authHeader = String(req.headers.authorization ?? '');
    let turnStarted = false;
    let status = 200;
    const started = process.hrtime.bigint();
    try {
      const invokeResponse = await deps.adapter.handleActivity(authHeader, activity, async (context) => {
        turnStarted = true;
        await deps.bot.run(context);
      });
      status = invokeResponse?.status ?? 200;
      res.send(status, invokeResponse?.body ?? undefined);
    } catch (err) {
      const name = err instanceof Error ? err.name : 'UnknownError';
      if (!turnStarted) {
        deps.logger.warn({ event: 'auth_rejected', error: name, channelId: activity.channelId }, 'request rejected before the turn');
        status = 401;
        res.send(401, errorBody(401, 'A valid Bot Framework token is required'));
      } else {
        deps.logger.error({ event: 'turn_failed', error: name, conversationId: activity.conversation?.id }, 'turn failed');
        status = 500;
        res.send(500, errorBody(500));
      }
    } finally {
      deps.logger.debug(
        {
          event: 'activity',
          type: activity.type,
          channelId: activity.channelId,
          conversationId: activity.conversation?.id,
          status,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          ...(deps.logMessageText && activity.text ? { text: activity.text } : {}),
        },
        'activity processed',
      );
    }
  };
}

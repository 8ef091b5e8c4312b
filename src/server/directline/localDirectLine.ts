import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Server, Request, Response } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { readJsonBody } from '../readJsonBody';
import { HttpError, errorBody } from '../httpErrors';
import type { ActivityProcessor, TurnLogic } from '../messagesRoute';
import { ConversationStore, DEFAULT_STORE_LIMITS, type Conversation, type StoreLimits } from './conversationStore';
import { bearerToken, isLoopbackPeer, sameSecret } from './bearer';

/**
 * A Direct Line 3.0 look-alike for local use, so the real Web Chat talks to the bot with no Azure
 * account. Web Chat polls (webSocket: false). The bot runs through the same CloudAdapter as
 * /api/messages with authentication off, and replies to a serviceUrl on this server whose path
 * carries a per-process key, so only this process's turns can write into a conversation.
 *
 * Only for authentication-off, loopback use: with MicrosoftAppId set the adapter would demand a
 * Bot Framework token that nothing local can mint, so webChatRoutes refuses to register it then.
 */

export const LOCAL_DIRECT_LINE_PATH = '/v3/directline';
const CHANNEL_ID = 'directline';
const BOT_ACCOUNT = { id: 'ipt-guide-bot', role: 'bot' };

export interface LocalDirectLineDeps {
  adapter: ActivityProcessor;
  bot: TurnLogic;
  logger: Logger;
  baseUrl: () => string;
  /** Largest activity a client may post; bigger gets 413. */
  maxActivityBytes: number;
  /** Largest activity the bot may send back. */
  maxReplyBytes: number;
  limits?: StoreLimits;
}

export interface LocalDirectLine {
  /** Plays the part of the Direct Line secret: only the token route on this server knows it. */
  readonly secret: string;
  readonly store: ConversationStore;
}

const userId = z.string().trim().min(1).max(128).regex(/^[\w.:@-]+$/);
const startBody = z
  .object({
    user: z.object({ id: userId.optional(), name: z.string().max(256).optional() }).passthrough().optional(),
    locale: z.string().max(64).optional(),
  })
  .passthrough();

const clientActivity = z
  .object({
    type: z.enum(['message', 'event', 'typing']),
    text: z.string().max(10_000).optional(),
    locale: z.string().max(64).optional(),
    name: z.string().max(256).optional(),
    from: z.object({ name: z.string().max(256).optional() }).passthrough().optional(),
    channelData: z.record(z.unknown()).optional(),
  })
  .passthrough();

/**
 * Events only the bot may send: the page pins the crisis banner on emergencySupport, so a client's
 * own event of that name (in any letter case) is refused, neither stored nor passed to the bot.
 */
const BOT_ONLY_EVENTS = new Set(['emergencysupport']);

const botActivity = z.object({ type: z.string().min(1).max(64) }).passthrough();

/** Fields a client must not choose: the server owns identity, routing and ordering. */
const SERVER_OWNED = ['id', 'timestamp', 'serviceUrl', 'channelId', 'conversation', 'recipient', 'replyToId'];

function withoutServerOwned(body: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...body };
  for (const field of SERVER_OWNED) delete copy[field];
  return copy;
}

function generatedUserId(): string {
  return `dl_${randomBytes(12).toString('hex')}`;
}

/** Optional JSON bodies (Web Chat sends one to start a conversation, curl might not). */
async function readOptionalJson(req: Request, limit: number): Promise<unknown> {
  const length = req.headers['content-length'];
  if (length === '0' || (!req.headers['content-type'] && length === undefined && !req.headers['transfer-encoding'])) {
    req.resume();
    return {};
  }
  return readJsonBody(req, limit);
}

function sendError(res: Response, err: unknown, logger: Logger): void {
  const status = err instanceof HttpError ? err.status : 400;
  logger.warn({ event: 'directline_local_rejected', status, reason: err instanceof HttpError ? err.code : 'unreadable' }, 'local Direct Line request rejected');
  res.send(status, errorBody(status, err instanceof HttpError ? err.message : undefined));
}

export function registerLocalDirectLine(server: Server, deps: LocalDirectLineDeps): LocalDirectLine {
  const store = new ConversationStore(deps.limits ?? DEFAULT_STORE_LIMITS);
  const secret = randomBytes(32).toString('base64url');
  const sinkKey = randomBytes(16).toString('hex');
  const serviceUrl = () => `${deps.baseUrl()}/directline-local/${sinkKey}`;

  const conversationReply = (conversation: Conversation, token: string) => ({
    conversationId: conversation.id,
    token,
    expires_in: Math.floor(store.limits.tokenTtlMs / 1000),
  });

  /** 401 without a live token, 404 for an unknown conversation, 403 for someone else's. */
  function authorise(req: Request, res: Response): Conversation | undefined {
    const token = bearerToken(req);
    const tokenConversation = token ? store.conversationIdForToken(token) : undefined;
    if (!tokenConversation) {
      res.send(401, errorBody(401, 'A valid conversation token is required'));
      return undefined;
    }
    const conversation = store.get(String(req.params?.conversationId ?? ''));
    if (!conversation) {
      res.send(404, errorBody(404, 'Conversation not found'));
      return undefined;
    }
    if (tokenConversation !== conversation.id) {
      res.send(403, errorBody(403, 'This token belongs to another conversation'));
      return undefined;
    }
    return conversation;
  }

  async function runTurn(conversation: Conversation, activity: Record<string, unknown>): Promise<void> {
    // botbuilder expects Date objects where the wire carries ISO strings.
    const timestamp = typeof activity.timestamp === 'string' ? activity.timestamp : new Date().toISOString();
    const local = typeof activity.localTimestamp === 'string' && !Number.isNaN(Date.parse(activity.localTimestamp)) ? activity.localTimestamp : undefined;
    // A deep copy: the stored echo must not change whatever the turn does to its activity.
    const incoming = {
      ...structuredClone(activity),
      serviceUrl: serviceUrl(),
      timestamp: new Date(timestamp),
      rawTimestamp: timestamp,
      localTimestamp: local ? new Date(local) : undefined,
      rawLocalTimestamp: local,
    } as unknown as Activity;
    try {
      await deps.adapter.handleActivity('', incoming, (context) => deps.bot.run(context));
    } catch (err) {
      deps.logger.error(
        { event: 'directline_local_turn_failed', error: err instanceof Error ? err.name : 'UnknownError', conversationId: conversation.id },
        'local Direct Line turn failed',
      );
    }
  }

  /** Tells the bot the user joined, once per conversation, so the welcome appears. */
  async function start(conversation: Conversation): Promise<void> {
    if (conversation.started) return;
    conversation.started = true;
    const user = { id: conversation.userId, role: 'user' };
    await runTurn(conversation, {
      type: 'conversationUpdate',
      id: `${conversation.id}|start`,
      channelId: CHANNEL_ID,
      conversation: { id: conversation.id },
      from: user,
      recipient: BOT_ACCOUNT,
      membersAdded: [user],
      locale: conversation.locale,
      timestamp: new Date().toISOString(),
    });
  }

  // The stand-in for the Direct Line service's secret exchange; the token route calls it.
  server.post(`${LOCAL_DIRECT_LINE_PATH}/tokens/generate`, async (req, res) => {
    if (!sameSecret(bearerToken(req), secret)) {
      req.resume();
      res.send(401, errorBody(401, 'A valid Direct Line secret is required'));
      return;
    }
    let body: z.infer<typeof startBody>;
    try {
      const parsed = startBody.safeParse(await readOptionalJson(req, 4096));
      if (!parsed.success) throw new HttpError(400, 'bad_request', 'Not a valid token request');
      body = parsed.data;
    } catch (err) {
      sendError(res, err, deps.logger);
      return;
    }
    const conversation = store.create(body.user?.id ?? generatedUserId(), body.locale);
    const { token } = store.issueToken(conversation);
    res.send(200, conversationReply(conversation, token));
  });

  server.post(`${LOCAL_DIRECT_LINE_PATH}/conversations`, async (req, res) => {
    const given = bearerToken(req);
    const tokenConversationId = given ? store.conversationIdForToken(given) : undefined;
    const withSecret = sameSecret(given, secret);
    if (!tokenConversationId && !withSecret) {
      req.resume();
      res.send(401, errorBody(401, 'A valid Direct Line token or secret is required'));
      return;
    }
    let body: z.infer<typeof startBody>;
    try {
      const parsed = startBody.safeParse(await readOptionalJson(req, 4096));
      if (!parsed.success) throw new HttpError(400, 'bad_request', 'Not a valid conversation request');
      body = parsed.data;
    } catch (err) {
      sendError(res, err, deps.logger);
      return;
    }

    let conversation: Conversation | undefined;
    let token: string;
    if (tokenConversationId && given) {
      conversation = store.get(tokenConversationId);
      if (!conversation) {
        res.send(404, errorBody(404, 'Conversation not found'));
        return;
      }
      token = given;
    } else {
      conversation = store.create(body.user?.id ?? generatedUserId(), body.locale);
      token = store.issueToken(conversation).token;
    }
    if (body.locale && !conversation.locale) conversation.locale = body.locale;
    await start(conversation);
    res.send(201, conversationReply(conversation, token));
  });

  server.post(`${LOCAL_DIRECT_LINE_PATH}/tokens/refresh`, async (req, res) => {
    req.resume();
    const given = bearerToken(req);
    const conversationId = given ? store.conversationIdForToken(given) : undefined;
    const conversation = conversationId ? store.get(conversationId) : undefined;
    if (!conversation) {
      res.send(403, errorBody(403, 'The token is not valid or has expired'));
      return;
    }
    res.send(200, conversationReply(conversation, store.issueToken(conversation).token));
  });

  server.post(`${LOCAL_DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req, res) => {
    const conversation = authorise(req, res);
    if (!conversation) {
      req.resume();
      return;
    }
    let body: z.infer<typeof clientActivity>;
    try {
      const parsed = clientActivity.safeParse(await readJsonBody(req, deps.maxActivityBytes));
      if (!parsed.success) throw new HttpError(400, 'bad_request', 'Not a valid activity');
      body = parsed.data;
      if (body.type === 'event' && BOT_ONLY_EVENTS.has((body.name ?? '').trim().toLowerCase())) {
        throw new HttpError(400, 'bot_only_event', 'This event name is reserved for the bot');
      }
    } catch (err) {
      sendError(res, err, deps.logger);
      return;
    }
    // The echo keeps everything Web Chat sent (channelData.clientActivityID above all: Web Chat
    // waits for it to mark the message sent) but identity and routing are the server's.
    const echo = store.append(conversation, {
      ...withoutServerOwned(body),
      channelId: CHANNEL_ID,
      conversation: { id: conversation.id },
      from: { ...(body.from ?? {}), id: conversation.userId, role: 'user' },
      recipient: BOT_ACCOUNT,
      locale: body.locale ?? conversation.locale,
    });
    await runTurn(conversation, echo);
    res.send(200, { id: echo.id });
  });

  server.get(`${LOCAL_DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req, res) => {
    const conversation = authorise(req, res);
    if (!conversation) return;
    const raw = new URLSearchParams(req.getQuery()).get('watermark');
    const watermark = raw !== null && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
    res.send(200, store.activitiesAfter(conversation, watermark));
  });

  // Where the bot's replies land: {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}].
  const receiveReply = async (req: Request, res: Response): Promise<void> => {
    if (!isLoopbackPeer(req) || req.params?.key !== sinkKey) {
      req.resume();
      res.send(404, errorBody(404));
      return;
    }
    const conversation = store.get(String(req.params?.conversationId ?? ''));
    if (!conversation) {
      req.resume();
      res.send(404, errorBody(404, 'Conversation not found'));
      return;
    }
    let body: z.infer<typeof botActivity>;
    try {
      const parsed = botActivity.safeParse(await readJsonBody(req, deps.maxReplyBytes));
      if (!parsed.success) throw new HttpError(400, 'bad_request', 'Not a valid activity');
      body = parsed.data;
    } catch (err) {
      sendError(res, err, deps.logger);
      return;
    }
    const replyToId = req.params?.replyToId;
    // The serviceUrl carries the sink key: it never goes back out to clients.
    const { serviceUrl: _ownUrl, ...reply } = body;
    const stored = store.append(conversation, {
      ...reply,
      ...(replyToId && !reply.replyToId ? { replyToId } : {}),
      channelId: CHANNEL_ID,
      conversation: { id: conversation.id },
      from: reply.from ?? BOT_ACCOUNT,
    });
    res.send(200, { id: stored.id });
  };
  server.post('/directline-local/:key/v3/conversations/:conversationId/activities', receiveReply);
  server.post('/directline-local/:key/v3/conversations/:conversationId/activities/:replyToId', receiveReply);

  return { secret, store };
}

import type { Activity, Attachment, ChannelAccount, TestAdapter } from 'botbuilder';
import type { AdaptiveCard } from '../../src/content/cards';
import type { ConnectorStub } from './connectorStub';
import { messageActivity } from './activities';
import { postJson } from './httpClient';

/**
 * Sending a message and reading what came back: the one place for it, in process (TestAdapter)
 * and over HTTP (/api/messages with the Bot Connector stubbed).
 */

/** Sends one activity and returns every reply of that turn, traces included. */
export async function exchange(adapter: TestAdapter, activity: string | Partial<Activity>, from?: ChannelAccount): Promise<Partial<Activity>[]> {
  adapter.activeQueue.splice(0);
  const message = typeof activity === 'string' && from ? { ...adapter.makeActivity(activity), from } : activity;
  await adapter.receiveActivity(message);
  return adapter.activeQueue.splice(0);
}

/** Sends one activity and returns every reply of that turn except traces. */
export async function say(adapter: TestAdapter, activity: string | Partial<Activity>, from?: ChannelAccount): Promise<Partial<Activity>[]> {
  return (await exchange(adapter, activity, from)).filter((reply) => reply.type !== 'trace');
}

/** Where a test's bot listens over HTTP, and the stub that receives its replies. */
export interface HttpChat {
  base: string;
  serviceUrl: string;
  connector: ConnectorStub;
}

/** Posts a message to /api/messages and waits until the bot has replied to it. */
export async function sayOverHttp(chat: HttpChat, conversationId: string, text: string, extra: Record<string, unknown> = {}): Promise<void> {
  const before = chat.connector.for(conversationId, 'message').length;
  const res = await postJson(`${chat.base}/api/messages`, { ...messageActivity(chat.serviceUrl, text, conversationId), ...extra });
  if (res.status >= 300) throw new Error(`/api/messages answered ${res.status}`);
  await chat.connector.waitUntil(() => chat.connector.for(conversationId, 'message').length > before);
}

/** The text of each message of a turn, in order. */
export function texts(replies: Partial<Activity>[]): string[] {
  return replies.filter((reply) => reply.type === 'message').map((reply) => reply.text ?? '');
}

/** All message text of a turn, in order, one message a line. */
export function textOf(replies: Partial<Activity>[]): string {
  return texts(replies).join('\n');
}

export function eventsOf(replies: Partial<Activity>[]): Partial<Activity>[] {
  return replies.filter((reply) => reply.type === 'event');
}

/** The suggested-action labels of the turn's last message (where channels show them). */
export function buttons(replies: Partial<Activity>[]): string[] {
  const last = [...replies].reverse().find((reply) => reply.type === 'message');
  return (last?.suggestedActions?.actions ?? []).map((action) => String(action.title));
}

/** Asserts each needle appears in `text`, in this order. */
export function expectInOrder(text: string, needles: string[]): void {
  let last = -1;
  for (const needle of needles) {
    const at = text.indexOf(needle, last + 1);
    if (at < 0) throw new Error(`expected "${needle}" after position ${last} in:\n${text}`);
    last = at;
  }
}

/** The Adaptive Cards of a turn, in order. */
export function cards(replies: Partial<Activity>[]): AdaptiveCard[] {
  return replies.flatMap((reply) =>
    ((reply.attachments ?? []) as Attachment[])
      .filter((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((attachment) => attachment.content as AdaptiveCard),
  );
}

/** Every object in a card (or part of one), depth first in document order: the one card walker. */
export function cardNodes(node: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      out.push(record);
      Object.values(record).forEach(visit);
    }
  };
  visit(node);
  return out;
}

/** Every TextBlock text and fact of a card, and its link buttons' titles, in order: what a person reads. */
export function cardText(card: AdaptiveCard): string[] {
  return cardNodes([card.body, card.actions ?? []]).flatMap((node) => {
    const lines: string[] = [];
    if (node.type === 'TextBlock' && typeof node.text === 'string') lines.push(node.text);
    if (typeof node.title === 'string' && typeof node.value === 'string') lines.push(`${node.title}: ${node.value}`);
    if (node.type === 'Action.OpenUrl' && typeof node.title === 'string') lines.push(node.title);
    return lines;
  });
}

export interface OpenUrlAction {
  type: string;
  title: string;
  url: string;
}

/** The Action.OpenUrl buttons of every Adaptive Card in the turn, anywhere in the card, in order. */
export function cardActions(replies: Partial<Activity>[]): OpenUrlAction[] {
  return cards(replies)
    .flatMap((card) => cardNodes(card))
    .filter((node): node is Record<string, unknown> & OpenUrlAction => node.type === 'Action.OpenUrl');
}

/** A card's own link buttons (its `actions`), title and address. */
export function openUrls(card: AdaptiveCard): Array<{ title: string; url: string }> {
  return (card.actions ?? []).map((action) => ({ title: action.title, url: action.url }));
}

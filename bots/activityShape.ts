import type { Activity, ChannelAccount } from 'botbuilder';

/**
 * botbuilder trusts the shape of what a channel sends: a Teams mention with `mentioned: null`, or a
 * `membersAdded` holding null or a bare string, throws a TypeError deep in its handlers and the
 * person gets the turn-error message instead of an answer. These checks run before dispatch.
 */

function isAccount(value: unknown): value is ChannelAccount {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

/** Keeps only well-formed member lists (accounts with a string id); anything else becomes empty. */
export function repairMemberLists(activity: Activity): void {
  for (const field of ['membersAdded', 'membersRemoved'] as const) {
    const list: unknown = activity[field];
    if (list === undefined) continue;
    activity[field] = Array.isArray(list) ? list.filter(isAccount) : [];
  }
}

/**
 * Pure: the text without any @mention of the bot (every one, not only the first, as botbuilder's
 * removeRecipientMention does). Mention entities of any other shape are left alone.
 */
export function withoutBotMentions(text: string, entities: unknown, botId: string | undefined): string {
  if (!botId || !Array.isArray(entities)) return text;
  let result = text;
  for (const entity of entities as unknown[]) {
    if (typeof entity !== 'object' || entity === null) continue;
    const { type, mentioned, text: mentionText } = entity as { type?: unknown; mentioned?: unknown; text?: unknown };
    if (type !== 'mention' || !isAccount(mentioned) || mentioned.id !== botId) continue;
    if (typeof mentionText === 'string' && mentionText !== '') result = result.split(mentionText).join(' ');
  }
  return result === text ? text : result.replace(/\s+/g, ' ').trim();
}

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

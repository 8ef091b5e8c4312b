/** Where a Teams message was sent. Pure: reads plain activity data, whatever its shape. */
export type TeamsScope = 'personal' | 'groupChat' | 'channel';

/**
 * Teams names the scope in `conversation.conversationType`. Without it, a message carrying a team
 * or channel is a channel message and one marked `isGroup` a group chat; anything else is the
 * one-to-one chat.
 */
export function teamsScope(conversation: unknown, channelData?: unknown): TeamsScope {
  const { conversationType, isGroup } = (conversation && typeof conversation === 'object' ? conversation : {}) as {
    conversationType?: unknown;
    isGroup?: unknown;
  };
  if (conversationType === 'personal' || conversationType === 'groupChat' || conversationType === 'channel') return conversationType;
  const data = (channelData && typeof channelData === 'object' ? channelData : {}) as { team?: unknown; channel?: unknown };
  if (data.team || data.channel) return 'channel';
  return isGroup === true ? 'groupChat' : 'personal';
}

/** A deep link that opens a one-to-one chat with the bot in Teams. */
export function privateChatLink(botId: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=28:${encodeURIComponent(botId.replace(/^28:/, ''))}`;
}

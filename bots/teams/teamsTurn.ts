import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { mentionsBot, messageText } from './mentions';
import { teamsScope, type TeamsScope } from './scope';

/** What the bot knows about a Teams message's place: its scope, and whether the bot was @mentioned. */
export interface TeamsTurn {
  scope: TeamsScope;
  mentioned: boolean;
}

export const TEAMS_TURN_KEY = Symbol.for('ipt-guide.teamsTurn');

/** Works on any activity shape: malformed Teams data (a null `mentioned`, no conversation) reads as no mention. */
export function readTeamsTurn(context: TurnContext): TeamsTurn {
  const known = context.turnState.get(TEAMS_TURN_KEY) as TeamsTurn | undefined;
  if (known) return known;
  const { activity } = context;
  return {
    scope: teamsScope(activity.conversation, activity.channelData),
    mentioned: mentionsBot(activity.entities, activity.recipient?.id),
  };
}

/**
 * Runs before the safety gate on Teams messages: removes every @mention (text and HTML forms) so
 * the detector, the recogniser and the dialogs read only what the person wrote, takes the text from
 * Teams' HTML copy when the text field is empty, and notes the scope and whether the bot was named.
 */
export class TeamsMessageMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.channelId === 'msteams' && activity.type === ActivityTypes.Message) {
      context.turnState.set(TEAMS_TURN_KEY, readTeamsTurn(context));
      activity.text = messageText(activity);
    }
    await next();
  }
}

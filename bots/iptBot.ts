import {
  TeamsActivityHandler,
  TurnContext,
  type ConversationState,
  type UserState,
  type StatePropertyAccessor,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import type { ClinicContact } from '../src/config';
import type { MainDialog } from '../dialogs/mainDialog';
import { welcomeActivity } from '../dialogs/welcome';
import type { UserProfile } from '../src/profile';

export interface IptBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  dialog: MainDialog;
  clinic: ClinicContact;
  logger: Logger;
}

/**
 * One handler for Web Chat, the Emulator and Teams. Teams welcomes on install (its
 * conversationUpdate also fires when people join a team, where a greeting would be noise); other
 * channels welcome on conversationUpdate naming the user.
 */
export class IptBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  private readonly keptProfile: StatePropertyAccessor<UserProfile>;

  constructor(private readonly deps: IptBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('DialogState');
    // The profile a person asked us to keep ("remember me"): its nation picks the welcome's urgent line.
    this.keptProfile = deps.userState.createProperty<UserProfile>('UserProfile');

    this.onMembersAdded(async (context, next) => {
      if (context.activity.channelId !== 'msteams') {
        const botId = context.activity.recipient?.id;
        const people = (context.activity.membersAdded ?? []).filter((member) => member.id !== botId);
        if (people.length > 0) await this.welcome(context);
      }
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      if (context.activity.channelId === 'msteams') TurnContext.removeRecipientMention(context.activity);
      await deps.dialog.run(context, this.dialogState);
      await next();
    });

    this.onDialog(async (context, next) => {
      await deps.conversationState.saveChanges(context, false);
      await deps.userState.saveChanges(context, false);
      await next();
    });
  }

  private async welcome(context: TurnContext): Promise<void> {
    const kept = await this.keptProfile.get(context);
    await context.sendActivity(welcomeActivity(context.activity.locale ?? '', this.deps.clinic, kept?.nation));
  }
}

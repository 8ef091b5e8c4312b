import {
  TeamsActivityHandler,
  type TurnContext,
  type ConversationState,
  type UserState,
  type StatePropertyAccessor,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import type { ClinicContact } from '../src/config';
import type { MainDialog } from '../dialogs/mainDialog';
import { welcomeActivity } from '../dialogs/welcome';
import { repairMemberLists, withoutBotMentions } from './activityShape';

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

  constructor(private readonly deps: IptBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('DialogState');

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
      const { activity } = context;
      if (activity.channelId === 'msteams' && typeof activity.text === 'string') {
        activity.text = withoutBotMentions(activity.text, activity.entities, activity.recipient?.id);
      }
      await deps.dialog.run(context, this.dialogState);
      await next();
    });

    this.onDialog(async (context, next) => {
      await deps.conversationState.saveChanges(context, false);
      await deps.userState.saveChanges(context, false);
      await next();
    });
  }

  /** Malformed member lists would throw inside botbuilder's dispatch: mend them first. */
  override async run(context: TurnContext): Promise<void> {
    repairMemberLists(context.activity);
    await super.run(context);
  }

  private async welcome(context: TurnContext): Promise<void> {
    await context.sendActivity(welcomeActivity(context.activity.locale ?? '', this.deps.clinic));
  }
}

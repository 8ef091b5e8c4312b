import {
  TeamsActivityHandler,
  type TurnContext,
  type ConversationState,
  type UserState,
  type StatePropertyAccessor,
} from 'botbuilder';
import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import type { ClinicContact, WorkplaceSettings } from '../src/config';
import { SAFETY_DIALOGS, type MainDialog } from '../dialogs/mainDialog';
import { MESSAGE_HANDLED_KEY } from '../dialogs/turnState';
import { welcomeActivity } from '../dialogs/welcome';
import type { UserProfile } from '../src/profile';
import { repairMemberLists } from './activityShape';
import { TeamsConversation } from './teams/teamsConversation';
import type { SharedRiskFollowUp } from './teams/riskFollowUp';
import type { SafetyDialogDeps } from '../dialogs/safetyDialogShared';

export interface IptBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  dialog: MainDialog;
  clinic: ClinicContact;
  /** The employer this deployment serves; none configured means NHS routes only. */
  workplace?: WorkplaceSettings;
  /** The bot's app id (MicrosoftAppId), for Teams' private-chat link. */
  botAppId?: string;
  /** Where a risk answered in a Teams shared space is recorded for staff, as the safety dialogs do. */
  safety?: SafetyDialogDeps;
  logger: Logger;
}

/**
 * One handler for Web Chat, the Emulator and Teams. Teams welcomes on install in the personal chat
 * (its conversationUpdate also fires when people join a team, where a greeting would be noise);
 * other channels welcome on conversationUpdate naming the user. Teams' shared spaces and privacy
 * questions are handled in bots/teams before the dialogs (mentions are stripped by its middleware).
 */
export class IptBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly teams: TeamsConversation;
  /** Only for asking a waiting question again after Teams answered a privacy question in between. */
  private readonly resumeSet: DialogSet;

  private readonly keptProfile: StatePropertyAccessor<UserProfile>;

  constructor(private readonly deps: IptBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('DialogState');
    // The profile a person asked us to keep ("remember me"): its nation picks the welcome's urgent line.
    this.keptProfile = deps.userState.createProperty<UserProfile>('UserProfile');
    this.resumeSet = new DialogSet(this.dialogState).add(deps.dialog);
    this.teams = new TeamsConversation({
      clinic: deps.clinic,
      workplace: deps.workplace ?? { supportFirst: 'nhs' },
      botAppId: deps.botAppId,
      safety: deps.safety ?? { logger: deps.logger },
      recognize: (context) => deps.dialog.recognize(context),
      riskFollowUp: deps.conversationState.createProperty<SharedRiskFollowUp>('SharedRiskFollowUp'),
      logger: deps.logger,
    });

    this.onMembersAdded(async (context, next) => {
      if (context.activity.channelId !== 'msteams') {
        const botId = context.activity.recipient?.id;
        const people = (context.activity.membersAdded ?? []).filter((member) => member.id !== botId);
        if (people.length > 0) await this.welcome(context);
      }
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      if (!(await this.teams.onInstall(context))) await this.welcome(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      context.turnState.set(MESSAGE_HANDLED_KEY, true);
      const outcome = await this.teams.onMessage(context);
      if (outcome === 'dialogs') await deps.dialog.run(context, this.dialogState);
      if (outcome === 'resume') await this.resume(context);
      await next();
    });

    this.onDialog(async (context, next) => {
      // User state first: its fields are set, not accumulated, so a turn retried after a conflict on
      // conversation state (saved last) applies nothing twice.
      await deps.userState.saveChanges(context, false);
      await deps.conversationState.saveChanges(context, false);
      await next();
    });
  }

  /** Malformed member lists would throw inside botbuilder's dispatch: mend them first. */
  override async run(context: TurnContext): Promise<void> {
    repairMemberLists(context.activity);
    await super.run(context);
  }

  /**
   * Asks the open safety question again, with its buttons, when a turn ended without reaching the
   * dialogs (the safety gate answered a message in another language on its own). True when one was
   * waiting.
   */
  async askSafetyQuestionAgain(context: TurnContext): Promise<boolean> {
    const dc = await this.resumeSet.createContext(context);
    const waiting = dc.child?.activeDialog?.id;
    if (waiting === undefined || !SAFETY_DIALOGS.has(waiting)) return false;
    await dc.repromptDialog();
    await this.deps.conversationState.saveChanges(context, false);
    return true;
  }

  /** Re-asks whatever question a dialog was waiting on (MainDialog passes the reprompt to its active child). */
  private async resume(context: TurnContext): Promise<void> {
    const dc = await this.resumeSet.createContext(context);
    if (dc.activeDialog) await dc.repromptDialog();
  }

  private async welcome(context: TurnContext): Promise<void> {
    const kept = await this.keptProfile.get(context);
    await context.sendActivity(welcomeActivity(context.activity.locale ?? '', this.deps.clinic, kept?.nation));
  }
}

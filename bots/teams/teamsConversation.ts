import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { readSafeNow } from '../../src/safety/safetyAnswers';
import { noteSharedRisk, personKey, takeFollowUp, type SharedRiskFollowUp } from './riskFollowUp';
import type { Logger } from 'pino';
import type { ClinicContact, WorkplaceSettings } from '../../src/config';
import type { RecognitionResult } from '../../src/language/recognizer';
import { isTopicIntent } from '../../src/content/actions';
import type { RiskAssessment } from '../../src/safety/types';
import { PRIVACY_ANSWERED_KEY, RISK_ASSESSMENT_KEY } from '../../dialogs/turnState';
import { recordSafetyEvent, sendSafetyEvent, type SafetyDialogDeps } from '../../dialogs/safetyDialogShared';
import { isEraseRequest } from '../../src/language/eraseWords';
import { isAboutTheCheck, isPrivacyQuestion, messageKind, teamsLexicon } from './messageKind';
import { privateChatLink } from './scope';
import { readTeamsTurn } from './teamsTurn';
import {
  isGentleSignal,
  privacyAnswer,
  sharedIntro,
  sharedPersonalReply,
  sharedRiskFollowUpReply,
  sharedRiskReply,
  sharedTopicAnswer,
  teamsWelcomeActivities,
  type TeamsCopyContext,
} from './teamsReplies';

export interface TeamsConversationDeps {
  clinic: ClinicContact;
  workplace: WorkplaceSettings;
  /** The bot's app id, for the private-chat link when an activity does not name the bot. */
  botAppId?: string;
  /** Records the risk for staff and sends the event, exactly as the safety dialogs do. */
  safety: SafetyDialogDeps;
  /** Recognises the message once per turn (MainDialog's, so the intent trace is sent once). */
  recognize: (context: TurnContext) => Promise<RecognitionResult>;
  /** Who had a risk reply in a shared space (src: bots/teams/riskFollowUp.ts); without it, no follow-ups. */
  riskFollowUp?: StatePropertyAccessor<SharedRiskFollowUp>;
  now?: () => number;
  logger: Logger;
}

/**
 * Teams-only behaviour, in front of the dialogs. The personal chat is the home: the dialogs run
 * there as everywhere, and privacy questions get the answer for this workplace. Group chats and
 * channels are shared spaces: the bot speaks only when @mentioned (or when a message carries risk),
 * answers general questions about IPT briefly, and moves anything personal to a private chat.
 */
export type TeamsOutcome = 'dialogs' | 'answered' | 'resume';

export class TeamsConversation {
  constructor(private readonly deps: TeamsConversationDeps) {}

  /**
   * Sends the Teams welcome on install in the personal chat; nothing in shared spaces, and nothing
   * when an app update re-installs it ('add-upgrade'). True when it handled the event.
   */
  async onInstall(context: TurnContext): Promise<boolean> {
    if (context.activity.channelId !== 'msteams') return false;
    const firstInstall = context.activity.action?.toLowerCase() === 'add';
    if (firstInstall && readTeamsTurn(context).scope === 'personal') await context.sendActivities(teamsWelcomeActivities(this.copy(context)));
    return true;
  }

  /**
   * 'dialogs': run the dialogs as usual. 'answered': Teams answered, leave the dialogs alone.
   * 'resume': Teams answered in the personal chat; a dialog waiting for an answer asks again.
   */
  async onMessage(context: TurnContext): Promise<TeamsOutcome> {
    if (context.activity.channelId !== 'msteams') return 'dialogs';
    const { scope, mentioned } = readTeamsTurn(context);
    const risk = context.turnState.get(RISK_ASSESSMENT_KEY) as RiskAssessment | undefined;
    const copy = this.copy(context);
    const text = context.activity.text ?? '';

    if (scope === 'personal') {
      // Risk first: the emergency dialogs run in the personal chat exactly as on any channel.
      // A request to delete the chat is the delete dialog's (it confirms first), not a privacy question.
      if (risk || isEraseRequest(copy.locale, text) || !isPrivacyQuestion(text, teamsLexicon(copy.locale))) return 'dialogs';
      await context.sendActivity(privacyAnswer(copy, scope));
      // "if i do the check, can work see it?": the dialogs then offer the check, or ask its question again.
      if (isAboutTheCheck(text, teamsLexicon(copy.locale))) {
        context.turnState.set(PRIVACY_ANSWERED_KEY, true);
        return 'dialogs';
      }
      return 'resume';
    }

    const chatLink = this.chatLink(context);
    if (risk) {
      // Answered even without a mention: silence after a disclosure is worse than an unasked reply.
      const gentle = isGentleSignal(risk);
      await context.sendActivity(sharedRiskReply(copy, risk, chatLink));
      await recordSafetyEvent(this.deps.safety, context, risk, gentle ? 'checkIn' : 'emergency');
      await sendSafetyEvent(this.deps.safety, context, { category: risk.category, severity: gentle ? 'concern' : risk.severity });
      // Health data: no conversation id, and debug only.
      this.deps.logger.debug({ event: 'teams_shared_risk_reply', scope, category: risk.category }, 'risk in a shared space: short reply');
      await this.followUps(context, (state, key, now) => ({ state: noteSharedRisk(state, key, now) }));
      return 'answered';
    }
    if (!mentioned) return 'answered';

    // After a risk reply, this person's next messages ("idk", "sorry everyone, ignore that") keep 999
    // in view, never the general introduction, until they say they are safe.
    const safe = readSafeNow(text, copy.locale).label === 'safe';
    const nth = await this.followUps(context, (state, key, now) => {
      const taken = takeFollowUp(state, key, now, safe);
      return { state: taken.state, value: taken.followUp };
    });
    const followUp = nth !== undefined;
    if (followUp) await context.sendActivity(sharedRiskFollowUpReply(copy, safe ? 'safe' : nth, chatLink));

    const { intent } = await this.deps.recognize(context);
    switch (messageKind(text, intent, teamsLexicon(copy.locale))) {
      case 'privacy':
        await context.sendActivity(privacyAnswer(copy, scope));
        break;
      case 'personal':
        if (!followUp) await context.sendActivity(sharedPersonalReply(copy, chatLink));
        break;
      case 'general':
        if (isTopicIntent(intent)) await context.sendActivity(sharedTopicAnswer(copy, intent, chatLink));
        break;
      case 'other':
        if (!followUp) await context.sendActivity(sharedIntro(copy, chatLink));
        break;
    }
    return 'answered';
  }

  /** Changes the shared-space follow-up state for this message's sender (nothing without an accessor or a sender). */
  private async followUps<T>(
    context: TurnContext,
    change: (state: SharedRiskFollowUp, key: string, now: number) => { state: SharedRiskFollowUp; value?: T },
  ): Promise<T | undefined> {
    const accessor = this.deps.riskFollowUp;
    const from = context.activity.from;
    const id = from?.aadObjectId ?? from?.id;
    if (!accessor || !id) return undefined;
    const changed = change(await accessor.get(context, { people: {} }), personKey(id), (this.deps.now ?? Date.now)());
    await accessor.set(context, changed.state);
    return changed.value;
  }

  private copy(context: TurnContext): TeamsCopyContext {
    return { locale: context.activity.locale ?? '', clinic: this.deps.clinic, workplace: this.deps.workplace };
  }

  /** In Teams the recipient is the bot ("28:<app id>"); configuration is the fallback. */
  private chatLink(context: TurnContext): string {
    const recipient = context.activity.recipient?.id;
    const id = recipient && recipient.startsWith('28:') ? recipient : (this.deps.botAppId ?? recipient ?? '');
    return privateChatLink(id);
  }
}

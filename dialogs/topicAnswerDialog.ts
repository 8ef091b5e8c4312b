import { MessageFactory, type Activity } from 'botbuilder';
import { accessNhsCard, accessPrivateCard, focusAreasCard, phasesCard, type AdaptiveCard } from '../src/content/cards';
import type { TopicIntent } from '../src/content/actions';
import { t } from '../src/content/i18n';
import { AREA_NEXT, TOPIC_NEXT, type TopicRequest } from '../src/content/topics';
import { urgentNumbers } from '../src/content/urgentNumbers';
import { OneTurnDialog } from './oneTurnDialog';
import { withActions } from './replies';

export const TOPIC_ANSWER_DIALOG = 'topicAnswer';

/** Topics where structure helps: these answers come with a card. */
const CARDS: Partial<Record<TopicIntent, (locale: string) => AdaptiveCard>> = {
  WhatToExpect: phasesCard,
  FocusAreas: focusAreasCard,
  AccessNhs: accessNhsCard,
  AccessPrivate: accessPrivateCard,
};

/**
 * Answers one topic question: a short answer (about 80 words), a card where structure helps, and
 * 2 to 4 next steps as suggested actions. A focus area can be explained on its own.
 */
export class TopicAnswerDialog extends OneTurnDialog<TopicRequest> {
  constructor() {
    super(TOPIC_ANSWER_DIALOG);
  }

  protected replies(_context: unknown, locale: string, request?: TopicRequest): Partial<Activity>[] {
    if (!request) throw new Error('TopicAnswerDialog needs a topic');
    const { topic, area, nation, ageGroup, elsewhere } = request;
    if (topic === 'FocusAreas' && area) {
      return [withActions(locale, t(locale, `topics:FocusAreas.areas.${area}.answer`), AREA_NEXT)];
    }
    const replies: Partial<Activity>[] = [];
    const card = CARDS[topic]?.(locale);
    // Self-referral without a GP is England's route: elsewhere the answer itself is the nation's.
    const ownNation = topic === 'AccessNhs' && nation && nation !== 'england';
    const answer = ownNation ? t(locale, `topics:AccessNhs.answerByNation.${nation}`) : t(locale, `topics:${topic}.answer`);
    replies.push(withActions(locale, answer, TOPIC_NEXT[topic], card));
    // What differs for this person comes first, so the buttons stay on the last message.
    if (topic === 'AccessNhs' && ageGroup === 'under_18') {
      replies.unshift(MessageFactory.text(t(locale, 'topics:AccessNhs.young', urgentNumbers(locale))));
    } else if (topic === 'AccessNhs' && nation && !elsewhere) {
      replies.unshift(MessageFactory.text(t(locale, `topics:AccessNhs.nation.${nation}`)));
    }
    return replies;
  }
}

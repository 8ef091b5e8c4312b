import { ActionTypes, CardFactory, MessageFactory, type Activity, type CardAction } from 'botbuilder';
import { actionLabel, type ActionId } from '../src/content/actions';
import type { AdaptiveCard } from '../src/content/cards';

/**
 * Small helpers every dialog uses to shape a reply: text, an optional Adaptive Card, and suggested
 * actions. Suggested actions are imBack buttons: the label comes back as the person's message, and
 * MainDialog maps a label back to its action exactly (src/content/actions.ts).
 */

export function imBack(title: string): CardAction {
  return { type: ActionTypes.ImBack, title, value: title };
}

export function withButtons(text: string, labels: readonly string[], card?: AdaptiveCard): Partial<Activity> {
  // MessageFactory leaves out suggestedActions.to: some channels read an empty list as "show to nobody".
  const activity = labels.length > 0 ? MessageFactory.suggestedActions(labels.map(imBack), text) : MessageFactory.text(text);
  if (card) activity.attachments = [CardFactory.adaptiveCard(card)];
  return activity;
}

export function withActions(locale: string, text: string, actions: readonly ActionId[], card?: AdaptiveCard): Partial<Activity> {
  return withButtons(
    text,
    actions.map((action) => actionLabel(locale, action)),
    card,
  );
}

export function cardMessage(card: AdaptiveCard, text?: string): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card), text);
}

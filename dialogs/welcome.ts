import { MessageFactory, type Activity } from 'botbuilder';
import type { ClinicContact } from '../src/config';
import { WELCOME_MENU } from '../src/content/actions';
import { t } from '../src/content/i18n';
import { DEFAULT_PRIVACY_PATH } from '../src/content/links';
import { urgentNumbers } from '../src/content/urgentNumbers';
import { withActions } from './replies';
import type { Nation } from '../src/profile';

/** How to get urgent help, with the person's own nation's line when we know it (Northern Ireland: Lifeline). */
export function urgentLine(locale: string, nation?: Nation): string {
  return t(locale, nation ? `common:welcomeUrgentNation.${nation}` : 'common:welcomeUrgent', urgentNumbers(locale));
}

/**
 * The first messages a person sees: who the bot is and what it can do, that it is not an emergency
 * service and how to get urgent help, a one-line privacy notice with a link, and the main topics.
 */
export function welcomeActivities(locale: string, clinic: ClinicContact, nation?: Nation): Partial<Activity>[] {
  const privacy = t(locale, 'common:welcomePrivacy', { clinic: clinic.name, url: clinic.privacyUrl ?? DEFAULT_PRIVACY_PATH });
  return [
    MessageFactory.text(t(locale, 'common:welcome')),
    MessageFactory.text(urgentLine(locale, nation)),
    MessageFactory.text(privacy),
    withActions(locale, t(locale, 'common:welcomePrompt'), WELCOME_MENU),
  ];
}

/**
 * bots/iptBot.ts sends one activity. Until it sends `welcomeActivities`, this keeps the welcome to
 * that single message with everything in it.
 */
export function welcomeActivity(locale: string, clinic: ClinicContact, nation?: Nation): Partial<Activity> {
  const [intro, urgent, privacy, prompt] = welcomeActivities(locale, clinic, nation);
  return { ...prompt, text: [intro.text, urgent.text, privacy.text, prompt.text].join('\n\n') };
}

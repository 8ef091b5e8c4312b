import { MessageFactory, type Activity } from 'botbuilder';
import type { ClinicContact } from '../src/config';
import { t } from '../src/content/i18n';

/** The first message a person sees: who the bot is, that it is not an emergency service, and privacy. */
export function welcomeActivity(locale: string, _clinic: ClinicContact): Partial<Activity> {
  return MessageFactory.text(t(locale, 'common:welcome'));
}

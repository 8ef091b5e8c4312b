import { ActionTypes, CardFactory, MessageFactory, type Activity, type Attachment } from 'botbuilder';
import type { ClinicContact, WorkplaceSettings } from '../../src/config';
import { WELCOME_MENU, type TopicIntent } from '../../src/content/actions';
import { t } from '../../src/content/i18n';
import { LINKS } from '../../src/content/links';
import { urgentNumbers } from '../../src/content/urgentNumbers';
import { crisisRouteTable, routeSet, routesFor, type CrisisRoute } from '../../src/safety/crisisRoutes';
import { safetyReply } from '../../src/safety/safetyReply';
import type { RiskAssessment } from '../../src/safety/types';
import { withActions } from '../../dialogs/replies';
import type { TeamsScope } from './scope';

/**
 * Teams' own replies: the welcome in the personal chat, privacy at work, and what the bot says in
 * group chats and channels. Every number is printed in the text: Teams on desktop and the web does
 * not open tel: links, so a button alone would leave a person with nothing to dial.
 */

export interface TeamsCopyContext {
  locale: string;
  clinic: ClinicContact;
  workplace: WorkplaceSettings;
}

function workplaceName(copy: TeamsCopyContext): string {
  return copy.workplace.name ?? t(copy.locale, 'teams:workplaceDefault');
}

/** A card with one button that opens a link (the 1:1 chat): Teams shows no suggested actions in shared spaces. */
function openUrlCard(title: string, url: string): Attachment {
  return CardFactory.heroCard('', undefined, [{ type: ActionTypes.OpenUrl, title, value: url }]);
}

/** A card with one button that sends its label back as the person's message. */
function imBackCard(title: string): Attachment {
  return CardFactory.heroCard('', undefined, [{ type: ActionTypes.ImBack, title, value: title }]);
}

/**
 * The non-urgent support this deployment points to, in the configured order: the workplace's own
 * wellbeing or assistance service (when configured) and NHS Talking Therapies.
 */
export function supportLines(copy: TeamsCopyContext): string[] {
  const nhs = t(copy.locale, 'teams:support.nhs', { url: LINKS.nhsTalkingTherapiesFinder });
  const own = workplaceSupportLine(copy);
  if (!own) return [nhs];
  return copy.workplace.supportFirst === 'workplace' ? [own, nhs] : [nhs, own];
}

/** The workplace's own service with its number and address as text, when one is configured. */
function workplaceSupportLine(copy: TeamsCopyContext): string | undefined {
  const service = copy.workplace.support;
  if (!service) return undefined;
  const key = service.phone && service.url ? 'workplacePhoneUrl' : service.phone ? 'workplacePhone' : 'workplaceUrl';
  return t(copy.locale, `teams:support.${key}`, { service: service.name, workplace: workplaceName(copy), phone: service.phone, url: service.url });
}

/** A configured name ("the clinic") may open a line. */
function capitalised(line: string): string {
  return line.charAt(0).toUpperCase() + line.slice(1);
}

function bulleted(lines: readonly string[]): string {
  return lines.map((line) => `- ${capitalised(line)}`).join('\n');
}

function supportBlock(copy: TeamsCopyContext): string {
  return `${t(copy.locale, 'teams:support.lead')}\n${bulleted(supportLines(copy))}`;
}

/** The welcome in the personal chat: who the bot is, urgent numbers, privacy at work with a button, support, topics. */
export function teamsWelcomeActivities(copy: TeamsCopyContext): Partial<Activity>[] {
  const { locale } = copy;
  return [
    MessageFactory.text(t(locale, 'common:welcome')),
    MessageFactory.text(t(locale, 'common:welcomeUrgent', urgentNumbers(locale))),
    MessageFactory.attachment(imBackCard(t(locale, 'teams:privacyButton')), t(locale, 'teams:welcomePrivacy', { clinic: copy.clinic.name })),
    MessageFactory.text(supportBlock(copy)),
    withActions(locale, t(locale, 'common:welcomePrompt'), WELCOME_MENU),
  ];
}

/** Who can see this chat: the workplace, the clinic and Microsoft; not anonymous; deleting; the configured links. */
export function privacyAnswer(copy: TeamsCopyContext, scope: TeamsScope): Partial<Activity> {
  const { locale, clinic } = copy;
  const values = { workplace: workplaceName(copy), clinic: clinic.name };
  const points = ['workplace', 'clinic', 'microsoft', 'anonymous', 'delete'].map((key) => t(locale, `teams:privacy.${key}`, values));
  // Only absolute links: Teams cannot open a relative one, so an unconfigured page is left out.
  const links = [
    clinic.privacyUrl ? t(locale, 'teams:privacy.privacyLink', { url: clinic.privacyUrl }) : undefined,
    clinic.termsUrl ? t(locale, 'teams:privacy.termsLink', { url: clinic.termsUrl }) : undefined,
  ].filter((link): link is string => link !== undefined);
  // In a shared space the points describe the private chat, which is where they hold.
  const parts = [
    t(locale, scope === 'personal' ? 'teams:privacy.lead' : 'teams:privacy.sharedSpace'),
    bulleted(points),
    ...(links.length > 0 ? [links.join(' · ')] : []),
  ];
  return MessageFactory.text(parts.join('\n\n'));
}

function withChatButton(copy: TeamsCopyContext, text: string, chatLink: string): Partial<Activity> {
  return MessageFactory.attachment(openUrlCard(t(copy.locale, 'teams:chatButton'), chatLink), text);
}

/** A general question about IPT in a shared space: the topic's short answer, then the way to a private chat. */
export function sharedTopicAnswer(copy: TeamsCopyContext, topic: TopicIntent, chatLink: string): Partial<Activity> {
  const text = [t(copy.locale, `topics:${topic}.answer`), t(copy.locale, 'teams:shared.more', { link: chatLink })].join('\n\n');
  return withChatButton(copy, text, chatLink);
}

/** Something about the person, in a shared space: only an invitation to talk privately (and the support they can ask for). */
export function sharedPersonalReply(copy: TeamsCopyContext, chatLink: string): Partial<Activity> {
  const text = [t(copy.locale, 'teams:shared.personal', { link: chatLink }), supportBlock(copy)];
  return withChatButton(copy, text.join('\n\n'), chatLink);
}

/** Greetings, help or anything else in a shared space: what the bot does here. */
export function sharedIntro(copy: TeamsCopyContext, chatLink: string): Partial<Activity> {
  return withChatButton(copy, t(copy.locale, 'teams:shared.intro'), chatLink);
}

/**
 * The same person's next message after a risk reply in a shared space: short, 999 first, Samaritans,
 * and the private chat; never the general introduction. When they say they are safe: thanks, and
 * where help is if that changes (no "glad you're safe": the bot cannot know).
 */
export function sharedRiskFollowUpReply(copy: TeamsCopyContext, which: 'safe' | number, chatLink: string): Partial<Activity> {
  const { locale } = copy;
  const key = which === 'safe' ? 'riskSafe' : which % 2 === 0 ? 'riskStill' : 'riskStillAgain';
  const lead = t(locale, `teams:shared.${key}`, urgentNumbers(locale));
  const text = [lead, t(locale, 'teams:shared.riskPrivate', { link: chatLink })];
  return withChatButton(copy, text.join('\n\n'), chatLink);
}

/**
 * Signals that get the gentle wording (and count as a check-in): negated, backstop-only, past and
 * over, or said in a work frame (an HR policy, a training session).
 */
export function isGentleSignal(risk: RiskAssessment): boolean {
  return risk.negated || risk.possible === true || risk.when === 'past' || risk.frame === 'professional';
}

/**
 * One route as a short line for a shared space: its name and number, each once ("Samaritans: 116
 * 123", "NHS 111" where the name is the number).
 */
function shortRouteLine(locale: string, route: CrisisRoute): string {
  const name = t(locale, route.nameKey);
  const key = route.kind === 'sms' ? 'sms' : name.includes(route.value) ? 'named' : 'other';
  return t(locale, `teams:shared.routeLine.${key}`, { name, value: route.value, body: route.body ?? '' });
}

/**
 * Risk in a shared space. Short and private-minded: it never repeats or names what was said, asks
 * nothing in front of colleagues, gives 999 once in its first sentence, then the urgent lines (each
 * once, numbers as text) and offers a private chat. Lines for children and young people and the
 * email route are left to the private chat, where the full emergency dialog runs: in a workplace
 * chat they would only lengthen it. Someone worried about a colleague (or anyone else) hears that
 * helping is right and gets the lines for people worried about someone; a body in danger, 999 now.
 */
export function sharedRiskReply(copy: TeamsCopyContext, risk: RiskAssessment, chatLink: string): Partial<Activity> {
  const { locale } = copy;
  const table = crisisRouteTable(locale);
  const ageOnly = new Set(Object.values(table.order.byAge).flat());
  const reply = safetyReply(risk);
  const gentle = isGentleSignal(risk);
  const aboutOther = !gentle && reply.audience === 'other' && reply.kind !== 'medical';
  const medical = !gentle && reply.kind === 'medical';
  // Someone else's body in danger: 999 alone. Their own (tablets taken): 999 first, the lines too.
  const listed = aboutOther
    ? routeSet({ kind: reply.kind, category: risk.category }, table).main
    : medical && reply.audience !== 'self'
      ? []
      : routesFor({ category: risk.category, severity: risk.severity }, table).filter((route) => !ageOnly.has(route.id));
  const routes = listed.filter((route) => route.id !== 'emergency' && route.kind !== 'email');
  const leadKey = gentle ? 'riskGentle' : medical ? `riskMedical.${reply.audience === 'self' ? 'self' : 'other'}` : aboutOther ? 'riskOther' : 'risk';
  const lead = t(locale, `teams:shared.${leadKey}`, urgentNumbers(locale));
  // NHS Talking Therapies is not a crisis service: only the workplace's own service joins the lines.
  const own = workplaceSupportLine(copy);
  const text = [
    lead,
    ...(routes.length > 0 ? [bulleted(routes.map((route) => shortRouteLine(locale, route)))] : []),
    ...(own ? [`${t(locale, 'teams:support.workplaceLead')}\n${bulleted([own])}`] : []),
    t(locale, 'teams:shared.riskPrivate', { link: chatLink }),
  ].join('\n\n');
  return withChatButton(copy, text, chatLink);
}

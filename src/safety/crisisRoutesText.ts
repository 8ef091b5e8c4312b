import { t, tObject } from '../content/i18n';
import type { AgeGroup, Nation } from '../profile';
import { crisisRouteTable, routeNotesFor, routeSet, routesFor, type CrisisRoute, type RouteQuery } from './crisisRoutes';
import type { Setting } from './replySetting';
import type { SafetyReply } from './safetyReply';
import type { RiskAssessment, RiskCategory } from './types';

/**
 * Plain-text renderings of the crisis routes. Plain on purpose: the error path and channels without
 * cards must still show every number, readable and in order, with nothing that can fail to render.
 */

/** One line for one route, e.g. "- Samaritans: call 116 123. Free from any phone, any time." */
export function routeLine(locale: string, route: CrisisRoute): string {
  return t(locale, `safety:routeLine.${route.kind}`, {
    name: t(locale, route.nameKey),
    value: route.value,
    body: route.body ?? '',
    description: t(locale, route.descriptionKey),
  });
}

/** The bullet list of routes plus any notes for the person's nation, 999 first. */
export function routesListText(locale: string, query: RouteQuery): string {
  const table = crisisRouteTable(locale);
  const notes = routeNotesFor(query, table).map((key) => t(locale, key));
  return [routeBullets(locale, routesFor(query, table)), ...notes].join('\n');
}

/**
 * The whole crisis message as one plain text: what to do if life is at risk now, that the bot is
 * not an emergency service, and every route.
 */
export function crisisRoutesText(locale: string, query: RouteQuery): string {
  return [t(locale, 'safety:plain.lead'), routesListText(locale, query)].join('\n\n');
}

/** Routes as a bullet list, one line each. */
export function routeBullets(locale: string, routes: readonly CrisisRoute[]): string {
  return routes.map((route) => `- ${routeLine(locale, route)}`).join('\n');
}

export interface CrisisReply {
  /** the whole message: every number it offers is printed here */
  text: string;
  /** the routes to offer as buttons, 999 first */
  buttons: CrisisRoute[];
  /** what "More places to get help" shows */
  more: CrisisRoute[];
}

/** How the message opens: the first reply, a new risk message while the dialog is open, or after "yes" to the check-in. */
export type CrisisLead = 'first' | 'repeat' | 'afterCheckIn';

function leadKey(reply: SafetyReply, category: RiskCategory): string {
  switch (reply.kind) {
    case 'self':
    case 'self_abuse':
    case 'self_older_abuse':
    case 'self_danger':
      return `safety:reply.lead.${category}`;
    case 'medical':
      return 'safety:reply.lead.medical';
    case 'harming':
    case 'harming_child':
      return 'safety:reply.lead.harm_to_others';
    default:
      return 'safety:reply.lead.someone';
  }
}

function nowKey(reply: SafetyReply): string {
  if (reply.kind === 'medical') return reply.audience === 'self' ? 'safety:reply.now.medicalSelf' : 'safety:reply.now.medicalOther';
  // Someone hurting or threatening them: danger, not a life at risk by their own hand.
  if (reply.kind === 'self_abuse' || reply.kind === 'self_older_abuse' || reply.kind === 'self_danger') return 'safety:reply.now.selfDanger';
  return `safety:reply.now.${reply.audience}`;
}

export interface PersonContext {
  nation?: Nation;
  ageGroup?: AgeGroup;
  /** where they are or what is going on for them, said so far (a ward, a school, a new baby) */
  settings?: readonly Setting[];
}

/**
 * Who is close by to help, for each setting the person has named: a nurse and the call bell on a
 * ward, the school's safeguarding lead for a pupil, the midwife or health visitor in a pregnancy or
 * after a birth. `again` is the shorter wording for replies while their safety is still open.
 * The school line is for a child: a pupil's own reply (under 18) or a worry about a child; a
 * physical emergency keeps only the ward line (999 and the call bell, nothing else to read).
 */
export function settingLines(locale: string, reply: SafetyReply, person: PersonContext, again = false): string[] {
  const voice = reply.audience === 'other' ? 'other' : 'self';
  const fits = (setting: Setting): boolean => {
    if (setting === 'hospital') return true;
    if (reply.kind === 'medical') return false;
    // A teacher who may hurt someone is never told to tell a teacher they trust.
    if (setting === 'school') return reply.audience === 'other' ? reply.kind === 'child' || reply.kind === 'child_abuse' : reply.audience === 'self' && person.ageGroup === 'under_18';
    return true;
  };
  return (person.settings ?? []).filter(fits).map((setting) => tObject<string[]>(locale, `safety:setting.${setting}.${voice}`)[again ? 1 : 0]);
}

/**
 * The one crisis message for a kind of reply: a short warm lead, 999 first, then the few routes
 * that fit the person's nation and age (the rest wait behind "More places to get help"), short
 * tips, and for someone helping another person a line on how to talk to them. Plain and short for
 * a physical emergency. Never names a method.
 */
export function crisisReplyFor(locale: string, reply: SafetyReply, assessment: RiskAssessment, person: PersonContext, lead: CrisisLead): CrisisReply {
  const set = routeSet({ kind: reply.kind, category: assessment.category, nation: person.nation, ageGroup: person.ageGroup }, crisisRouteTable(locale));
  const listed = set.main.filter((route) => route.id !== 'emergency');
  const opening =
    lead === 'repeat' ? 'safety:reply.repeatLead' : lead === 'afterCheckIn' ? 'safety:reply.afterCheckIn' : leadKey(reply, assessment.category);
  // Stroke signs are for a body in trouble, not for tablets already taken.
  const tips = set.tipKeys.filter((key) => key !== 'safety:tips.stroke_fast' || !assessment.matched.some((id) => id.includes('overdose')));
  const paragraphs = [
    `${t(locale, opening)} ${t(locale, nowKey(reply))}`,
    ...settingLines(locale, reply, person),
    ...(reply.audience === 'other' && reply.kind !== 'medical' ? [t(locale, 'safety:reply.howToHelp')] : []),
    ...(listed.length > 0 ? [`${t(locale, `safety:reply.routesLead.${reply.audience}`)}\n${routeBullets(locale, listed)}`] : []),
    ...tips.map((key) => t(locale, key)),
    ...set.noteKeys.map((key) => t(locale, key)),
    ...(reply.audience === 'self' ? [t(locale, 'safety:reply.chatbot')] : []),
  ];
  return { text: paragraphs.join('\n\n'), buttons: set.main, more: set.more };
}

/** What "More places to get help" says: the routes the first message left out, or that there are no more. */
export function moreRoutesText(locale: string, more: readonly CrisisRoute[]): string {
  return more.length > 0 ? `${t(locale, 'safety:reply.moreLead')}\n${routeBullets(locale, more)}` : t(locale, 'safety:reply.moreNone');
}

/**
 * The routes again, once the person has said where they live or how old they are during the crisis
 * reply: 999 first, then the few that fit them now, the rest behind "More places to get help".
 */
export function tailoredReplyFor(locale: string, reply: SafetyReply, category: RiskCategory, person: PersonContext): CrisisReply {
  const set = routeSet({ kind: reply.kind, category, nation: person.nation, ageGroup: person.ageGroup }, crisisRouteTable(locale));
  const paragraphs = [`${t(locale, 'safety:reply.tailored')}\n${routeBullets(locale, set.main)}`, ...set.noteKeys.map((key) => t(locale, key))];
  return { text: paragraphs.join('\n\n'), buttons: set.main, more: set.more };
}

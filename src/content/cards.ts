import type { ClinicContact } from '../config';
import type { CrisisRoute } from '../safety/crisisRoutes';
import { t, tObject } from './i18n';
import { LINKS } from './links';
import { FOCUS_AREAS, type SuitabilityResult } from './suitability';

/**
 * Adaptive Cards (schema 1.5, which Teams and Web Chat render) as plain JSON, built from the copy.
 * Pure functions: no botbuilder here; dialogs wrap the result in an attachment. Only the small set
 * of elements below is used, and test/content validates every card against the 1.5 schema.
 */

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_VERSION = '1.5';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'Bolder';
  size?: 'Medium' | 'Large';
  style?: 'heading';
  isSubtle?: boolean;
  spacing?: 'Small' | 'Medium';
}

export interface FactSet {
  type: 'FactSet';
  facts: Array<{ title: string; value: string }>;
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  separator?: boolean;
  spacing?: 'Small' | 'Medium';
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

/** Buttons inside the body: one set per route keeps every button visible on hosts that cap top-level actions. */
export interface ActionSet {
  type: 'ActionSet';
  actions: OpenUrlAction[];
}

export type CardElement = TextBlock | FactSet | Container | ActionSet;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: typeof ADAPTIVE_CARD_VERSION;
  /** Read by screen readers and shown where a card cannot be drawn. */
  fallbackText: string;
  speak?: string;
  body: CardElement[];
  actions?: OpenUrlAction[];
}

const heading = (text: string): TextBlock => ({ type: 'TextBlock', text, wrap: true, weight: 'Bolder', size: 'Medium', style: 'heading' });
const subheading = (text: string): TextBlock => ({ type: 'TextBlock', text, wrap: true, weight: 'Bolder', spacing: 'Medium' });
const paragraph = (text: string): TextBlock => ({ type: 'TextBlock', text, wrap: true, spacing: 'Small' });
const note = (text: string): TextBlock => ({ type: 'TextBlock', text, wrap: true, isSubtle: true, spacing: 'Medium' });
const openUrl = (title: string, url: string): OpenUrlAction => ({ type: 'Action.OpenUrl', title, url });

function card(title: string, body: CardElement[], actions: OpenUrlAction[] = [], fallbackText: string = title): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    fallbackText,
    body: [heading(title), ...body],
    ...(actions.length > 0 ? { actions } : {}),
  };
}

interface Phase {
  name: string;
  sessions: string;
  text: string;
}

interface Fact {
  title: string;
  value: string;
}

/** WhatToExpect: the three phases, then the formats. */
export function phasesCard(locale: string): AdaptiveCard {
  const phases = tObject<Phase[]>(locale, 'topics:WhatToExpect.phases');
  const formats = tObject<Fact[]>(locale, 'topics:WhatToExpect.formats');
  return card(t(locale, 'topics:WhatToExpect.cardTitle'), [
    ...phases.map(
      (phase, index): Container => ({
        type: 'Container',
        separator: index > 0,
        spacing: 'Medium',
        // "Part 1: ..." and not "1. ...": Web Chat reads a line starting "2." as a one-item Markdown
        // list and numbers every part "1.".
        items: [
          subheading(t(locale, 'topics:WhatToExpect.phaseHeading', { number: index + 1, name: phase.name })),
          { ...note(phase.sessions), spacing: 'Small' },
          paragraph(phase.text),
        ],
      }),
    ),
    subheading(t(locale, 'topics:WhatToExpect.formatsTitle')),
    { type: 'FactSet', facts: formats },
  ]);
}

/** FocusAreas: the four areas, one line each; each can then be explained on its own. */
export function focusAreasCard(locale: string): AdaptiveCard {
  return card(
    t(locale, 'topics:FocusAreas.cardTitle'),
    FOCUS_AREAS.map(
      (area, index): Container => ({
        type: 'Container',
        separator: index > 0,
        spacing: 'Medium',
        items: [subheading(t(locale, `topics:FocusAreas.areas.${area}.name`)), paragraph(t(locale, `topics:FocusAreas.areas.${area}.short`))],
      }),
    ),
  );
}

/** AccessNhs: the routes, with a link button to the NHS service finder. */
export function accessNhsCard(locale: string): AdaptiveCard {
  return card(
    t(locale, 'topics:AccessNhs.cardTitle'),
    [{ type: 'FactSet', facts: tObject<Fact[]>(locale, 'topics:AccessNhs.routes') }, note(t(locale, 'topics:AccessNhs.cardNote'))],
    [openUrl(t(locale, 'topics:AccessNhs.findService'), LINKS.nhsTalkingTherapiesFinder)],
  );
}

/** AccessPrivate: where to look, what to check, what to ask. */
export function accessPrivateCard(locale: string): AdaptiveCard {
  const questions = tObject<string[]>(locale, 'topics:AccessPrivate.ask');
  return card(
    t(locale, 'topics:AccessPrivate.cardTitle'),
    [subheading(t(locale, 'topics:AccessPrivate.askTitle')), ...questions.map((question) => paragraph(`• ${question}`))],
    [
      openUrl(t(locale, 'topics:AccessPrivate.iptUk'), LINKS.iptUk),
      openUrl(t(locale, 'topics:AccessPrivate.bacp'), LINKS.bacpRegister),
      openUrl(t(locale, 'topics:AccessPrivate.ukcp'), LINKS.ukcpRegister),
    ],
  );
}

/** The end of the suitability check: areas that may fit, an honest view, the next step. */
export function suitabilitySummaryCard(locale: string, result: SuitabilityResult, numbers: { childline: string; samaritans: string }): AdaptiveCard {
  const areas =
    result.areas.length > 0
      ? result.areas.map((area) => paragraph(`• ${t(locale, `topics:FocusAreas.areas.${area}.name`)}`))
      : [paragraph(t(locale, 'suitability:summary.areasNone'))];
  const next = [paragraph(t(locale, `suitability:summary.next.${result.nextStep}`, numbers))];
  if (result.showPrivate) next.push(paragraph(t(locale, 'suitability:summary.privateAlso')));
  const actions: OpenUrlAction[] = [];
  if (result.showNhsFinder) actions.push(openUrl(t(locale, 'suitability:summary.findService'), LINKS.nhsTalkingTherapiesFinder));
  if (result.showPrivate) actions.push(openUrl(t(locale, 'topics:AccessPrivate.iptUk'), LINKS.iptUk));
  return card(
    t(locale, 'suitability:summary.title'),
    [
      subheading(t(locale, 'suitability:summary.areasTitle')),
      ...areas,
      subheading(t(locale, 'suitability:summary.viewTitle')),
      paragraph(t(locale, `suitability:summary.view.${result.view}`, numbers)),
      subheading(t(locale, 'suitability:summary.nextTitle')),
      ...next,
      note(t(locale, 'suitability:summary.disclaimer')),
    ],
    actions,
  );
}

/** HumanContact: whatever contact details the clinic configured. Undefined when it gave none. */
export function humanContactCard(locale: string, clinic: ClinicContact): AdaptiveCard | undefined {
  const facts: Fact[] = [];
  if (clinic.phone) facts.push({ title: t(locale, 'common:contactPhone'), value: clinic.phone });
  if (clinic.email) facts.push({ title: t(locale, 'common:contactEmail'), value: clinic.email });
  if (facts.length === 0 && !clinic.url) return undefined;
  const actions = clinic.url ? [openUrl(t(locale, 'common:contactWebsite'), clinic.url)] : [];
  return card(t(locale, 'common:humanContactTitle', { clinic: clinic.name }), facts.length > 0 ? [{ type: 'FactSet', facts }] : [], actions);
}

/** A route's button: tel:, sms: or mailto:, titled from the copy ("Call Samaritans on 116 123"). */
function routeAction(locale: string, route: CrisisRoute): OpenUrlAction {
  return openUrl(t(locale, route.actionKey, { value: route.value, body: route.body ?? '' }), route.uri);
}

const routeButtons = (locale: string, routes: readonly CrisisRoute[]): ActionSet[] =>
  routes.map((route) => ({ type: 'ActionSet', actions: [routeAction(locale, route)] }));

/**
 * The crisis buttons: one tap to call, text or email each route the message beside it lists. The
 * message's text carries every number (tel: buttons do not work on Teams desktop and web), so the
 * card holds buttons only and never lists a route a second time; `fallbackText` is that text, for
 * hosts that cannot draw the card.
 */
export function crisisRoutesCard(locale: string, routes: readonly CrisisRoute[], fallbackText: string): AdaptiveCard {
  return card(t(locale, 'safety:reply.cardTitle'), routeButtons(locale, routes), [], fallbackText);
}

export interface SafetyPlanSection {
  heading: string;
  lines: string[];
}

/**
 * The person's safety plan: their own words under each heading, then the routes as buttons (the
 * plain-text copy sent with it prints the numbers). `fallbackText` is that plain text.
 */
export function safetyPlanCard(locale: string, sections: readonly SafetyPlanSection[], routes: readonly CrisisRoute[], fallbackText: string): AdaptiveCard {
  const body: CardElement[] = sections.map(
    (section): Container => ({ type: 'Container', spacing: 'Medium', items: [subheading(section.heading), ...section.lines.map(paragraph)] }),
  );
  body.push({ type: 'Container', spacing: 'Medium', items: [subheading(t(locale, 'safety:plan.headings.lines')), ...routeButtons(locale, routes)] });
  return card(t(locale, 'safety:plan.title'), body, [], fallbackText);
}

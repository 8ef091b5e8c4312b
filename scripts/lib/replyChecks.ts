/**
 * What a person would notice in the bot's replies to one turn, and the named checks the
 * multi-turn scripts in test/scripts and blind script sets use. Pure: activities in, verdicts out.
 * The checks assert facts any good reply carries (numbers, events, the absence of a goodbye), not
 * the bot's exact wording, so sets written without sight of the copy can use them.
 */
import type { ReceivedActivity } from './connectorStub';

export const EMERGENCY_EVENT = 'emergencySupport';

/** Route numbers as people see them, digits only, for "mentions" and "never twice in a turn". */
const ROUTE_NUMBERS: Readonly<Record<string, string>> = {
  mentions999: '999',
  mentions111: '111',
  mentionsSamaritans: '116123',
  mentionsShout: '85258',
  mentionsChildline: '08001111',
  mentionsNspcc: '08088005000',
  mentionsLifeline: '08088088000',
  mentionsBreathingSpace: '0800838587',
  mentionsHourglass: '08088088141',
  mentionsRespect: '08088024040',
};

const OTHER_NUMBERS = ['08082000247', '08000684141', '08088010327', '101'];

/** Everything a person reads or can tap in the turn's replies. */
export interface TurnView {
  /** message texts and card text (not buttons), one entry per block */
  texts: string[];
  /** button titles and values */
  buttons: string[];
  events: string[];
}

function cardStrings(value: unknown, texts: string[], buttons: string[], inAction = false): void {
  if (typeof value === 'string') return;
  if (Array.isArray(value)) {
    for (const item of value) cardStrings(item, texts, buttons, inAction);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  const isAction = inAction || (typeof record.type === 'string' && record.type.startsWith('Action.')) || 'value' in record;
  for (const [key, item] of Object.entries(record)) {
    // fallbackText and speak stand in for the card where it cannot be shown: not seen beside it.
    if (typeof item === 'string' && ['text', 'title', 'subtitle', 'value'].includes(key)) {
      (isAction ? buttons : texts).push(item);
    } else if (key === 'actions' || key === 'buttons' || key === 'selectAction') {
      cardStrings(item, texts, buttons, true);
    } else {
      cardStrings(item, texts, buttons, isAction);
    }
  }
}

export function viewOf(activities: readonly ReceivedActivity[]): TurnView {
  const view: TurnView = { texts: [], buttons: [], events: [] };
  for (const activity of activities) {
    if (activity.type === 'event' && typeof activity.name === 'string') view.events.push(activity.name);
    if (activity.type !== 'message') continue;
    if (typeof activity.text === 'string' && activity.text !== '') view.texts.push(activity.text);
    for (const action of activity.suggestedActions?.actions ?? []) {
      if (typeof action.title === 'string') view.buttons.push(action.title);
      if (typeof action.value === 'string') view.buttons.push(action.value);
    }
    for (const attachment of activity.attachments ?? []) {
      if (attachment.contentType === 'text/plain' && typeof attachment.content === 'string') view.texts.push(attachment.content);
      else cardStrings(attachment.content, view.texts, view.buttons);
    }
  }
  return view;
}

const digitsOnly = (s: string): string => s.replace(/[\s-]/g, '');

/**
 * In how many lines of the turn's texts each route number appears (buttons excluded: a number is
 * printed and tappable). Lines, not occurrences: "NHS 111: call 111" gives the route once.
 */
function numberCounts(view: TurnView): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of view.texts.flatMap((text) => text.split('\n'))) {
    const compact = digitsOnly(line);
    for (const number of [...Object.values(ROUTE_NUMBERS), ...OTHER_NUMBERS]) {
      if (new RegExp(`(?<!\\d)${number}(?!\\d)`).test(compact)) counts.set(number, (counts.get(number) ?? 0) + 1);
    }
  }
  return counts;
}

function mentionsNumber(view: TurnView, number: string): boolean {
  return [...view.texts, ...view.buttons].some((s) => new RegExp(`(?<!\\d)${number}(?!\\d)`).test(digitsOnly(s)));
}

const lower = (view: TurnView): string => [...view.texts, ...view.buttons].join('\n').toLowerCase();
const textOnly = (view: TurnView): string => view.texts.join('\n').toLowerCase();

const SAFE_CLAIM = /glad (that )?you('| a)re safe|good (to hear|that) you('| a)re safe|(great|good),? you('| a)re safe|you are safe now/;
const GOODBYE = /\b(good ?bye|bye for now|bye!|thanks for chatting|take care of yourself\.?$)/m;
const FALLBACK = /(did ?n[o']?t|do ?n[o']?t|could ?n[o']?t) (quite )?(understand|catch|get) (that|you|what)|not sure what you mean|sorry, i didn.t/;
const SELF_REFERRAL = /refer yourself|self-refer|self refer|without (seeing |going to )?(a |your )?gp|don.t need (to see )?(a |your )?gp/;

export type Check = string | { mentionsAny: string[] } | { notMentionsAny: string[] };

/** A failed check's description, or undefined when it holds. Unknown check names fail loudly. */
export function runCheck(check: Check, view: TurnView): string | undefined {
  if (typeof check !== 'string') {
    const all = lower(view);
    if ('mentionsAny' in check) return check.mentionsAny.some((w) => all.includes(w.toLowerCase())) ? undefined : `mentions none of ${check.mentionsAny.join(' | ')}`;
    const hit = check.notMentionsAny.find((w) => all.includes(w.toLowerCase()));
    return hit === undefined ? undefined : `mentions "${hit}"`;
  }
  const number = ROUTE_NUMBERS[check];
  if (number !== undefined) return mentionsNumber(view, number) ? undefined : `no ${number}`;
  const emergency = view.events.includes(EMERGENCY_EVENT);
  const safety = emergency || mentionsNumber(view, '999') || mentionsNumber(view, '116123');
  switch (check) {
    case 'emergencyEvent':
      return emergency ? undefined : 'no emergencySupport event';
    case 'noEmergencyEvent':
      return emergency ? 'emergencySupport event sent' : undefined;
    case 'safetyResponse':
      return safety ? undefined : 'no safety response';
    case 'noSafetyResponse':
      return safety ? 'a safety response was given' : undefined;
    case 'mentionsGp':
      return /\b(gp|doctor)\b/.test(lower(view)) ? undefined : 'no GP';
    case 'notMentionsLifeline':
      return mentionsNumber(view, ROUTE_NUMBERS.mentionsLifeline) ? 'mentions Lifeline' : undefined;
    case 'notMentionsSelfReferral':
      return SELF_REFERRAL.test(textOnly(view)) ? 'says you can refer yourself' : undefined;
    case 'noSafeClaim':
      return SAFE_CLAIM.test(textOnly(view)) ? 'says the person is safe' : undefined;
    case 'noGoodbye':
      return GOODBYE.test(textOnly(view)) ? 'says goodbye' : undefined;
    case 'noFallback':
      return FALLBACK.test(textOnly(view)) ? 'a fallback reply' : undefined;
    case 'noRepeatNumber': {
      const repeated = [...numberCounts(view)].filter(([, n]) => n > 1).map(([num]) => num);
      return repeated.length === 0 ? undefined : `repeats ${repeated.join(', ')}`;
    }
    case 'asksQuestion':
      return view.texts.some((t) => t.trim().endsWith('?')) || view.buttons.length > 0 ? undefined : 'asks nothing and offers no buttons';
    case 'short': {
      const words = view.texts.join(' ').split(/\s+/).filter(Boolean).length;
      return words <= 120 ? undefined : `${words} words`;
    }
    default:
      return `unknown check "${check}"`;
  }
}

/** Replies identical to the previous turn's (the same text again is a conversation going round in circles). */
export function sameAsBefore(previous: TurnView | undefined, current: TurnView): boolean {
  if (!previous || current.texts.length === 0) return false;
  return current.texts.join('\n') === previous.texts.join('\n');
}

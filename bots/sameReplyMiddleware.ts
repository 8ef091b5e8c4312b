import type { Activity, Middleware, ResourceResponse, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { isUrgent } from '../src/transcripts/replyMarkers';
import { MESSAGE_HANDLED_KEY } from '../dialogs/turnState';

/** What the last turn said, as one number: conversation state keeps no reply text. */
export interface LastReply {
  hash: number;
  /** The turn's first message alone, when the turn sent more than one. */
  first?: number;
}

export interface SameReplyDeps {
  lastReply: StatePropertyAccessor<LastReply>;
  /** The line that goes before a reply that would otherwise be the last turn's reply again. */
  note: (locale: string) => string;
  /** Turns left alone whatever they say (a crisis response: its words are never changed, and nothing is recorded). */
  leaveAlone: (context: TurnContext) => boolean;
}

/** Set when the conversation was erased this turn: nothing about it may be written again. */
const ERASED = Symbol.for('ipt-guide.sameReplyErased');

/** The conversation was erased this turn: its last reply is not recorded (that would write its state back). */
export function forgetLastReply(context: TurnContext): void {
  context.turnState.set(ERASED, true);
}

/** FNV-1a: a short, stable fingerprint of what a turn said. */
export function replyHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * Whether a turn's first message needs the note: the last turn said exactly this and nothing else
 * ("is it free" asked twice in a Teams channel, two privacy questions that share one answer), or
 * the last turn opened with these same words before going on (the help reply's two messages, sent
 * again for "it's just hard"). Pure. A turn that opens with something of its own (a question asked
 * again after a side answer) is new.
 */
export function repeatsLastTurn(last: LastReply | undefined, firstText: string): boolean {
  if (last === undefined) return false;
  const hash = replyHash(firstText);
  return last.hash === hash || last.first === hash;
}

/** A mark on activities already read (it survives the copy botbuilder makes when sending, as the urgent mark does). */
const READ = Symbol.for('ipt-guide.sameReplyRead');
/** This turn's reply texts so far and the last turn's fingerprint: turn state, so a retried turn starts again. */
const TURN_KEY = Symbol.for('ipt-guide.sameReplyTurn');

interface TurnRecord {
  last: LastReply | undefined;
  texts: string[];
}

/**
 * No one gets the same reply twice in a row, whichever part of the bot answered (dialogs, Teams'
 * shared spaces and privacy answers): when a turn would open with exactly what the last turn said,
 * a short line says so and how to ask differently. It sits before the turn retry, which holds
 * replies until state is saved, so it reads each reply while the turn runs and its record is saved
 * with the turn's state. It acts only once the bot's message handler runs (the state it reads is
 * then that attempt's), never on crisis replies, never after the conversation was erased, and a
 * state it cannot read leaves the reply as it is.
 */
export class SameReplyMiddleware implements Middleware {
  constructor(private readonly deps: SameReplyDeps) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type === 'message') {
      context.onSendActivities((ctx, activities, sendNext) => this.read(ctx, activities, sendNext));
    }
    await next();
  }

  private async read(context: TurnContext, activities: Partial<Activity>[], sendNext: () => Promise<ResourceResponse[]>): Promise<ResourceResponse[]> {
    const { turnState } = context;
    if (turnState.get(MESSAGE_HANDLED_KEY) !== true || turnState.get(ERASED) === true) return sendNext();
    if (activities.some(isUrgent) || this.deps.leaveAlone(context)) return sendNext();
    const fresh = activities.filter((activity) => activity.type === 'message' && !(activity as Record<symbol, unknown>)[READ]);
    if (fresh.length === 0) return sendNext();
    try {
      let record = turnState.get(TURN_KEY) as TurnRecord | undefined;
      if (!record) {
        const stored = await this.deps.lastReply.get(context);
        record = { last: stored ? { ...stored } : undefined, texts: [] };
        turnState.set(TURN_KEY, record);
      }
      for (const activity of fresh) {
        Object.defineProperty(activity, READ, { value: true, enumerable: true, configurable: true });
        if (typeof activity.text !== 'string' || activity.text === '') continue;
        if (record.texts.length === 0 && repeatsLastTurn(record.last, activity.text)) {
          activity.text = `${this.deps.note(activity.locale ?? context.activity.locale ?? '')}\n\n${activity.text}`;
        }
        record.texts.push(activity.text);
      }
      const first = record.texts.length > 1 ? { first: replyHash(record.texts[0]) } : {};
      await this.deps.lastReply.set(context, { hash: replyHash(record.texts.join('\n')), ...first });
    } catch {
      // State that cannot be read (a storage outage) never stops a reply: it goes as it is.
    }
    return sendNext();
  }
}

import type { Activity } from 'botbuilder';
import { cardText, cards, texts, type Conversation } from '../support';

/**
 * A data-driven multi-turn conversation: what the person types, and per turn what must and must
 * not appear. Every script is also held to three rules: no bot message is the same as the one
 * before it, no goodbye the person did not ask for, and no "didn't understand" after a clear
 * answer.
 */

export type Expect = string | RegExp;

export interface Turn {
  say: string;
  /** Each must appear in the turn's replies (message text and card text). */
  has?: Expect[];
  /** None may appear. */
  not?: Expect[];
  /** The turn's last message must contain this (usually the question asked next). */
  last?: Expect;
  /** The last message's buttons, exactly. */
  buttons?: string[];
  /** A clear answer to the question asked: never met with "didn't understand". */
  answer?: boolean;
  /** The person said goodbye: a goodbye reply is allowed. */
  goodbye?: boolean;
}

export interface Script {
  name: string;
  env?: Record<string, string>;
  /** The day the conversation happens on, when what is said counts from a date ("since Christmas"). */
  today?: Date;
  turns: Turn[];
  /** Checks on state after the last turn (profile, call-backs). */
  after?: (convo: Conversation) => Promise<void>;
}

export const GOODBYE = /Thanks for chatting/;
export const FALLBACK = /didn't (catch|understand|get) that|still not getting it|Did you mean/i;

/** A clear answer to the open question. */
export const answer = (say: string, extra: Omit<Turn, 'say' | 'answer'> = {}): Turn => ({ say, answer: true, ...extra });
/** Any other message. */
export const turn = (say: string, extra: Omit<Turn, 'say'> = {}): Turn => ({ say, ...extra });

function turnText(replies: Partial<Activity>[]): string {
  return [...texts(replies), ...cards(replies).flatMap(cardText)].join('\n');
}

function matches(text: string, expected: Expect): boolean {
  return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
}

export async function runScript(convo: Conversation, script: Script): Promise<void> {
  let previous: string | undefined;
  for (const [index, step] of script.turns.entries()) {
    const replies = await convo.say(step.say);
    const where = `turn ${index + 1} "${step.say}"`;
    const text = turnText(replies);
    const lines = texts(replies);
    const problems: string[] = [];
    for (const expected of step.has ?? []) if (!matches(text, expected)) problems.push(`missing ${expected}`);
    for (const unwanted of step.not ?? []) if (matches(text, unwanted)) problems.push(`unwanted ${unwanted}`);
    if (step.last !== undefined && !matches(lines[lines.length - 1] ?? '', step.last)) problems.push(`last message lacks ${step.last}`);
    if (step.buttons) {
      const last = replies[replies.length - 1];
      const labels = (last?.suggestedActions?.actions ?? []).map((action) => String(action.title));
      if (JSON.stringify(labels) !== JSON.stringify(step.buttons)) problems.push(`buttons ${JSON.stringify(labels)}`);
    }
    if (lines.length === 0 && cards(replies).length === 0) problems.push('no reply at all');
    // The three rules every script keeps.
    for (const line of lines) {
      if (line && line === previous) problems.push(`same message twice in a row: ${line.slice(0, 80)}`);
      if (line) previous = line;
    }
    if (!step.goodbye && GOODBYE.test(text)) problems.push('a goodbye nobody asked for');
    if (step.answer && FALLBACK.test(text)) problems.push('a fallback after a clear answer');
    if (problems.length > 0) throw new Error(`${script.name}, ${where}:\n  ${problems.join('\n  ')}\n  replies:\n    ${lines.join('\n    ')}`);
  }
  if (script.after) await script.after(convo);
}

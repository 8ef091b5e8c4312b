import { namesWorkFrame } from './riskContext';
import type { RiskAssessment } from './types';

/**
 * Work or study talk carried over turns. A student nurse who says so in one message ("im a student
 * nurse writing an essay on suicide prevention") and asks the next question without naming the
 * role again ("is there evidence it reduces suicidal ideation") is still asking as a student: that
 * question gets the answer and a short line of routes, not a hand-off. The frame lasts while the
 * messages after it do not speak of the writer; anything in the first person ends it, so "actually
 * I've been feeling like that myself" is read as the person's own. Pure: the conversation keeps
 * only the boolean.
 */

const FIRST_PERSON = /(?:^| )(?:i|me|my|myself|mine|im|ive|id|ill)(?= |$)/;

/** Lower-case words separated by single spaces, apostrophes dropped ("I'm" -> "im"). */
function plainWords(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['\u2018\u2019`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether the frame is open after this message: it names a role or task, or carries an open frame without speaking of the writer. */
export function workFrameAfter(text: string, open: boolean): boolean {
  const plain = plainWords(text);
  return namesWorkFrame(plain) || (open && !FIRST_PERSON.test(plain));
}

/**
 * The risk as this conversation reads it: a question about the writer's own risk words in general
 * terms, asked while a work or study frame is open, is work talk. Never an urgent risk, a body in
 * danger, or someone else at risk: those keep their reply whatever came before.
 */
export function withWorkFrame(risk: RiskAssessment, text: string, open: boolean): RiskAssessment {
  if (!open || risk.frame === 'professional' || risk.severity === 'immediate' || risk.category === 'medical') return risk;
  if ((risk.who ?? 'self') !== 'self' || FIRST_PERSON.test(plainWords(text))) return risk;
  return { ...risk, frame: 'professional' };
}

/**
 * Which knowledge-base answer a reply carries, read from the reply text alone, as an outside check
 * through /api/messages must. Each answer (and each nation or age variant) is known by its longest
 * stretch of plain text between placeholders ({{link:...}}, {{clinic...}}), which the bot sends
 * word for word; the placeholders themselves are filled in at run time, so they are left out.
 */
import type { KnowledgeBase } from '../../src/content/knowledgeBase';

/** Long enough to be unique to one answer; short enough to stay inside one sentence of it. */
const FINGERPRINT_LENGTH = 60;

export function normaliseReply(text: string): string {
  return text.toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}

/** The longest placeholder-free stretch of an answer, normalised, cut to FINGERPRINT_LENGTH. */
export function fingerprintOf(answer: string): string {
  const stretches = answer.split(/\{\{[^}]*\}\}/).map(normaliseReply);
  const longest = stretches.reduce((best, s) => (s.length > best.length ? s : best), '');
  return longest.slice(0, FINGERPRINT_LENGTH);
}

export interface AnswerIdentifier {
  /** Ids of the questions whose answer (any variant) appears in the texts. */
  answersIn(texts: readonly string[]): string[];
  /** The question's canonical wording, as the bot shows it on a button. */
  wordingOf(id: string): string | undefined;
  /** Questions answered by a dialog (help, a person, the check, crisis), not by a text to find. */
  isRouted(id: string): boolean;
}

export function answerIdentifier(kb: KnowledgeBase): AnswerIdentifier {
  const prints: Array<{ id: string; print: string }> = [];
  for (const q of kb.questions.values()) {
    for (const answer of [q.answer, ...(q.variants ?? []).map((v) => v.answer)]) {
      const print = fingerprintOf(answer);
      if (print.length >= 20) prints.push({ id: q.id, print });
    }
  }
  return {
    answersIn(texts) {
      const reply = normaliseReply(texts.join(' '));
      return [...new Set(prints.filter((p) => reply.includes(p.print)).map((p) => p.id))];
    },
    wordingOf: (id) => kb.questions.get(id)?.question,
    isRouted: (id) => kb.questions.get(id)?.routesTo !== undefined,
  };
}

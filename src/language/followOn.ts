import { z } from 'zod';
import { FOLLOW_ON_ASPECTS, type FollowOnAspect, type KnowledgeBase } from '../content/knowledgeBase';
import { loadLocaleData } from '../content/localeResolver';

/**
 * Short follow-ups that only name an aspect of the last answer ("how long is that?", "and how
 * much?", "is it free though", "and for teenagers?"): which aspect they ask, from
 * locales/<lang>/follow-on.json, and which question answers it after the last one (the question's
 * `followOn` in the knowledge base). "How long" means the wait after the waiting-list answer and
 * a session's length after the first-session one, which words alone cannot tell. Pure apart from
 * reading the word lists once.
 */

export interface FollowOnWords {
  aspects: ReadonlyMap<string, FollowOnAspect>;
  fillers: ReadonlySet<string>;
}

const fileSchema = z
  .object({
    aspects: z.object(Object.fromEntries(FOLLOW_ON_ASPECTS.map((a) => [a, z.array(z.string().min(1)).min(1)])) as Record<FollowOnAspect, z.ZodArray<z.ZodString>>).strict(),
    fillers: z.array(z.string().min(1)),
  })
  .passthrough();

export function parseFollowOnWords(json: unknown): FollowOnWords {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`follow-on.json: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
  const aspects = new Map<string, FollowOnAspect>();
  for (const aspect of FOLLOW_ON_ASPECTS) {
    for (const word of parsed.data.aspects[aspect]) {
      const key = word.toLowerCase();
      if (aspects.has(key) && aspects.get(key) !== aspect) throw new Error(`follow-on.json: "${word}" is in two aspects`);
      aspects.set(key, aspect);
    }
  }
  return { aspects, fillers: new Set(parsed.data.fillers.map((w) => w.toLowerCase())) };
}

export function loadFollowOnWords(locale = 'en-GB'): FollowOnWords {
  return loadLocaleData(locale, 'follow-on.json', parseFollowOnWords);
}

/** Pure: the one aspect a message asks, when every other word is filler; else undefined. */
export function askedAspect(text: string, words: FollowOnWords): FollowOnAspect | undefined {
  const tokens = text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const asked = new Set<FollowOnAspect>();
  for (const token of tokens) {
    const aspect = words.aspects.get(token);
    if (aspect) asked.add(aspect);
    else if (!words.fillers.has(token)) return undefined;
  }
  return asked.size === 1 ? [...asked][0] : undefined;
}

/** Pure: the question a short aspect-only follow-up to the last question should get, if the knowledge base names one. */
export function followOnQuestion(kb: KnowledgeBase, lastQuestionId: string | undefined, text: string, words: FollowOnWords): string | undefined {
  const last = lastQuestionId ? kb.questions.get(lastQuestionId) : undefined;
  const aspect = last?.followOn ? askedAspect(text, words) : undefined;
  return aspect ? last?.followOn?.[aspect] : undefined;
}

/**
 * Pure: the question whose young-people follow-on is this one ("How do I get IPT on the NHS?" for
 * "How can someone under 18 get IPT?"), the first in the knowledge base's order: what a person who
 * turns out to be an adult ("im 74 not 14") should have been told instead.
 */
export function adultCounterpart(kb: KnowledgeBase, questionId: string): string | undefined {
  for (const q of kb.questions.values()) if (q.followOn?.youngPeople === questionId) return q.id;
  return undefined;
}

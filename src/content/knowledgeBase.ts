import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { ROUTE_INTENTS, type IntentName } from '../language/recognizer';
import { TOPIC_INTENTS } from './actions';
import { LOCALES_DIR } from '../projectRoot';
import { DEFAULT_LOCALE } from './i18n';
import { localeFilePath } from './localeResolver';

/**
 * The knowledge base: one JSON file per topic in locales/<lang>/knowledge-base/, the single
 * registry of practical questions (format: the team's kb-schema brief, summarised in the README's
 * "Common changes"). Loaded once, validated with zod; a bad file stops start-up with one line
 * naming the file and the field. Pure apart from reading the folder.
 */

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const QUESTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;
const ALLOWED_PLACEHOLDER = /^(routes|clinicName|clinicContact|retentionDays|organisationName|link:[a-z0-9-]+)$/;

export const KB_NATIONS = ['england', 'wales', 'scotland', 'northern_ireland'] as const;
export type KbNation = (typeof KB_NATIONS)[number];
export const KB_AGE_GROUPS = ['under18', 'adult'] as const;
/** What a short follow-up can ask of the last answer ("how long is that?"): locales/<lang>/follow-on.json. */
export const FOLLOW_ON_ASPECTS = ['duration', 'cost', 'youngPeople'] as const;
export type FollowOnAspect = (typeof FOLLOW_ON_ASPECTS)[number];
export type KbAgeGroup = (typeof KB_AGE_GROUPS)[number];

const BARE_YES_NO = /^(?:yes|yeah|no|nope)(?:[.,!;:]|\s*$)/i;

const answerText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((text) => text.split(/\s+/).length <= 80, 'must be 80 words or fewer')
  // A bare "Yes." or "No." first reads as the opposite when the question is asked the other way
  // round ("do I not need a GP?"), so an answer states the fact itself.
  .refine((text) => !BARE_YES_NO.test(text), 'must state the fact, not open with a bare yes or no')
  .superRefine((text, ctx) => {
    for (const match of text.matchAll(PLACEHOLDER)) {
      if (!ALLOWED_PLACEHOLDER.test(match[1])) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `has an unknown placeholder {{${match[1]}}}` });
    }
  });

const variantSchema = z
  .object({
    when: z
      .object({ nation: z.enum(KB_NATIONS).optional(), ageGroup: z.enum(KB_AGE_GROUPS).optional() })
      .strict()
      .refine((when) => when.nation !== undefined || when.ageGroup !== undefined, 'must name a nation or an ageGroup'),
    answer: answerText,
  })
  .strict();

const questionSchema = z
  .object({
    id: z.string().regex(QUESTION_ID, 'must be "<topic>.<kebab-slug>"'),
    question: z.string().trim().min(1).max(60, 'must be 60 characters or fewer'),
    phrasings: z.array(z.string().trim().min(1)).min(6, 'needs at least 6 phrasings'),
    answer: answerText,
    variants: z.array(variantSchema).optional(),
    followUps: z.array(z.string().regex(QUESTION_ID, 'must be a question id')).max(3, 'at most 3 follow-ups').optional(),
    /**
     * Where the question makes sense to offer unasked ("What happens after I refer myself?" is for
     * England, where people can refer themselves): a follow-up button for it is left out when the
     * person's nation is known to be elsewhere. Asked in words, it is still answered anywhere.
     */
    nations: z.array(z.enum(KB_NATIONS)).min(1).optional(),
    /**
     * What a short follow-up to this answer means when it only names an aspect: "how long is that?"
     * after the private therapists is their price, not how long IPT lasts. Aspect -> question id; an
     * aspect left out is matched as usual. It may name the question itself ("how long is that?"
     * after the waiting list, whose answer gives the wait): the reply says it was just given.
     */
    followOn: z.record(z.enum(FOLLOW_ON_ASPECTS), z.string().regex(QUESTION_ID, 'must be a question id')).optional(),
    /**
     * The conversation intent that is this question's destination ("can I talk to a person?" is the
     * human-contact dialog): the bot takes that route instead of the answer, and eval:answers counts
     * either as the same place. Declared once here, so the two never give duplicate replies.
     */
    routesTo: z.enum(ROUTE_INTENTS).optional(),
    /**
     * The topic intent this question answers as a whole ("tell me about going private" is how to
     * find a private therapist): where only the intent is known, its answer is this one. At most one
     * question per intent; a question that routesTo an intent stands for that intent already.
     */
    mainFor: z.enum(TOPIC_INTENTS).optional(),
    sources: z.array(z.string().min(1)).min(1, 'needs at least one source'),
    checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
    review: z.string().min(1),
  })
  .strict();

const topicSchema = z
  .object({
    topic: z.string().regex(KEBAB, 'must be a kebab-case id'),
    title: z.string().trim().min(1).max(40),
    intent: z.string().optional(),
    questions: z.array(questionSchema).min(1, 'needs at least one question'),
  })
  .strict();

export type KbVariant = z.infer<typeof variantSchema>;
export type KbQuestion = z.infer<typeof questionSchema> & { topic: string };
export type KbTopic = Omit<z.infer<typeof topicSchema>, 'questions'> & { questions: KbQuestion[] };

export interface KnowledgeBase {
  topics: readonly KbTopic[];
  questions: ReadonlyMap<string, KbQuestion>;
  topicOf(questionId: string): KbTopic | undefined;
}

export class KnowledgeBaseError extends Error {
  constructor(message: string) {
    super(`knowledge base: ${message}`);
    this.name = 'KnowledgeBaseError';
  }
}

function describeIssue(file: string, issue: z.ZodIssue): string {
  return `${file} ${issue.path.join('.') || '(file)'} ${issue.message}`;
}

/** Pure: validates parsed files (name -> JSON) and checks what spans files (ids, follow-ups). */
export function parseKnowledgeBase(files: ReadonlyArray<{ file: string; json: unknown }>): KnowledgeBase {
  const topics: KbTopic[] = [];
  const questions = new Map<string, KbQuestion>();
  const byTopic = new Map<string, KbTopic>();
  for (const { file, json } of files) {
    const parsed = topicSchema.safeParse(json);
    if (!parsed.success) throw new KnowledgeBaseError(describeIssue(file, parsed.error.issues[0]));
    const data = parsed.data;
    if (`${data.topic}.json` !== file) throw new KnowledgeBaseError(`${file} topic "${data.topic}" must equal the file name`);
    const topic: KbTopic = { ...data, questions: data.questions.map((q) => ({ ...q, topic: data.topic })) };
    topic.questions.forEach((q, i) => {
      if (!q.id.startsWith(`${data.topic}.`)) throw new KnowledgeBaseError(`${file} questions.${i}.id "${q.id}" must start with "${data.topic}."`);
      if (questions.has(q.id)) throw new KnowledgeBaseError(`${file} questions.${i}.id "${q.id}" is used twice`);
      questions.set(q.id, q);
    });
    topics.push(topic);
    byTopic.set(topic.topic, topic);
  }
  const mains = new Map<string, string>();
  for (const q of questions.values()) {
    if (q.mainFor) {
      const other = mains.get(q.mainFor);
      if (other) throw new KnowledgeBaseError(`${q.topic}.json ${q.id} mainFor "${q.mainFor}" is already ${other}'s`);
      mains.set(q.mainFor, q.id);
    }
    for (const [aspect, next] of Object.entries(q.followOn ?? {})) {
      if (!questions.has(next)) throw new KnowledgeBaseError(`${q.topic}.json ${q.id} followOn.${aspect} names unknown question "${next}"`);
    }
    for (const next of q.followUps ?? []) {
      if (!questions.has(next)) throw new KnowledgeBaseError(`${q.topic}.json ${q.id} followUps names unknown question "${next}"`);
      if (next === q.id) throw new KnowledgeBaseError(`${q.topic}.json ${q.id} followUps names itself`);
    }
  }
  return { topics, questions, topicOf: (id) => byTopic.get(questions.get(id)?.topic ?? '') };
}

export function knowledgeBaseDir(locale = DEFAULT_LOCALE, localesDir = LOCALES_DIR): string {
  return localeFilePath(locale, 'knowledge-base', localesDir);
}

/** Reads and validates every *.json in a folder, in name order so training is deterministic. */
export function loadKnowledgeBaseFrom(dir: string): KnowledgeBase {
  if (!existsSync(dir)) return parseKnowledgeBase([]);
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const files = names.map((file) => {
    try {
      return { file: basename(file), json: JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown };
    } catch (error) {
      throw new KnowledgeBaseError(`${file} is not valid JSON (${(error as Error).message})`);
    }
  });
  return parseKnowledgeBase(files);
}

const cache = new Map<string, KnowledgeBase>();

/** The shipped knowledge base for a locale, read once. */
export function loadKnowledgeBase(locale = DEFAULT_LOCALE): KnowledgeBase {
  let kb = cache.get(locale);
  if (!kb) {
    kb = loadKnowledgeBaseFrom(knowledgeBaseDir(locale));
    cache.set(locale, kb);
  }
  return kb;
}

/** Deterministic held-out split: every third phrasing (index 2, 5, ...) is kept for evaluation. */
export function isHeldOut(index: number): boolean {
  return index % 3 === 2;
}

export interface LabelledQuestion {
  text: string;
  id: string;
}

/** Training examples: the canonical question plus the phrasings ('train' leaves the held-out ones out). */
export function questionExamples(kb: KnowledgeBase, split: 'train' | 'all'): LabelledQuestion[] {
  const examples: LabelledQuestion[] = [];
  for (const q of kb.questions.values()) {
    examples.push({ text: q.question, id: q.id });
    q.phrasings.forEach((text, i) => {
      if (split === 'all' || !isHeldOut(i)) examples.push({ text, id: q.id });
    });
  }
  return examples;
}

export function heldOutExamples(kb: KnowledgeBase): LabelledQuestion[] {
  const examples: LabelledQuestion[] = [];
  for (const q of kb.questions.values()) q.phrasings.forEach((text, i) => isHeldOut(i) && examples.push({ text, id: q.id }));
  return examples;
}

/**
 * The question that stands for an intent as a whole: the one declared mainFor it, else the one that
 * routes to it (the suitability check's own question). Undefined for intents no question stands for.
 */
export function mainQuestionFor(kb: KnowledgeBase, intent: IntentName): KbQuestion | undefined {
  const questions = [...kb.questions.values()];
  return questions.find((q) => q.mainFor === intent) ?? questions.find((q) => q.routesTo === intent);
}

/** Whether a question may be offered unasked to a person in this nation (unknown: everywhere). */
export function offeredIn(question: KbQuestion, nation: KbNation | undefined): boolean {
  return nation === undefined || question.nations === undefined || question.nations.includes(nation);
}

/** Which of a question's answers fits the person: the first variant whose conditions all hold. */
export function answerFor(question: KbQuestion, context: { nation?: KbNation; ageGroup?: KbAgeGroup }): string {
  for (const variant of question.variants ?? []) {
    const { nation, ageGroup } = variant.when;
    if (nation !== undefined && nation !== context.nation) continue;
    if (ageGroup !== undefined && ageGroup !== context.ageGroup) continue;
    return variant.answer;
  }
  return question.answer;
}

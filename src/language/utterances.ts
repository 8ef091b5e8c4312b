/**
 * Loads the one utterance source per locale (locales/<locale>/utterances.json). The local
 * recogniser, the CLU export and the evaluation all read it through here, so they cannot drift.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { resolveLocaleFile } from '../content/localeResolver';
import { INTENTS, type IntentName } from './recognizer';

const intentSetSchema = z.object({
  train: z.array(z.string().trim().min(1)).min(1),
  test: z.array(z.string().trim().min(1)),
});

const utteranceFileSchema = z.object({
  locale: z.string().min(2),
  description: z.string().optional(),
  intents: z.record(z.string(), intentSetSchema),
});

export type UtteranceFile = z.infer<typeof utteranceFileSchema>;

export interface LabelledUtterance {
  text: string;
  intent: IntentName;
}

export interface UtteranceSet {
  locale: string;
  train: LabelledUtterance[];
  test: LabelledUtterance[];
}

/** Validates parsed JSON: every intent present, no unknown intents, no text in two places. */
export function parseUtterances(raw: unknown): UtteranceSet {
  const file = utteranceFileSchema.parse(raw);
  const unknown = Object.keys(file.intents).filter((name) => !(INTENTS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`Unknown intents in utterance file: ${unknown.join(', ')}`);
  const missing = INTENTS.filter((name) => !file.intents[name]);
  if (missing.length > 0) throw new Error(`Intents without utterances: ${missing.join(', ')}`);

  const seen = new Map<string, string>();
  const train: LabelledUtterance[] = [];
  const test: LabelledUtterance[] = [];
  for (const intent of INTENTS) {
    const set = file.intents[intent];
    for (const [split, list] of [['train', set.train], ['test', set.test]] as const) {
      for (const text of list) {
        // A phrase in two intents (or in both splits) would poison training or inflate the test score.
        const key = text.trim().toLowerCase();
        const where = seen.get(key);
        if (where) throw new Error(`Duplicate utterance "${text}" (${where} and ${intent}/${split})`);
        seen.set(key, `${intent}/${split}`);
        (split === 'train' ? train : test).push({ text, intent });
      }
    }
  }
  return { locale: file.locale, train, test };
}

/** locales/<locale>/utterances.json, by the one locale rule (exact, same language, en-GB). */
export function findUtterancePath(locale: string): string {
  return resolveLocaleFile(locale, 'utterances.json').path;
}

export function loadUtterances(locale = 'en-GB', path?: string): UtteranceSet {
  const file = path ?? findUtterancePath(locale);
  return parseUtterances(JSON.parse(readFileSync(file, 'utf8')) as unknown);
}

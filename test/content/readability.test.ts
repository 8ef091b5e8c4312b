import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES_DIR } from '../../src/projectRoot';
import { fleschKincaidGrade, readability, splitSentences, syllables, words } from '../../src/content/readability';
import {
  accessNhsCard,
  accessPrivateCard,
  focusAreasCard,
  humanContactCard,
  phasesCard,
  suitabilitySummaryCard,
  type AdaptiveCard,
} from '../../src/content/cards';
import { assessSuitability, CHOICES } from '../../src/content/suitability';
import { cardText } from '../conversation/support';

/**
 * Every English message is scored with the Flesch-Kincaid grade: the average must be 7 or below
 * and no message above 10 (NHS copy aims at a reading age of 9 to 11).
 *
 * Rule for short strings: a string of fewer than 8 words (button labels, headings, single facts
 * such as "Sessions 1 to 4") is skipped. The formula is meaningless on a few words: one long word
 * in a two-word label would score like a legal text. Placeholders ({{clinic}}) are filled with
 * realistic values before scoring.
 */
export const MIN_WORDS = 8;
export const MAX_AVERAGE_GRADE = 7;
export const MAX_GRADE = 10;

const SAMPLE_VALUES: Record<string, string> = {
  clinic: 'the clinic',
  url: 'https://example.org/privacy',
  emergency: '999',
  nhs111: '111',
  samaritans: '116 123',
  childline: '0800 1111',
  list: 'a big change in my life',
};

function fill(text: string): string {
  return text.replace(/{{\s*([\w.]+)\s*}}/g, (_match, name: string) => SAMPLE_VALUES[name] ?? 'it');
}

interface Message {
  where: string;
  text: string;
}

function stringsOf(node: unknown, where: string, out: Message[]): void {
  if (typeof node === 'string') out.push({ where, text: fill(node) });
  else if (Array.isArray(node)) node.forEach((item, index) => stringsOf(item, `${where}.${index}`, out));
  else if (node && typeof node === 'object') for (const [key, value] of Object.entries(node)) stringsOf(value, `${where}.${key}`, out);
}

function localeStrings(): Message[] {
  const dir = join(LOCALES_DIR, 'en-GB', 'strings');
  const out: Message[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    stringsOf(JSON.parse(readFileSync(join(dir, file), 'utf8')), file.replace('.json', ''), out);
  }
  return out;
}

function renderedCards(): Array<[string, AdaptiveCard]> {
  const cards: Array<[string, AdaptiveCard]> = [
    ['phases', phasesCard('en-GB')],
    ['focusAreas', focusAreasCard('en-GB')],
    ['accessNhs', accessNhsCard('en-GB')],
    ['accessPrivate', accessPrivateCard('en-GB')],
    ['humanContact', humanContactCard('en-GB', { name: 'the clinic', phone: '020 7946 0000', url: 'https://example.org' })!],
  ];
  for (const age of CHOICES.age)
    for (const relationships of CHOICES.relationships)
      for (const nation of [undefined, 'england', 'wales'] as const) {
        const result = assessSuitability({ relationships, age, nation, duration: 'years' });
        cards.push([`summary ${age}/${relationships}/${nation}`, suitabilitySummaryCard('en-GB', result, { childline: '0800 1111', samaritans: '116 123' })]);
      }
  return cards;
}

/** Each card counts once, as one message: its text items read top to bottom. */
function cardMessages(): Message[] {
  return renderedCards().map(([name, card]) => ({ where: `card:${name}`, text: cardText(card).join('\n') }));
}

describe('Flesch-Kincaid', () => {
  test.each<[string, number]>([
    ['cat', 1],
    ['table', 2],
    ['feeling', 2],
    ['agreed', 2],
    ['wanted', 2],
    ['liked', 1],
    ['therapy', 3],
    ['relationships', 4],
    ['interpersonal', 5],
    ['psychotherapy', 5],
    ['self-refer', 3],
    ['IPT', 3],
    ['NHS', 3],
    ['GP', 2],
    ['999', 3],
  ])('syllables("%s") = %d', (word, count) => {
    expect(syllables(word)).toBe(count);
  });

  test('a plain sentence scores low, by the published formula', () => {
    // 6 words, 1 sentence, 6 syllables: 0.39 * 6 + 11.8 * 1 - 15.59
    expect(fleschKincaidGrade('The cat sat on the mat.')).toBeCloseTo(0.39 * 6 + 11.8 - 15.59, 5);
  });

  test('dense academic prose scores far above the limit', () => {
    const dense =
      'Interpersonal psychotherapy demonstrates considerable efficacy in the amelioration of depressive symptomatology, particularly when administered by appropriately accredited practitioners within multidisciplinary organisational frameworks.';
    expect(fleschKincaidGrade(dense)).toBeGreaterThan(MAX_GRADE + 5);
  });

  test('sentences split on full stops, questions, line breaks and bullets; URLs are not words', () => {
    expect(splitSentences('One. Two? Three!\nFour\n- Five')).toEqual(['One.', 'Two?', 'Three!', 'Four', 'Five']);
    expect(words('Read more at https://example.org/a-very-long-path now')).toEqual(['Read', 'more', 'at', 'now']);
    expect(words('Call Samaritans on 116 123 or 020 7946 0000 today, or dial 999')).toEqual(['Call', 'Samaritans', 'on', 'or', 'today', 'or', 'dial', '999']);
    expect(readability('').words).toBe(0);
  });
});

describe('every English message reads at grade 7 on average, none above 10', () => {
  const messages = [...localeStrings(), ...cardMessages()].filter((message) => words(message.text).length >= MIN_WORDS);
  const scored = messages.map((message) => ({ ...message, grade: fleschKincaidGrade(message.text) }));

  test('there is copy to score (strings from every namespace, and cards)', () => {
    const namespaces = new Set(scored.map((message) => message.where.split('.')[0]));
    for (const namespace of ['common', 'topics', 'suitability', 'card:phases', 'card:accessPrivate']) expect(namespaces).toContain(namespace);
    expect(scored.length).toBeGreaterThan(50);
  });

  test(`no message above grade ${MAX_GRADE}`, () => {
    const tooHard = scored.filter((message) => message.grade > MAX_GRADE).map((message) => `${message.where} (${message.grade.toFixed(1)})`);
    expect(tooHard).toEqual([]);
  });

  test(`average grade ${MAX_AVERAGE_GRADE} or below`, () => {
    const average = scored.reduce((sum, message) => sum + message.grade, 0) / scored.length;
    expect(average).toBeLessThanOrEqual(MAX_AVERAGE_GRADE);
  });
});

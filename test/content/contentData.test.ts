import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES_DIR } from '../../src/projectRoot';
import { ACTION_IDS, actionLabel, matchAction, TOPIC_INTENTS } from '../../src/content/actions';
import { t } from '../../src/content/i18n';
import { words } from '../../src/content/readability';
import { FOCUS_AREAS } from '../../src/content/suitability';
import { AREA_NEXT, TOPIC_NEXT } from '../../src/content/topics';

interface Sources {
  topics: Record<string, { sources: string[]; lastReviewed: string; reviewedBy: string }>;
}

const sources = JSON.parse(readFileSync(join(LOCALES_DIR, 'en-GB', 'content-sources.json'), 'utf8')) as Sources;

describe('content data', () => {
  test.each([...TOPIC_INTENTS, 'SuitabilityCheck'])('%s has a source note and a last-reviewed date', (topic) => {
    const entry = sources.topics[topic];
    expect(entry).toBeDefined();
    expect(entry.sources.length).toBeGreaterThan(0);
    expect(entry.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(entry.lastReviewed))).toBe(false);
    expect(entry.reviewedBy).toBeTruthy();
  });

  const answers: Array<[string, string]> = [
    ...TOPIC_INTENTS.map((topic): [string, string] => [topic, t('en-GB', `topics:${topic}.answer`)]),
    ...FOCUS_AREAS.map((area): [string, string] => [`FocusAreas.${area}`, t('en-GB', `topics:FocusAreas.areas.${area}.answer`)]),
  ];

  test.each(answers)('%s answer is 80 words or fewer', (_topic, answer) => {
    expect(words(answer).length).toBeLessThanOrEqual(80);
  });

  test.each(TOPIC_INTENTS.map((topic) => [topic, TOPIC_NEXT[topic]] as const))('%s offers 2 to 4 next steps', (_topic, next) => {
    expect(next.length).toBeGreaterThanOrEqual(2);
    expect(next.length).toBeLessThanOrEqual(4);
  });

  test('a focus area offers 2 to 4 next steps', () => {
    expect(AREA_NEXT.length).toBeGreaterThanOrEqual(2);
    expect(AREA_NEXT.length).toBeLessThanOrEqual(4);
  });

  test('copy says "died by suicide", never "committed suicide", and never promises a cure', () => {
    const all = ['common', 'topics', 'suitability', 'actions']
      .map((namespace) => readFileSync(join(LOCALES_DIR, 'en-GB', 'strings', `${namespace}.json`), 'utf8'))
      .join('\n')
      .toLowerCase();
    expect(all).not.toContain('committed suicide');
    expect(all).not.toMatch(/\bcure[sd]?\b|guarantee/);
  });

  test('every button label is unique and maps back to its action', () => {
    const labels = ACTION_IDS.map((id) => actionLabel('en-GB', id));
    expect(new Set(labels).size).toBe(labels.length);
    for (const id of ACTION_IDS) {
      expect(matchAction('en-GB', actionLabel('en-GB', id))).toBe(id);
      expect(matchAction('en-GB', ` ${actionLabel('en-GB', id).toUpperCase()} `)).toBe(id);
    }
    expect(matchAction('en-GB', 'what is ipt')).toBe('AboutIpt');
    expect(matchAction('en-GB', 'what is ipt and how does it work')).toBeUndefined();
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES_DIR } from '../../src/projectRoot';
import { loadKnowledgeBase } from '../../src/content/knowledgeBase';
import { linkList } from '../../src/content/linkList';
import { fleschKincaidGrade, words } from '../../src/content/readability';
import { accessNhsCard, accessPrivateCard, suitabilitySummaryCard } from '../../src/content/cards';
import { assessSuitability } from '../../src/content/suitability';
import { fillPlaceholders } from '../../src/content/placeholders';

/**
 * Every address in the copy comes from the one links list (locales/en-GB/links.json), IPT UK's
 * site is www.iptuk.net (never iptuk.org), and every {{link:id}} in the knowledge base names a link
 * that exists. The knowledge base's answers meet the copy's reading level too.
 */

const EN = join(LOCALES_DIR, 'en-GB');
const URL_PATTERN = /https?:\/\/[^\s"')\]]+/g;
const kb = loadKnowledgeBase();
const links = linkList();
const listed = new Set([...links.values()].map((link) => link.url));

function copyFiles(): { file: string; text: string }[] {
  const strings = readdirSync(join(EN, 'strings'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ file: `strings/${name}`, text: readFileSync(join(EN, 'strings', name), 'utf8') }));
  const kbFiles = readdirSync(join(EN, 'knowledge-base'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ file: `knowledge-base/${name}`, text: readFileSync(join(EN, 'knowledge-base', name), 'utf8') }));
  return [...strings, ...kbFiles];
}

/** Addresses in copy that people are sent to (not the sources a fact was checked against). */
function linksInCopy(file: string, text: string): string[] {
  if (!file.startsWith('knowledge-base/')) return text.match(URL_PATTERN) ?? [];
  const topic = JSON.parse(text) as { questions: { answer: string; variants?: { answer: string }[] }[] };
  return topic.questions.flatMap((q) => [q.answer, ...(q.variants ?? []).map((v) => v.answer)].join(' ').match(URL_PATTERN) ?? []);
}

describe('links in content', () => {
  test('the list has IPT UK at www.iptuk.net and nothing at iptuk.org', () => {
    expect([...listed].some((url) => url.startsWith('https://www.iptuk.net/'))).toBe(true);
    for (const url of listed) expect(new URL(url).hostname).not.toMatch(/(^|\.)iptuk\.org$/);
  });

  test.each(copyFiles().map((f) => [f.file, f] as const))('%s: every address is from the links list, none is iptuk.org', (_name, { file, text }) => {
    expect(text).not.toMatch(/iptuk\.org/i);
    for (const url of linksInCopy(file, text)) expect(listed).toContain(url);
  });

  test('every {{link:id}} in an answer names a listed link, and fills to its address', () => {
    for (const q of kb.questions.values()) {
      for (const text of [q.answer, ...(q.variants ?? []).map((v) => v.answer)]) {
        for (const match of text.matchAll(/\{\{\s*link:([a-z0-9-]+)\s*\}\}/g)) expect(links.has(match[1])).toBe(true);
        const filled = fillPlaceholders('en-GB', text, { clinicName: 'the clinic', retentionDays: 90, organisationName: '' });
        expect(filled).not.toMatch(/\{\{/);
      }
    }
  });

  test("the cards' buttons open listed addresses only", () => {
    const result = assessSuitability({ concern: ['grief'], relationships: 'yes', duration: 'months', age: '35_plus', nation: 'england' });
    const cards = [accessNhsCard('en-GB'), accessPrivateCard('en-GB'), suitabilitySummaryCard('en-GB', result, { samaritans: '116 123', childline: '0800 1111' })];
    const urls = JSON.stringify(cards.map((card) => ({ ...card, $schema: undefined }))).match(URL_PATTERN) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(listed).toContain(url);
  });
});

describe('knowledge-base reading level', () => {
  const answers = [...kb.questions.values()].flatMap((q) => [q.answer, ...(q.variants ?? []).map((v) => v.answer)]);
  const scored = answers
    // A web address is read as a link, not as words.
    .map((text) => fillPlaceholders('en-GB', text, { clinicName: 'the clinic', retentionDays: 90, organisationName: 'your employer' }).replace(/https?:\/\/\S+?(?=[.,]?(?:\s|$))/g, 'this link'))
    .filter((text) => words(text).length >= 8)
    .map((text) => ({ text, grade: fleschKincaidGrade(text) }));

  test('average grade 7 or below', () => {
    const average = scored.reduce((sum, s) => sum + s.grade, 0) / scored.length;
    expect(average).toBeLessThanOrEqual(7);
  });

  test('no answer above grade 10', () => {
    expect(scored.filter((s) => s.grade > 10)).toEqual([]);
  });
});

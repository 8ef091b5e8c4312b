import {
  accessNhsCard,
  accessPrivateCard,
  focusAreasCard,
  humanContactCard,
  phasesCard,
  suitabilitySummaryCard,
  type AdaptiveCard,
} from '../../src/content/cards';
import { LINKS } from '../../src/content/links';
import { assessSuitability, CHOICES, type SuitabilityAnswers } from '../../src/content/suitability';
import { cardProblems, parserProblems, schemaProblems } from './validateCard';

const numbers = { childline: '0800 1111', samaritans: '116 123' };

/** One summary card for every combination of view and next step the check can reach. */
function summaryCards(): Array<[string, AdaptiveCard]> {
  const seen = new Map<string, AdaptiveCard>();
  const concerns: Array<SuitabilityAnswers['concern']> = [undefined, ['grief'], ['disputes', 'transitions'], ['other']];
  for (const concern of concerns)
    for (const relationships of [undefined, ...CHOICES.relationships])
      for (const duration of [undefined, ...CHOICES.duration])
        for (const age of [undefined, ...CHOICES.age])
          for (const nation of [undefined, ...CHOICES.nation]) {
            const result = assessSuitability({ concern, relationships, duration, age, nation });
            const key = `${result.view}/${result.nextStep}/${result.areas.length > 0 ? 'areas' : 'no-areas'}`;
            if (!seen.has(key)) seen.set(key, suitabilitySummaryCard('en-GB', result, numbers));
          }
  return [...seen.entries()].map(([key, card]) => [`summary ${key}`, card]);
}

const clinic = { name: 'Riverside Clinic', phone: '020 7946 0000', email: 'hello@riverside.example', url: 'https://riverside.example' };

const ALL_CARDS: Array<[string, AdaptiveCard]> = [
  ['phases', phasesCard('en-GB')],
  ['focus areas', focusAreasCard('en-GB')],
  ['access NHS', accessNhsCard('en-GB')],
  ['access private', accessPrivateCard('en-GB')],
  ['human contact (all details)', humanContactCard('en-GB', clinic)!],
  ['human contact (phone only)', humanContactCard('en-GB', { name: 'Riverside Clinic', phone: '020 7946 0000' })!],
  ['human contact (website only)', humanContactCard('en-GB', { name: 'Riverside Clinic', url: 'https://riverside.example' })!],
  ...summaryCards(),
];

describe('every card validates against Adaptive Card 1.5', () => {
  test('the summary covers every view and next step', () => {
    const keys = summaryCards().map(([name]) => name);
    for (const view of ['may_suit', 'other_may_fit', 'other_may_fit_gp', 'talk_to_gp'])
      expect(keys.some((key) => key.includes(`${view}/`))).toBe(true);
    for (const next of ['self_refer', 'self_refer_or_gp', 'gp', 'young_person'])
      expect(keys.some((key) => key.includes(`/${next}/`))).toBe(true);
  });

  test.each(ALL_CARDS)('%s', (_name, card) => {
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
  });
});

describe('the validator catches broken cards (so the test above can fail)', () => {
  const good = phasesCard('en-GB');
  test.each<[string, unknown, 'parser' | 'schema']>([
    ['an unknown element type', { ...good, body: [...good.body, { type: 'Carousel', pages: [] }] }, 'parser'],
    ['an invalid property value', { ...good, body: [{ type: 'TextBlock', text: 'x', color: 'Neon' }] }, 'parser'],
    ['an OpenUrl without url', { ...good, actions: [{ type: 'Action.OpenUrl', title: 'Go' }] }, 'parser'],
    ['an undeclared version', { ...good, version: '9.9' }, 'parser'],
    ['a TextBlock without text', { ...good, body: [{ type: 'TextBlock', wrap: true }] }, 'schema'],
    ['a property the schema does not have', { ...good, body: [{ type: 'TextBlock', text: 'x', colour: 'Good' }] }, 'schema'],
    ['an http link', { ...good, actions: [{ type: 'Action.OpenUrl', title: 'Go', url: 'http://example.org' }] }, 'schema'],
    ['a 1.2 card', { ...good, version: '1.2' }, 'schema'],
  ])('%s', (_name, card, by) => {
    const problems = by === 'parser' ? parserProblems(card) : schemaProblems(card);
    expect(problems.length).toBeGreaterThan(0);
  });
});

describe('link buttons', () => {
  const urls = (card: AdaptiveCard) => (card.actions ?? []).map((action) => action.url);

  test('the NHS card links to the NHS Talking Therapies service finder', () => {
    expect(urls(accessNhsCard('en-GB'))).toEqual([LINKS.nhsTalkingTherapiesFinder]);
    expect(LINKS.nhsTalkingTherapiesFinder).toBe('https://www.nhs.uk/service-search/mental-health/find-an-nhs-talking-therapies-service/');
  });

  test('the private card links to IPT UK and the BACP and UKCP registers', () => {
    const card = accessPrivateCard('en-GB');
    expect(urls(card)).toEqual([LINKS.iptUk, LINKS.bacpRegister, LINKS.ukcpRegister]);
    expect((card.actions ?? []).map((action) => action.title)).toEqual(['IPT UK therapists', 'BACP register', 'UKCP register']);
  });

  test('the summary links to the finder only when self-referral is the next step, and IPT UK only for adults', () => {
    const england = assessSuitability({ concern: ['grief'], age: '35_plus', nation: 'england' });
    expect(urls(suitabilitySummaryCard('en-GB', england, numbers))).toEqual([LINKS.nhsTalkingTherapiesFinder, LINKS.iptUk]);
    const wales = assessSuitability({ concern: ['grief'], age: '35_plus', nation: 'wales' });
    expect(urls(suitabilitySummaryCard('en-GB', wales, numbers))).toEqual([LINKS.iptUk]);
    const young = assessSuitability({ concern: ['grief'], age: 'under_18', nation: 'england' });
    expect(suitabilitySummaryCard('en-GB', young, numbers).actions).toBeUndefined();
  });

  test('no contact details configured means no contact card', () => {
    expect(humanContactCard('en-GB', { name: 'the clinic' })).toBeUndefined();
  });
});

describe('card content', () => {
  const text = (card: AdaptiveCard) => JSON.stringify(card.body);

  test('phases: three parts with their sessions, and the three formats', () => {
    const body = text(phasesCard('en-GB'));
    for (const part of ['Sessions 1 to 4', 'Sessions 5 to 12', 'Sessions 13 to 16', 'One to one', 'Group', 'Online']) expect(body).toContain(part);
  });

  test('focus areas: all four', () => {
    const body = text(focusAreasCard('en-GB'));
    for (const area of ['Grief', 'Role disputes', 'Life changes', 'Loneliness']) expect(body).toContain(area);
  });

  test('the young person summary names GP, CAMHS and Childline with its number', () => {
    const body = text(suitabilitySummaryCard('en-GB', assessSuitability({ age: 'under_18' }), numbers));
    for (const part of ['GP', 'CAMHS', 'Childline', '0800 1111']) expect(body).toContain(part);
  });

  test('locale fallback: a French request gets the English card', () => {
    expect(phasesCard('fr-FR')).toEqual(phasesCard('en-GB'));
  });
});

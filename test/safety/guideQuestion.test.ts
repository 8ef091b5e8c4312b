import { detectRisk } from '../../src/safety/detectRisk';
import { safetyMode } from '../../src/safety/safetyReply';
import { guideQuestionSpans } from '../../src/safety/guideQuestion';

/**
 * Questions about how the guide itself handles risk are talk about the subject: the answer with a
 * short line of routes ('professional'), never a check-in or the hand-off. The person's own words
 * about themselves now still count, in the same message or said with a time of their own.
 * Wordings written here, by class.
 */
function mode(text: string): string {
  const got = detectRisk(text);
  return got === null ? 'none' : safetyMode(got);
}

describe('questions about how the guide handles risk', () => {
  it.each([
    'what does this chat do if a person writes that they want to end their life?',
    'if somebody tells you they self harm do you have to report it',
    'would the bot ring my mum if i said i was suicidal?',
    'just curious, what happens when someone mentions abuse in here',
    'if my daughter typed that she wanted to hurt herself would you tell me?',
    'does the service pass anything on to the police or to social services?',
  ])('%s -> the answer with a line of routes', (text) => {
    expect(['professional', 'none']).toContain(mode(text));
  });

  it.each([
    'if i tell you something i have never told anyone, will you keep it private',
    'do you save what i type here?',
  ])('%s -> no safety reply at all', (text) => {
    expect(mode(text)).toBe('none');
  });

  it.each([
    // the person's own words, beside the question
    'i want to end my life. what do you do when people say that?',
    'what happens if i say i want to kill myself, because i really do',
    // a time of its own: it happened
    'what would you do if i said i took all my tablets an hour ago',
    'will you ring the police if i tell you he hit me again tonight',
    // a body in danger is never only a question
    'what do you do if someone says they have taken an overdose',
  ])('%s -> still a safety reply', (text) => {
    expect(['handoff', 'checkIn']).toContain(mode(text));
  });
});

describe('where a question about the guide reaches', () => {
  it('only its own sentence: "can you tell me ..." elsewhere leaves a sentence of risk alone', () => {
    const text = 'my brother keeps saying one day he will just not come home . can you tell me how long the wait is';
    const spans = guideQuestionSpans(text);
    expect(spans.length).toBeGreaterThan(0);
    expect(spans.every(([from]) => from > text.indexOf('can you tell'))).toBe(true);
  });

  it('a message that asks nothing of the guide has none', () => {
    expect(guideQuestionSpans('if someone says they are suicidal i always listen first')).toEqual([]);
  });
});

describe('the same question in Welsh and Polish (for native-speaker review)', () => {
  it.each([
    ['pl', 'Co zrobicie, jeżeli dziecko napisze, że chce umrzeć?'],
    ['cy', "Beth ydych chi'n ei wneud os ydi rhywun yn dweud eu bod nhw eisiau marw?"],
  ])('%s: %s -> no safety dialog', (language, text) => {
    const got = detectRisk(text, undefined, language);
    expect(got === null ? 'none' : safetyMode(got)).toMatch(/^(?:none|professional)$/);
  });

  it.each([
    ['pl', 'Chcę umrzeć. Co robicie, kiedy ktoś tak pisze?'],
    ['cy', "Dw i eisiau marw heno. Beth ydych chi'n neud os ydi rhywun yn deud hynny?"],
  ])('%s: the person\'s own words beside it still count: %s', (language, text) => {
    const got = detectRisk(text, undefined, language);
    expect(got === null ? 'none' : safetyMode(got)).toBe('handoff');
  });
});

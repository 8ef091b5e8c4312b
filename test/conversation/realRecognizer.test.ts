import type { Recognizer } from '../../src/language/recognizer';
import { createRecognizer } from '../../src/language';
import { createLogger } from '../../src/logger';
import { allText, buttons, cards, conversation, texts } from './support';

/**
 * The same conversation with the real local recogniser (trained once for this file from the
 * utterance source): people's typical phrasings reach the right answer, and the check's buttons
 * (several of which the recogniser files under other intents: "Skip" reads as Cancel, "Not really"
 * as a weak CrisisSupport) are still taken as answers.
 */

let recognizer: Recognizer;

beforeAll(async () => {
  recognizer = await createRecognizer({ logger: createLogger('silent') });
}, 120_000);

describe('typical phrasings reach the right answer', () => {
  test.each([
    ['how do i get this on the nhs', 'refer yourself to NHS Talking Therapies'],
    ['12 weeks?? thats it', 'week'],
    ['is it like counselling', 'Both are talking therapies'],
    ['can IPT help with depression', 'first made for depression'],
    ['is ipt right for me', 'What is troubling you most'],
    ['what are the four areas', 'four'],
    ['role disputes', 'Role disputes are one of the four focus areas'],
    ['is it better than CBT', 'CBT has been studied more'],
    ['how much does private therapy cost', 'Privately, prices vary'],
    ['hiya', "I'm here to help you learn about IPT"],
    ['what can you do', 'I can tell you what IPT is'],
    ['thanks, bye', 'Thanks for chatting'],
    ['can I speak to a real person', 'contact details'],
    ['I need urgent help', 'Are you safe right now?'],
    ['what is the weather like', "I'm not sure"],
  ])('"%s"', async (say, expected) => {
    const convo = await conversation({ recognizer });
    expect(allText(await convo.say(say))).toContain(expected);
    // The safety gate may answer an urgent request before recognition; otherwise the trace is there.
    const trace = convo.lastTraces.find((activity) => activity.name === 'IntentRecognizer');
    if (expected !== 'Are you safe right now?') expect(trace?.value).toMatchObject({ recognizer: 'local' });
  });
});

describe('the check with the real recogniser', () => {
  test('buttons are answers, whatever the recogniser thinks of them', async () => {
    const convo = await conversation({ recognizer });
    await convo.say('is ipt right for me');
    expect(texts(await convo.say('Skip'))).toEqual([expect.stringContaining('Are other people')]);
    expect(texts(await convo.say('Not really'))).toEqual([expect.stringContaining('How long')]);
    expect(texts(await convo.say('A year or more'))).toEqual([expect.stringContaining('How old')]);
    expect(texts(await convo.say('18 to 34'))).toEqual([expect.stringContaining('Where in the UK')]);
    const summary = await convo.say('England');
    expect(cards(summary)).toHaveLength(1);
    expect(buttons(summary)).toEqual(['Get it on the NHS', 'Find a private therapist', 'What happens in IPT?']);
  });

  test('free-text answers, then a real topic question is answered and the check goes on', async () => {
    const convo = await conversation({ recognizer });
    await convo.say('is ipt right for me');
    expect(texts(await convo.say('my mum died last year'))).toEqual([expect.stringContaining('How long')]);
    const switched = await convo.say('do i need a gp referral');
    expect(allText(switched)).toContain('GP');
    expect(texts(switched).pop()).toContain('How long');
  });
});

import { createTrainedLocalRecognizer } from '../../src/language';
import type { LocalRecognizer } from '../../src/language/localRecognizer';
import { allText, conversation } from '../conversation/support';

/**
 * The gentle check-in asks one yes-or-no question. A question about something else in its place
 * ("is it done online?") closes it gently, with where help is, and is answered in the same turn;
 * a yes, a not sure, or a route asked for still go the check-in's way. Real bot, real recogniser
 * and knowledge base.
 */
let recognizer: LocalRecognizer;
beforeAll(async () => {
  recognizer = await createTrainedLocalRecognizer();
}, 60_000);

const SIGN_BESIDE_SAFE = "i'm safe, honestly, i just feel like a burden to everyone lately";
const CHECK_IN_QUESTION = /Is that happening for you\?/;

async function inCheckIn() {
  const convo = await conversation({ recognizer });
  const opened = allText(await convo.say(SIGN_BESIDE_SAFE));
  expect(opened).toMatch(CHECK_IN_QUESTION);
  return convo;
}

describe('a question in place of the check-in answer', () => {
  test.each(['can you do ipt sessions online?', 'how long is the wait for ipt'])('"%s" closes the check-in gently and gets its answer', async (question) => {
    const convo = await inCheckIn();
    const reply = allText(await convo.say(question));
    expect(reply).toContain('116 123');
    expect(reply).toMatch(/online|video|phone|wait/i);
    expect(reply).not.toMatch(CHECK_IN_QUESTION);
  }, 60_000);

  test('"not sure" still hands over to the full support', async () => {
    const convo = await inCheckIn();
    const reply = allText(await convo.say('not sure tbh'));
    expect(reply).toMatch(/999/);
    expect(reply).toMatch(/safe right now\?/i);
  }, 60_000);
});

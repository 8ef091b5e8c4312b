import { t } from '../../src/content/i18n';
import { allText, buttons, conversation } from '../conversation/support';
import { expectInOrder } from './safetyDialogHarness';
import { repeatedRoutes } from './crisisDialogSupport';

/**
 * A risk message in the middle of "Is IPT right for me?", through the real bot, MainDialog, the
 * suitability check and the gate: the hand-off goes on top; while risk is unresolved nothing returns
 * to the check's question; once the person is safe and chooses to go back, the check asks its
 * question again and goes on.
 */

const FIRST_QUESTION = t('en-GB', 'suitability:questions.concern.text');
const SECOND_QUESTION = t('en-GB', 'suitability:questions.relationships.text');

async function inTheCheck() {
  const convo = await conversation({ profile: { nation: 'wales', ageGroup: '18_to_34' } });
  expect(allText(await convo.say('is it right for me'))).toContain(FIRST_QUESTION);
  const risk = await convo.say("I've been saving up my tablets");
  expect(repeatedRoutes(risk)).toEqual([]);
  expectInOrder(allText(risk), ['999', 'Press 2', '116 123', '85258', 'Are you safe right now?']);
  expect(allText(risk)).not.toContain(FIRST_QUESTION);
  return convo;
}

describe('risk in the middle of the suitability check', () => {
  it('safe, then back: the check asks its question again and goes on', async () => {
    const convo = await inTheCheck();
    const safe = await convo.say("yes I'm safe");
    expect(allText(safe)).toContain("glad you're safe");
    expect(allText(safe)).not.toContain(FIRST_QUESTION);
    expect(allText(await convo.say('Back to what we were doing'))).toContain(FIRST_QUESTION);
    expect(allText(await convo.say('something else'))).toContain(SECOND_QUESTION);
  });

  it('not sure, "I don\'t want to call anyone", "ok", "thanks bye": never the check\'s question, never goodbye, never the fallback', async () => {
    const convo = await inTheCheck();
    for (const message of ["I'm not sure", "I don't want to call anyone", 'ok', 'thanks bye', 'my mum died last year', 'what is ipt']) {
      const replies = await convo.say(message);
      const text = allText(replies);
      expect(text).not.toContain(FIRST_QUESTION);
      expect(text).not.toMatch(/Goodbye|Take care|Thanks for chatting|didn't understand/i);
      expect(text).not.toContain("glad you're safe");
      expect(repeatedRoutes(replies)).toEqual([]);
      expect(buttons(replies).length).toBeGreaterThan(0);
    }
  });
});

import { say, textOf } from './safetyDialogHarness';
import { crisisBot, sayOnce } from './crisisDialogSupport';

/**
 * Soon after a safety reply, a message the guide cannot place gets help and room to talk, with the
 * person's own nation's line: never "Did you mean ...?" and a list of topics. Two wordings, then the
 * usual reply; any answer in between ends it.
 */

const OPENER = 'everything feels pointless lately and i am so tired of it all';
const GUESS = { category: 'suicide' as const, severity: 'concern' as const, possible: true, who: 'self' as const };
const STATEMENTS = ['parked up by the harbour for a bit now', 'kettle is on, the cat is asleep on me', 'rain has stopped at least'];
const DID_YOU_MEAN = /did you mean|got that right|pick a topic/i;

describe('a message the guide cannot place, just after the check-in closed', () => {
  it('gets help, the nation\'s own line and a question, in two wordings, then the usual reply', async () => {
    const adapter = await crisisBot({ [OPENER]: GUESS }, { nation: 'northern_ireland', ageGroup: '35_plus' });
    await say(adapter, OPENER);
    await say(adapter, 'no not really');
    const first = textOf(await sayOnce(adapter, STATEMENTS[0]));
    expect(first).not.toMatch(DID_YOU_MEAN);
    expect(first).toMatch(/116 123/);
    expect(first).toMatch(/0808 808 8000/);
    expect(first).toMatch(/\?/);
    const second = textOf(await sayOnce(adapter, STATEMENTS[1]));
    expect(second).not.toMatch(DID_YOU_MEAN);
    expect(second).toMatch(/116 123/);
    expect(second.split('\n')[0]).not.toBe(first.split('\n')[0]);
    expect(textOf(await sayOnce(adapter, STATEMENTS[2]))).not.toMatch(/116 123/);
  });

  it('ends once a question is answered', async () => {
    const adapter = await crisisBot({ [OPENER]: GUESS }, { nation: 'wales', ageGroup: '35_plus' });
    await say(adapter, OPENER);
    await say(adapter, 'no not really');
    await say(adapter, 'how long does ipt last');
    expect(textOf(await sayOnce(adapter, STATEMENTS[0]))).not.toMatch(/116 123/);
  });

  it('does not apply with no safety reply in the conversation', async () => {
    const adapter = await crisisBot({}, { nation: 'wales', ageGroup: '35_plus' });
    await say(adapter, 'what is ipt');
    expect(textOf(await sayOnce(adapter, STATEMENTS[0]))).not.toMatch(/116 123/);
  });
});

import type { Activity } from 'botbuilder';
import { eventsOf, realBot, say } from './safetyDialogHarness';
import { suggested } from './crisisDialogSupport';

/**
 * "Safe, then feeling a burden": once the person has said they are safe, a signal short of urgent
 * about themselves gets the gentle check-in, not the whole hand-off (and no second banner event).
 * Through the real gate, detector and MainDialog.
 */

const WEBCHAT = { channelId: 'webchat', locale: 'en-GB' };

/** Everything a turn shows, card text included (Teams puts a question's text on a hero card). */
const shown = (replies: Partial<Activity>[]) => JSON.stringify(replies.filter((reply) => reply.type === 'message'));

async function safeAfterRisk(channel = WEBCHAT) {
  const { adapter } = await realBot({ nation: 'england', ageGroup: '35_plus' }, channel);
  expect(eventsOf(await say(adapter, 'sometimes i think about not being here anymore'))).toHaveLength(1);
  expect(shown(await say(adapter, 'yes im safe, i wouldnt do anything'))).toContain("glad you're safe");
  return adapter;
}

describe('safe, then a lesser signal', () => {
  it.each([
    ['webchat', WEBCHAT, 'i just feel like such a burden to my family'],
    ['Teams', { channelId: 'msteams', locale: 'en-GB' }, 'i just feel like a burden to my team tbh'],
  ])('%s: the gentle check-in question, no second event, not "are you safe?" again', async (_name, channel, burden) => {
    const adapter = await safeAfterRisk(channel);
    const replies = await say(adapter, burden);
    const text = shown(replies);
    expect(eventsOf(replies)).toHaveLength(0);
    expect(text).toContain('999');
    expect(text).not.toMatch(/safe right now\?|You don't have to face this alone/);
    expect(text).toMatch(/\?/);
    if (channel.channelId === 'webchat') expect(suggested(replies).length).toBeGreaterThan(0);
  });

  it('an urgent risk after saying safe still gets the hand-off', async () => {
    const adapter = await safeAfterRisk();
    const replies = await say(adapter, 'actually i want to kill myself tonight');
    expect(shown(replies)).toMatch(/999/);
    expect(shown(replies)).toMatch(/safe right now\?/);
  });
});

import type { RiskAssessment } from '../../src/safety/types';
import { realBot, textOf } from './safetyDialogHarness';
import { messages, sayOnce, scriptedRisk } from './crisisDialogSupport';

/**
 * While the crisis dialog is open it never sends the same reply twice in a row, and a person who
 * says help is coming, or that they are calling, gets a fitting reply: well done, stay with them,
 * do what the call handler says. Through the real gate and MainDialog; the first message's
 * assessment is hand-made (scriptedRisk) so the reply kind is fixed whatever the detector does.
 */

const WEBCHAT = { channelId: 'webchat', locale: 'en-GB' };
const ENGLAND = { nation: 'england', ageGroup: '35_plus' } as const;

async function botWith(script: Record<string, Partial<RiskAssessment>>) {
  const harness = await realBot(ENGLAND, WEBCHAT);
  harness.adapter.use(scriptedRisk(script));
  return harness.adapter;
}

const FALLBACK = /didn't understand|did not understand|not sure what you mean/i;

describe('calling, and help on the way', () => {
  it.each([
    ['a physical emergency, "ok calling now"', { category: 'medical' as const }, 'ok calling now', /call handler/],
    ['someone else in a physical emergency, "theyre on the phone with me now"', { category: 'medical' as const, who: 'adult' as const }, 'theyre on the phone with me now', /call handler/],
    ['a friend at risk, "ok ive rung 999 theyre sending someone"', { who: 'adult' as const }, 'ok ive rung 999 theyre sending someone', /Well done.*Stay with them/s],
    ['a child at risk, "ok thanks ill ring them"', { category: 'abuse' as const, who: 'child' as const }, 'ok thanks ill ring them', /Well done/],
  ])('%s: well done and what to do while waiting, not the question again', async (_name, risk, calling, fitting) => {
    const adapter = await botWith({ 'RISK MESSAGE': risk });
    await sayOnce(adapter, 'RISK MESSAGE');
    const before = textOf(await sayOnce(adapter, 'i dont know what to do'));
    const after = textOf(await sayOnce(adapter, calling));
    expect(after).not.toBe(before);
    expect(after).toMatch(fitting);
    expect(after).not.toMatch(/Can you tell me if|safe right now\?|help is on the way\?/);
    expect(after).not.toMatch(FALLBACK);
    // Saying it again while waiting: a short line, no fallback, and not the same reply again.
    const again = textOf(await sayOnce(adapter, 'the ambulance is on its way now'));
    expect(again).not.toBe(after);
    expect(again).toMatch(/while you wait/);
    expect(again).not.toMatch(FALLBACK);
  });
});

describe('never the same reply twice in a row', () => {
  it.each([
    ['silence and a change of subject', ['anyway how much does ipt cost', '...', '?', '...']],
    ['leave me alone', ['forget it. bye', 'leave me alone', 'leave me alone']],
    ['not wanting to call anyone, twice', ['i dont want to call anyone', 'i cant talk on the phone', 'i dont want to call anyone']],
  ])('%s: each reply differs from the one before, and each keeps 999', async (_name, turns) => {
    const adapter = await botWith({ 'RISK MESSAGE': {} });
    let last = textOf(await sayOnce(adapter, 'RISK MESSAGE'));
    for (const turn of turns) {
      const replies = await sayOnce(adapter, turn);
      const text = textOf(replies);
      expect(text).not.toBe(last);
      for (const message of messages(replies)) expect(last.split('\n')).not.toContain(message);
      expect(text).toMatch(/999/);
      expect(text).not.toMatch(/glad you're safe|Goodbye|Take care/i);
      last = text;
    }
  });
});

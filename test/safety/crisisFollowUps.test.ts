import { detectRisk } from '../../src/safety/detectRisk';
import { readRouteRequest } from '../../src/safety/routeRequest';
import { readSafeNow } from '../../src/safety/safetyAnswers';
import { withWorkFrame, workFrameAfter } from '../../src/safety/workFrame';
import type { RiskAssessment } from '../../src/safety/types';
import { cardActions, eventsOf, say, textOf } from './safetyDialogHarness';
import { ASKS_AGAIN, afterOwnCrisis, crisisBot, sayOnce } from './crisisDialogSupport';

/**
 * What the person says after the first crisis reply, by class: picking or asking about a route,
 * not wanting 999 or the helplines, holding back from helping someone else, having hurt someone,
 * a work or study frame set earlier, and asking for a plan after the gentle check-in. Through the
 * real gate, detector and MainDialog; some first messages get a hand-made assessment
 * (scriptedRisk) so each kind of reply is tested on what it is given.
 */


describe('a route picked or asked about during the crisis reply', () => {
  const offered = { main: ['emergency', 'nhs111_england', 'samaritans', 'shout'], more: ['papyrus', 'samaritans_email'] };

  it.each<[string, string[] | undefined]>([
    ['maybe the text one', ['shout']],
    ['ok the texting one then', ['shout']],
    ['how do i text them', ['shout']],
    ['the email one', ['samaritans_email']],
    ['can i email them instead?', ['samaritans_email']],
    ['which one is for young people', ['papyrus']],
    ['whats the number again', ['nhs111_england', 'samaritans', 'shout']],
    ['who do i ring', ['nhs111_england', 'samaritans', 'shout']],
    ['are they open now', ['nhs111_england', 'samaritans', 'shout']],
    ['is there a way i can text instead', ['shout']],
    ['i dont want to text anyone', undefined],
    ['i got a text from my mum', undefined],
    ['one day at a time', undefined],
  ])('reads %j as %j (pure)', (text, ids) => {
    expect(readRouteRequest(text, 'en-GB', 'england', offered)).toEqual(ids);
  });

  it('descriptions and pointing count only inside a crisis reply', () => {
    expect(readRouteRequest('whats the number again', 'en-GB', 'england')).toBeUndefined();
    expect(readRouteRequest('maybe the text one', 'en-GB', 'england')).toBeUndefined();
  });

  it.each([
    ['maybe the text one', '85258'],
    ['how do i text them?', '85258'],
    ['the email one pls', 'jo@samaritans.org'],
    ['whats the number again', '116 123'],
  ])('%j gives that route again and asks again, never "not sure" and 999 alone', async (message, detail) => {
    const adapter = await afterOwnCrisis();
    const replies = await sayOnce(adapter, message);
    const text = textOf(replies);
    expect(text).toContain(detail);
    expect(text).toMatch(ASKS_AGAIN);
    expect(text).not.toMatch(/When you're not sure/);
    expect(eventsOf(replies)).toHaveLength(0);
  });

  it('"which one is for kids" from someone under 18 gives Childline', async () => {
    const adapter = await afterOwnCrisis({ nation: 'wales', ageGroup: 'under_18' });
    const text = textOf(await sayOnce(adapter, 'which one is for kids'));
    expect(text).toContain('0800 1111');
  });
});

describe('not wanting 999 or the helplines', () => {
  it.each([
    "i dont want to ring 999 or any helpline, they'll just send people",
    'im not calling 999, they would just send the police round',
    'i do not want an ambulance turning up at my door',
    "i won't ring samaritans or any of them",
  ])('%j: acknowledged, other ways (text, email, someone trusted), 999 never pressed, and it stays', async (message) => {
    const adapter = await afterOwnCrisis();
    const replies = await sayOnce(adapter, message);
    const text = textOf(replies);
    expect(readSafeNow(message).aimedAtServices).toBe(true);
    expect(eventsOf(replies)).toHaveLength(0);
    // Refusing the helplines: none of them by phone, and no 999. Refusing the police or an
    // ambulance: 999 at most once, as still there, never as the thing to do (crisis13).
    if (readSafeNow(message).aimedAtHelplines) expect(text).not.toMatch(/999|116 123/);
    else expect(text.match(/999/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(text).not.toMatch(/call 999|please call/i);
    expect(text).toContain('85258');
    expect(text).toMatch(/trust/);
    expect(text).toMatch(/\?/);
    expect(cardActions(replies).map((action) => action.url)).not.toContain('tel:999');
  });

  it.each(["theres my sister i guess", 'i could text my mate'])('%j after not wanting to call: a good person to reach, and it stays', async (message) => {
    const adapter = await afterOwnCrisis();
    await say(adapter, "i dont want to ring 999 or any helpline, they'll just send people");
    const text = textOf(await sayOnce(adapter, message));
    expect(text).toMatch(/good person to reach out to/);
    expect(text).toMatch(/\?/);
  });

  it('with danger now in the same message, 999 comes first', async () => {
    const adapter = await afterOwnCrisis();
    const text = textOf(await sayOnce(adapter, 'no im not safe but i wont ring 999'));
    expect(text.indexOf('999')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('85258');
  });
});

describe('holding back from helping someone else', () => {
  const script: Record<string, Partial<RiskAssessment>> = {
    'CHILD AT RISK': { category: 'abuse', severity: 'concern', who: 'child' },
    'OLDER PERSON AT RISK': { category: 'abuse', severity: 'concern', who: 'older_adult' },
  };

  it.each([
    'i dont want to get it wrong and get them in trouble',
    'what if im wrong about it',
    'am i overreacting here',
    "it's not really my business is it",
    'should i report it or would that make things worse',
  ])('%j about a child: reassurance, the NSPCC again, 999 only for danger now, the question again', async (message) => {
    const adapter = await crisisBot(script);
    await say(adapter, 'CHILD AT RISK');
    const replies = await sayOnce(adapter, message);
    const text = textOf(replies);
    expect(text).toContain('0808 800 5000');
    expect(text).toMatch(/advice/);
    expect(text).toMatch(/If they are in danger now, call 999/);
    expect(text).toMatch(/Can you tell me if they are safe right now\?|Are they safe right now\?/);
    expect(eventsOf(replies)).toHaveLength(0);
  });

  it('about an older person ("is that even abuse or am i being silly"): Hourglass and the council, not a hand-off about the writer', async () => {
    const adapter = await crisisBot(script);
    await say(adapter, 'OLDER PERSON AT RISK');
    const replies = await sayOnce(adapter, 'is that even abuse or am i being silly');
    const text = textOf(replies);
    expect(text).toContain('0808 808 8141');
    expect(text).toMatch(/adult social care/);
    expect(text).not.toMatch(/Are you safe/);
    expect(eventsOf(replies)).toHaveLength(0);
    expect(textOf(await sayOnce(adapter, 'ok whats the number again'))).toContain('0808 808 8141');
  });
});

describe('the person who hurt someone', () => {
  it.each([
    'i lost it with my girlfriend last night and pushed her. i need to stop before it gets worse',
    'i snapped at my husband and hit him',
    'i grabbed my boyfriend by the throat during a row',
    'i shoved her against the wall, i have to stop',
  ])('%j is read as harm to someone else', (text) => {
    expect(detectRisk(text, 'en-GB')).toMatchObject({ category: 'harm_to_others' });
  });

  it.each(['i pushed him on the swing at the park', 'i lost it with my boyfriend and cried all night', 'my girlfriend pushed me'])('%j is not the writer hurting someone', (text) => {
    expect(detectRisk(text, 'en-GB')?.category).not.toBe('harm_to_others');
  });

  it('the Respect line comes in the first reply and stays in view for a later question', async () => {
    const adapter = await crisisBot();
    const first = textOf(await sayOnce(adapter, 'i lost my temper with my wife and grabbed her by the neck. i need to stop'));
    expect(first).toContain('0808 802 4040');
    expect(textOf(await sayOnce(adapter, 'can ipt help with anger'))).toContain('0808 802 4040');
    await say(adapter, 'everyone is safe now');
    expect(textOf(await sayOnce(adapter, 'does ipt help with anger issues'))).toContain('0808 802 4040');
  });
});

describe('a work or study frame carried to the next question', () => {
  it('is open after a role or task, carried while the writer does not speak of themselves (pure)', () => {
    expect(workFrameAfter('im a student mental health nurse writing an essay on suicide prevention', false)).toBe(true);
    expect(workFrameAfter('is there evidence it reduces suicidal ideation', true)).toBe(true);
    expect(workFrameAfter('actually I have felt like that myself', true)).toBe(false);
    expect(workFrameAfter('is there evidence it reduces suicidal ideation', false)).toBe(false);
    const risk: RiskAssessment = { category: 'suicide', severity: 'concern', matched: ['x'], negated: false };
    expect(withWorkFrame(risk, 'does ipt target suicidal thoughts', true).frame).toBe('professional');
    expect(withWorkFrame(risk, 'i have suicidal thoughts', true).frame).toBeUndefined();
    expect(withWorkFrame({ ...risk, severity: 'immediate' }, 'what about suicide tonight', true).severity).toBe('immediate');
    expect(withWorkFrame({ ...risk, severity: 'immediate' }, 'what about suicide tonight', true).frame).toBeUndefined();
  });

  it.each([
    ['im a student mental health nurse writing an essay on suicide prevention, where does ipt fit in', 'is there evidence it reduces suicidal ideation in depression'],
    ['trainee psychologist here, doing a literature review on self harm', 'does ipt target self harm directly or just the low mood'],
  ])('%j then %j: no hand-off; then speaking of themselves: the hand-off', async (role, question) => {
    const adapter = await crisisBot();
    await say(adapter, role);
    expect(eventsOf(await say(adapter, question))).toHaveLength(0);
    expect(eventsOf(await say(adapter, 'honestly i have been having suicidal thoughts myself lately'))).toHaveLength(1);
  });
});

describe('after the gentle check-in', () => {
  it.each(['can you help me make a plan for if it gets bad again', 'could we do a safety plan'])('%j starts the safety plan', async (message) => {
    const adapter = await crisisBot();
    await say(adapter, 'i dont want to be here sometimes');
    await say(adapter, "yes i'm safe right now, just tired");
    await say(adapter, 'i just feel like such a burden on everyone');
    expect(textOf(await say(adapter, message))).toMatch(/Let's make a simple plan/);
  });
});

describe('after a past-and-over note', () => {
  it.each(['how do i get it in england', 'how can i get ipt in england?'])('%j during the check that follows is answered (NHS Talking Therapies), then the check goes on', async (question) => {
    const adapter = await crisisBot();
    const note = await say(adapter, 'i tried to kill myself when i was 19, thats ten years ago and im in a much better place now');
    expect(eventsOf(note)).toHaveLength(0);
    await say(adapter, 'is ipt right for me');
    const text = textOf(await say(adapter, question));
    expect(text).toMatch(/Talking Therapies/);
    expect(text).toMatch(/What is troubling you most/);
  });
});

import { crisisReplyFor } from '../../src/safety/crisisRoutesText';
import { safetyReply } from '../../src/safety/safetyReply';
import { readSafeNow } from '../../src/safety/safetyAnswers';
import { readForWhomRequest, readRouteRequest } from '../../src/safety/routeRequest';
import { sharedRiskReply } from '../../bots/teams/teamsReplies';
import type { RiskAssessment, RiskCategory } from '../../src/safety/types';
import { t } from '../../src/content/i18n';
import { AGE_GROUPS, NATIONS, type UserProfile } from '../../src/profile';
import { expectInOrder, textOf } from './safetyDialogHarness';
import { crisisBot, messages, sayOnce } from './crisisDialogSupport';

/**
 * Crisis dialog, seventh pass: by class, each with several wordings, through the real bot (real
 * gate and detector unless a hand-made assessment stands in for who is at risk).
 */

/** Words a person reads (numbers count; a bullet's dash does not). */
const wordsIn = (text: string) => text.split(/\s+/).filter((word) => /[a-z0-9]/i.test(word)).length;

describe('the first crisis reply fits a phone screen: under 90 words with the question, 999 first', () => {
  const kinds: Array<[RiskCategory, RiskAssessment['who']]> = [
    ['suicide', 'self'],
    ['self_harm', 'self'],
    ['abuse', 'self'],
    ['danger', 'self'],
    ['medical', 'self'],
    ['medical', 'adult'],
    ['suicide', 'adult'],
    ['abuse', 'adult'],
    ['suicide', 'child'],
    ['abuse', 'child'],
    ['abuse', 'older_adult'],
    ['harm_to_others', 'adult'],
    ['harm_to_others', 'child'],
  ];

  it('every kind of reply, nation and age (pure)', () => {
    for (const [category, who] of kinds) {
      for (const nation of [...NATIONS, undefined]) {
        for (const ageGroup of [...AGE_GROUPS, undefined]) {
          const assessment: RiskAssessment = { category, severity: 'immediate', who, matched: ['test'], negated: false };
          const reply = safetyReply(assessment);
          const message = crisisReplyFor('en-GB', reply, assessment, { nation, ageGroup }, 'first');
          const voice = reply.kind === 'medical' ? (reply.audience === 'self' ? 'medicalSelf' : 'medicalOther') : reply.audience;
          const turn = [message.text, t('en-GB', 'safety:reply.cardTitle'), t('en-GB', `safety:ask.question.${voice}`)].join('\n');
          const where = `${category}/${who}/${nation ?? '?'}/${ageGroup ?? '?'}`;
          if (wordsIn(turn) >= 90) throw new Error(`${where}: ${wordsIn(turn)} words\n${turn}`);
          // 999 before any other number, and printed on one line only.
          expect(message.buttons[0].id).toBe('emergency');
          expect(message.text.split('\n').filter((line) => /(^|\D)999(\D|$)/.test(line))).toHaveLength(1);
          const ids = [...message.buttons, ...message.more].map((route) => route.id);
          expect(new Set(ids).size).toBe(ids.length);
        }
      }
    }
  });

  const young: UserProfile = { nation: 'england', ageGroup: 'under_18' };
  it.each<[string, string, UserProfile, string[]]>([
    ['an under-18 at risk, said in their own words', "im 15 and i keep wanting to die, i cant tell my mum", young, ['999', '111', 'Childline', '0800 1111', '85258']],
    ['an under-18 hurting themselves, in Scotland', '16, live in dundee. been cutting again and tonight feels worse', { ageGroup: 'under_18' }, ['999', 'NHS 24', 'Breathing Space', 'Childline', '85258']],
    ['abuse, said by an adult', 'my husband hits me and i am scared to go home tonight', { nation: 'england', ageGroup: '35_plus' }, ['999', '0808 2000 247', '116 123', '85258', 'press 55']],
    ['abuse, said by an under-18', 'im 14 and my dad hits me when hes drunk, im scared to go home', {}, ['999', 'Childline', '85258', 'press 55']],
  ])('through the bot: %s', async (_name, text, profile, inOrder) => {
    const adapter = await crisisBot({}, profile);
    const replies = await sayOnce(adapter, text);
    const all = textOf(replies);
    expectInOrder(all, inOrder);
    // The card beside the message adds its title ("Tap to call or text"): five words.
    expect(wordsIn(messages(replies).join('\n')) + wordsIn(t('en-GB', 'safety:reply.cardTitle'))).toBeLessThan(90);
  });
});

describe('an answer read sentence by sentence', () => {
  it.each([
    "sorry - i mean yes, i'm safe right now. i'm in the library with people around",
    "I'm safe right now! I'm at my mum's",
    'yes im safe at the moment. im with my flatmate',
  ])('"%s" is safe: no phrase reads across a full stop', (text) => {
    expect(readSafeNow(text).label).toBe('safe');
  });

  it.each([
    ['right now i am, yes', 'unsure'],
    ['safe. but i still have the pills here', 'notSafe'],
    ['no. not really', 'notSafe'],
  ])('"%s" is still %s', (text, label) => {
    expect(readSafeNow(text).label).toBe(label);
  });
});

describe('an answer in another language, twice: the question again in other words, never the same reply', () => {
  it.each([
    ['dwi ddim yn siŵr', "ydw, dwi'n iawn"],
    ['nie wiem', 'tak, jestem bezpieczna'],
  ])('"%s" then "%s"', async (first, second) => {
    const adapter = await crisisBot();
    await sayOnce(adapter, 'i keep thinking about ending my life');
    const one = messages(await sayOnce(adapter, first));
    const two = messages(await sayOnce(adapter, second));
    expect(one.join('\n')).toMatch(/999/);
    expect(two.join('\n')).toMatch(/999/);
    expect(two.join('\n')).not.toBe(one.join('\n'));
    expect(two[two.length - 1]).toMatch(/safe right now/);
  });
});

describe('asking for a line the person at risk could use themselves', () => {
  const child = { 'my grandson is 14 and he told me today he wants to die': { who: 'child' as const } };
  it.each(['is there someone he could ring himself', 'is there a number he can call on his own', 'could he text someone himself'])(
    'a child: "%s" gets Childline, then the question again',
    async (ask) => {
      const adapter = await crisisBot(child);
      await sayOnce(adapter, 'my grandson is 14 and he told me today he wants to die');
      const text = textOf(await sayOnce(adapter, ask));
      expectInOrder(text, ['Childline', '0800 1111', 'they are safe right now?']);
    },
  );

  it('an older person: Hourglass and Samaritans; "who do i even ring about that" gives the reply\'s own lines', async () => {
    const adapter = await crisisBot({ 'my neighbour is 84 and her son takes her pension and shouts at her': { category: 'abuse', who: 'older_adult' } });
    await sayOnce(adapter, 'my neighbour is 84 and her son takes her pension and shouts at her');
    expectInOrder(textOf(await sayOnce(adapter, 'who do i even ring about that')), ['Hourglass', '0808 808 8141', 'safe right now?']);
    expectInOrder(textOf(await sayOnce(adapter, 'is there a line she could call herself')), ['Hourglass', 'Samaritans', 'safe right now?']);
  });

  it('about the person themselves, or with a negating word, it is no request', () => {
    const offered = { main: ['emergency', 'nspcc'], more: [], theirs: ['childline'] };
    expect(readRouteRequest('he could never call anyone himself', 'en-GB', undefined, offered)).toBeUndefined();
    expect(readRouteRequest('is there someone i could ring', 'en-GB', undefined, { main: ['emergency', 'samaritans'], more: [] })).toBeUndefined();
    expect(readRouteRequest('who do i actually call', 'en-GB', undefined, { main: ['emergency', 'samaritans'], more: [] })).toEqual(['samaritans']);
  });
});

describe('not wanting to call, in many wordings: other ways, and the dialog stays', () => {
  it.each([
    'i hate talking on the phone',
    "theyd just send the police round",
    'i dont want anyone to know',
    'i cant ring anyone, my mum will hear',
    "they'll just tell my parents",
    'im scared of phone calls',
  ])('"%s"', async (answer) => {
    const adapter = await crisisBot();
    await sayOnce(adapter, 'i want to kill myself');
    const text = textOf(await sayOnce(adapter, answer));
    expectInOrder(text, ['85258', 'jo@samaritans.org']);
    expect(text).not.toMatch(/glad you're safe|bye/i);
  });

  it.each(['could i just text someone', 'can i message someone instead'])('"%s" gets the text line', async (ask) => {
    const adapter = await crisisBot();
    await sayOnce(adapter, 'i want to kill myself');
    expectInOrder(textOf(await sayOnce(adapter, ask)), ['SHOUT', '85258', 'safe right now?']);
  });
});

describe('a bare "I\'m fine" after "no" or "not sure" is no safety', () => {
  it.each([
    ['not sure', 'im fine'],
    ['no', "i'm ok"],
    ['dunno', 'honestly im alright'],
  ])('"%s" then "%s": 999 and the question again, never "glad you\'re safe"', async (first, second) => {
    const adapter = await crisisBot();
    await sayOnce(adapter, 'i want to end my life');
    await sayOnce(adapter, first);
    const text = textOf(await sayOnce(adapter, second));
    expectInOrder(text, ['999', 'safe right now?']);
    expect(text).not.toMatch(/glad you're safe/);
  });

  it('as the first answer, or with reasons, "I\'m fine" still settles it', async () => {
    const adapter = await crisisBot();
    await sayOnce(adapter, 'i want to end my life');
    expect(textOf(await sayOnce(adapter, 'im fine'))).toMatch(/glad you're safe/);
    const again = await crisisBot();
    await sayOnce(again, 'i want to end my life');
    await sayOnce(again, 'not sure');
    expect(textOf(await sayOnce(again, "i'm safe, my sister is with me"))).toMatch(/glad you're safe/);
  });
});

describe('Teams: risk about a colleague', () => {
  const copy = { locale: 'en-GB', clinic: { name: 'the clinic' }, workplace: { supportFirst: 'nhs' as const } };
  it.each<[string, Partial<RiskAssessment>, string[]]>([
    ['a colleague who may take their own life', { category: 'suicide', who: 'adult' }, ['good that you want to help', '999', 'worried about someone', '116 123', '85258']],
    ['a colleague hurt by a partner', { category: 'abuse', who: 'adult' }, ['good that you want to help', '999', '101', '116 123']],
    ['a colleague who collapsed', { category: 'medical', who: 'adult' }, ['call 999 now', 'call handler']],
  ])('in a group chat: %s gets the reply for helping them, 999 first', (_name, fields, inOrder) => {
    const risk: RiskAssessment = { category: 'suicide', severity: 'immediate', matched: ['x'], negated: false, ...fields };
    const text = sharedRiskReply(copy, risk, 'https://teams.microsoft.com/l/chat/0/0?users=28:x').text ?? '';
    expectInOrder(text, inOrder);
    expect(text).not.toMatch(/make sure you're OK/);
    expect(text.split('\n').filter((line) => line.includes('999'))).toHaveLength(1);
  });

  it('in the personal chat: the full reply for helping someone else, and holding back gets the advice lines again', async () => {
    const adapter = await crisisBot({ 'my colleague told me she is going to kill herself after work': { who: 'adult' } });
    const first = textOf(await sayOnce(adapter, { text: 'my colleague told me she is going to kill herself after work', channelId: 'msteams' }));
    expectInOrder(first, ['good that you want to help', '999', '116 123', 'Are they safe right now?']);
    expectInOrder(textOf(await sayOnce(adapter, { text: "i dont want to get her in trouble with hr", channelId: 'msteams' })), ['advice', '116 123', '999', 'safe right now?']);
  });
});

describe('where other people can get help, asked anywhere', () => {
  it.each(['and where should students go if they need help themselves', 'where would a pupil go for help', 'is there someone teenagers can talk to', 'which helplines should go on the poster for our students', 'what phone numbers can i give my pupils']) (
    '"%s" gets Childline',
    (text) => {
      expect(readForWhomRequest(text, 'en-GB')).toEqual(['childline']);
    },
  );

  it.each(['where can my teenager get ipt', 'is there therapy for young people', 'my students never talk to me', 'where do kids go after school'])('"%s" is no request', (text) => {
    expect(readForWhomRequest(text, 'en-GB')).toBeUndefined();
  });

  it('through the bot, after a lesson-planning question: the line, with its number', async () => {
    const adapter = await crisisBot();
    expectInOrder(textOf(await sayOnce(adapter, 'where would a pupil go for help')), ['Childline', '0800 1111']);
  });
});

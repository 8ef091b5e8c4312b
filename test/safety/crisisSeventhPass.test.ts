import { crisisReplyFor } from '../../src/safety/crisisRoutesText';
import { safetyReply } from '../../src/safety/safetyReply';
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

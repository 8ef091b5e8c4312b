import { allText, buttons, cards, conversation } from './support';
import { resolveLocale } from '../../src/content/i18n';

/** Whatever locale a channel sends, people get the English copy rather than an error or raw keys. */
describe('locale fallback to English', () => {
  test.each(['fr-FR', 'en-US', 'EN', 'cy-GB', ''])('"%s"', async (locale) => {
    const convo = await conversation({ locale });
    const about = await convo.say('what is ipt');
    expect(allText(about)).toContain('IPT stands for Interpersonal Psychotherapy');
    expect(allText(about)).not.toMatch(/topics:|common:/);
    const expect_ = await convo.say('What happens in IPT?');
    expect(cards(expect_)[0].body[0]).toMatchObject({ text: 'The three parts of IPT' });
    const check = await convo.say('is it right for me');
    expect(buttons(check)).toContain('Someone close to me died');
    const answer = await convo.say('Someone close to me died');
    expect(allText(answer)).toContain('How long have you felt like this?');
  });

  test('resolveLocale maps unsupported locales to en-GB', () => {
    expect(resolveLocale('fr-FR')).toBe('en-GB');
    expect(resolveLocale('en-us')).toBe('en-GB');
  });
});

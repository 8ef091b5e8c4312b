import { resolveLocale, t, tObject, DEFAULT_LOCALE } from '../../src/content/i18n';

describe('i18n', () => {
  it.each([
    ['en-GB', 'en-GB'],
    ['en-gb', 'en-GB'],
    ['en_GB', 'en-GB'],
    ['en-US', 'en-GB'],
    ['EN', 'en-GB'],
    ['fr-FR', DEFAULT_LOCALE],
    ['', DEFAULT_LOCALE],
    [undefined, DEFAULT_LOCALE],
  ])('resolves %p to %p', (requested, expected) => {
    expect(resolveLocale(requested)).toBe(expected);
    expect(resolveLocale(requested)).toBe(expected); // cached answer is the same
  });

  it('interpolates values and throws on a missing key rather than showing it', () => {
    expect(t('en-GB', 'errors:turnErrorUrgent', { emergency: '999', nhs111: '111', samaritans: '116 123' })).toMatch(/call 999/);
    expect(() => t('en-GB', 'errors:noSuchKey')).toThrow('Missing copy: errors:noSuchKey (en-GB)');
    expect(() => tObject('fr-FR', 'nope:nothing')).toThrow(/Missing copy/);
  });
});

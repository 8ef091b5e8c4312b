import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRedactor, rememberingRedactor, REDACTED } from '../../src/transcripts/redact';
import { isCardNumber, isNhsNumber } from '../../src/transcripts/checksums';
import { serviceContacts } from '../../src/transcripts/serviceContacts';
import { LOCALES_DIR } from '../../src/projectRoot';

const redactor = createRedactor(serviceContacts('en-GB', { phone: '0113 496 0000', email: 'hello@clinic.example' }));

/** [input, what must be gone (substrings), what must stay (substrings)] */
const MUST_GO: Array<[string, string[], string[]?]> = [
  ['call me on 07700 900123 please', ['07700', '900123'], ['call me on', 'please']],
  ['my mobile is 07700900123', ['07700900123']],
  ['ring +44 7700 900123 after 6', ['7700', '900123'], ['after 6']],
  ['or +44 (0)20 7946 0018', ['7946', '0018']],
  ['0044 113 496 0123 is home', ['496', '0123']],
  ['landline 0113 496 0123', ['0113 496 0123']],
  ['london 020 7946 0018', ['7946 0018']],
  ['work: 01632-960-123', ['960']],
  ['email me at jane.doe+nhs@example.co.uk today', ['jane.doe', 'example.co.uk'], ['today']],
  ['JOHN_SMITH@Mail.COM', ['JOHN_SMITH', 'Mail.COM']],
  ['I live at LS6 2AB in Leeds', ['LS6 2AB'], ['in Leeds']],
  ['postcode sw1a1aa', ['sw1a1aa']],
  ['a made-up one: AB1 2CD', ['AB1 2CD']],
  ['EC1A 1BB and m1 1ae', ['EC1A 1BB', 'm1 1ae']],
  ['my nhs number is 943 476 5919', ['943 476 5919', '9434765919']],
  ['NHS no. 9434765919', ['9434765919']],
  ['card 4111 1111 1111 1111 exp 12/27', ['4111']],
  ['account 12345678901', ['12345678901']],
  ['born 12/03/1990', ['12/03/1990']],
  ['dob: 1990-03-12', ['1990-03-12']],
  ['I was born on 3rd March 1990', ['3rd March 1990']],
  ['my birthday is 14 February', ['14 February'], ['my birthday is']],
  ['date of birth March 3, 1988', ['March 3, 1988']],
  ['my name is Jane Smith and I feel low', ['Jane', 'Smith'], ['and I feel low']],
  ["my name's priya", ['priya']],
  ['call me Sam', ['Sam']],
  ["Hi, I'm Jane", ['Jane'], ['Hi']],
  ['i am Mohammed, 34', ['Mohammed'], ['34']],
  ['Name: Jo Bloggs', ['Jo', 'Bloggs']],
  ['my name is jane', ['jane']],
];

const MUST_STAY: string[] = [
  "I'm sad",
  "I'm 15",
  "I'm in Leeds",
  "I'm not sure I'm okay",
  'IPT usually takes 12-16 sessions',
  'it takes 12 to 16 weeks',
  'call 999 or 111',
  'Samaritans on 116 123',
  'Childline 0800 1111',
  'Lifeline 0808 808 8000',
  'domestic abuse line 0808 2000 247',
  'text SHOUT to 85258',
  'email jo@samaritans.org',
  'the clinic on 0113 496 0000 or hello@clinic.example',
  'I have had 3 sessions since 2019',
  'at 10.30 or 2pm',
  "I'm English and I'm struggling",
  'I AM REALLY STRUGGLING TODAY',
  'My Mum Says I Am Lazy',
  'we meet at 10am on the 2nd',
  'can someone call me back tomorrow',
  'please call me later',
];

describe('redaction table', () => {
  test.each(MUST_GO)('%s', (input, gone, stays = []) => {
    const out = redactor.text(input);
    for (const piece of gone) expect(out).not.toContain(piece);
    for (const piece of stays) expect(out).toContain(piece);
    expect(out).toMatch(/\[(email|phone|NHS number|card number|number|postcode|date|name)\]/);
  });

  test.each(MUST_STAY)('stays: %s', (input) => {
    expect(redactor.text(input)).toBe(input);
  });

  test('labels say what was removed', () => {
    expect(redactor.text('943 476 5919')).toBe(REDACTED.nhs);
    expect(redactor.text('4111 1111 1111 1111')).toBe(REDACTED.card);
    expect(redactor.text('07700 900123')).toBe(REDACTED.phone);
    expect(redactor.text('SW1A 1AA')).toBe(REDACTED.postcode);
  });

  test('nested values: cards, submitted values, channel data', () => {
    const value = { a: ['my number is 07700 900123'], b: { c: 'jane@example.com', n: 3, ok: true } };
    expect(redactor.deep(value)).toEqual({ a: ['my number is [phone]'], b: { c: '[email]', n: 3, ok: true } });
  });

  test('submitted form fields named for personal details go whatever they hold', () => {
    const submitted = { firstName: 'Jo', email: 'not-an-email', phoneNumber: 12345, dob: 'last spring', concern: 'grief', nation: 'wales' };
    expect(redactor.deep(submitted, { byKey: true })).toEqual({
      firstName: '[redacted]', email: '[redacted]', phoneNumber: '[redacted]', dob: '[redacted]', concern: 'grief', nation: 'wales',
    });
  });

  test('no-break spaces and brackets do not hide a number', () => {
    expect(redactor.text('07700\u00a0900123')).toBe(REDACTED.phone);
    expect(redactor.text('(07700) 900123')).toBe(REDACTED.phone);
    expect(redactor.text('0 7 7 0 0 9 0 0 1 2 3')).toBe(REDACTED.phone);
  });

  test('every string the bot says survives redaction unchanged', () => {
    const strings: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    const dir = join(LOCALES_DIR, 'en-GB', 'strings');
    for (const file of readdirSync(dir)) collect(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    collect(JSON.parse(readFileSync(join(LOCALES_DIR, 'en-GB', 'crisis-routes.json'), 'utf8')).routes);
    expect(strings.length).toBeGreaterThan(100);
    const changed = strings.filter((text) => redactor.text(text) !== text);
    expect(changed).toEqual([]);
  });
});

describe('check digits', () => {
  test('NHS numbers (mod 11)', () => {
    expect(isNhsNumber('9434765919')).toBe(true);
    expect(isNhsNumber('9434765918')).toBe(false);
    expect(isNhsNumber('943476591')).toBe(false);
  });
  test('card numbers (Luhn)', () => {
    expect(isCardNumber('4111111111111111')).toBe(true);
    expect(isCardNumber('4111111111111112')).toBe(false);
  });
});

describe('rememberingRedactor (the bot replies\' redaction, remembered)', () => {
  it('gives exactly what the redactor gives, first time and remembered, for text and deep values', () => {
    const remembering = rememberingRedactor(redactor, 4);
    for (let pass = 0; pass < 2; pass += 1) {
      for (const [input] of MUST_GO) expect(remembering.text(input)).toBe(redactor.text(input));
    }
    const card = { body: [{ type: 'TextBlock', text: 'call me on 07700 900123' }], actions: [{ title: 'Samaritans 116 123' }] };
    expect(remembering.deep(card)).toEqual(redactor.deep(card));
    expect(remembering.deep(card)).toEqual(redactor.deep(card));
  });
});

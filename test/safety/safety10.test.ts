import { detectRisk, detectRiskLexiconOnly, sharedRiskDetector } from '../../src/safety/detectRisk';

/**
 * safety10: rules written for classes. Every wording here is written for this test, built from
 * parts so each class is tried in many combinations, and each class keeps a twin that must still
 * fire.
 */

const calm = (text: string): boolean => {
  const got = detectRisk(text);
  return got === null || got.negated || ((got.when === 'past' || got.frame === 'professional') && got.severity === 'concern');
};

describe('someone at the door or window', () => {
  const callers = ['someone', 'a man', 'somebody', 'a woman', 'my partner'];
  const places = ['is at the door', 'is at my front door', 'at the window'];
  const plain = callers.flatMap((who) => places.map((where) => `${who} ${where}`));

  it.each(plain)('"%s" alone is not a rule-found emergency', (text) => {
    expect(detectRiskLexiconOnly(text)).toBeNull();
  });

  const fearOrForce = ['and i am really frightened', 'with a baseball bat', 'shouting and will not leave', 'banging to get in'];
  it.each(plain.flatMap((text, i) => [`${text} ${fearOrForce[i % fearOrForce.length]}`, `im terrified, ${text}`]))('"%s" is danger now', (text) => {
    const got = detectRisk(text);
    expect(got?.category).toBe('danger');
    expect(got?.severity).toBe('immediate');
  });
});

describe('past and over: a time, well now, then a question', () => {
  const events = ['i took too many of my tablets', 'i tried to hang myself', 'i was burning my arms', 'i planned my suicide', 'my stepdad hit me'];
  const times = ['nine years ago', 'more than a decade ago', 'back in 2013', 'in year 2 at uni', 'about 6 yrs ago', 'when i was seventeen'];
  const wellNow = ['im fine these days', 'i am settled now', 'things are good now', 'im ok now', 'i am grown up and safe now', 'clean since'];
  const questions = ['can i still get ipt', 'is ipt ok for a bereavement', 'how do i self refer', 'could i still be seen if i moved'];
  const cases = events.flatMap((event, i) =>
    times.map((time, j) => {
      const well = wellNow[(i + j) % wellNow.length];
      const question = questions[(i * 2 + j) % questions.length];
      return j % 2 === 0 ? `${time} ${event}. ${well}. ${question}?` : `${event} ${time}, ${well}, ${question}?`;
    }),
  );

  // (A model-found risk read as past is dropped, so "no dialog" may be null; the twins below must fire.)
  it.each(cases)('%s -> no safety dialog', (text) => {
    expect(calm(text)).toBe(true);
  });

  it.each([
    'nine years ago i tried to hang myself and last night i thought about it again',
    'i was burning my arms back in 2013 and it has come back this month',
    'about 6 yrs ago i took too many of my tablets, i am fine these days but tonight i want to do it again',
  ])('%s -> still current', (text) => {
    const got = detectRisk(text);
    expect(got).not.toBeNull();
    expect(got?.when).toBe('current');
  });
});

describe('a lone 2 or 4 after a word that takes a number', () => {
  it.each([
    ['in year 2 i moved house', 'in year 2 i moved house'],
    ['she was aged 4 then', 'she was aged 4 then'],
    ['4 yrs ago', '4 yrs ago'],
  ])('%s', (text, expected) => {
    expect(sharedRiskDetector().normalise(text)).toBe(expected);
  });

  it('is still "to" or "for" in text-speak', () => {
    expect(sharedRiskDetector().normalise('going 2 bed, thanks 4 listening')).toBe('going to bed thanks for listening');
  });
});

describe('past and over in Welsh and Spanish, read for every finding', () => {
  it.each([
    'Intenté suicidarme hace ocho años, pero ya estoy mejor. ¿Cuánto dura la terapia?',
    "Ro'n i'n meddwl am ladd fy hun bedair blynedd yn ôl, ond rydw i'n iawn nawr. Ydy IPT yn addas?",
  ])('%s -> past, a concern', (text) => {
    const got = detectRisk(text);
    expect(got?.when).toBe('past');
    expect(got?.severity).toBe('concern');
  });

  it.each(['Intenté suicidarme hace ocho años y esta noche quiero morir otra vez', "Ro'n i'n meddwl am ladd fy hun bedair blynedd yn ôl ac mae e nôl eto heno"])(
    '%s -> current, immediate',
    (text) => {
      const got = detectRisk(text);
      expect(got?.when).toBe('current');
      expect(got?.severity).toBe('immediate');
    },
  );
});

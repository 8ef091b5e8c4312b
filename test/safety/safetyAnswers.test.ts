import { answerTokens, checkInAnswer, isUnreadable, offerAnswer, readSafeNow, safetyRequest, type SafeNowLabel } from '../../src/safety/safetyAnswers';

/**
 * Reading "are you safe?" conservatively: only words that say safety are safe; bare yes-words and
 * acknowledgements are their own labels (the dialog decides what they mean from what came before);
 * text the reader cannot read is unknown; mixed answers resolve to the most cautious.
 */

describe('reading an answer to "are you safe right now?"', () => {
  const cases: Array<[string, SafeNowLabel]> = [
    // Words that say safety
    ["Yes, I'm safe", 'safe'],
    ['yes im safe', 'safe'],
    ["I'm OK, I'm at my sister's", 'safe'],
    ["I won't do anything tonight", 'safe'],
    ["I'm not going to do anything", 'safe'],
    ["I wouldn't hurt myself", 'safe'],
    ['i am safe now', 'safe'],
    ['not in danger', 'safe'],
    ["she's safe, she's with me", 'safe'],
    ["Yes, they're safe", 'safe'],
    ['Yes, everyone is safe', 'safe'],
    ['no one is in danger', 'safe'],
    ['the ambulance is on the way', 'helpComing'],
    ["I've called 999", 'helpComing'],
    ["we're at A&E", 'helpComing'],
    ['no one has called 999', 'notSafe'],
    ["I'm safe now", 'safe'],
    ['yeah im ok', 'safe'],
    // Bare yes-words: a direct yes to the question, only as the whole answer
    ['yes', 'yes'],
    ['Yeah', 'yes'],
    ['I am', 'yes'],
    ['um yes', 'yes'],
    // Bare acknowledgements: never safety
    ['ok', 'ack'],
    ['k', 'ack'],
    ['y', 'ack'],
    ['sure', 'ack'],
    ['fine', 'ack'],
    ['thanks', 'ack'],
    ['ok thanks', 'ack'],
    ['bye', 'ack'],
    ["it's fine", 'ack'],
    // Not safe, unsure, mixed (most cautious)
    ['No', 'notSafe'],
    ["I'm not safe", 'notSafe'],
    ["I don't feel safe", 'notSafe'],
    ["I'm not ok", 'notSafe'],
    ['not really', 'notSafe'],
    ['no, I am safe', 'ack'], // says both: asked again, never read as safe
    ['yes... no', 'notSafe'],
    ["I'm scared", 'notSafe'],
    ["they're not safe", 'notSafe'],
    ["I'm not sure", 'unsure'],
    ['idk', 'unsure'],
    ["I don't know", 'unsure'],
    ['maybe', 'unsure'],
    ["I'll be fine", 'unsure'],
    ["I'm ok for now", 'unsure'],
    ["I think I'm safe", 'unsure'],
    ['safe enough', 'unsure'],
    ["I'm not in danger", 'safe'],
    // Not an answer
    ['what is IPT', 'unknown'],
    ["I'm at the station", 'unknown'],
    // A place of danger, or the means at hand, said with a yes is no safety
    ['yes I am at the bridge', 'notSafe'],
    ['', 'unknown'],
  ];
  it.each(cases)('%j -> %s', (text, expected) => {
    expect(readSafeNow(text).label).toBe(expected);
  });

  it.each([
    ['Nie chcę już żyć', 'Polish with its letters'],
    ['nie chce juz zyc', 'Polish without its letters'],
    ['tak', 'Polish "yes"'],
    ["Dw i eisiau marw", 'Welsh'],
    ['da, sunt ok', 'Romanian, with an English "ok" in it'],
    ['sí, estoy bien', 'Spanish'],
    ['میں ٹھیک ہوں', 'Urdu'],
  ])('%j (%s) is unreadable, so unknown, never safe', (text) => {
    const reading = readSafeNow(text);
    expect(reading).toMatchObject({ label: 'unknown', unreadable: true });
  });

  it.each([
    // A "no" that agrees with the denial after it
    ["no, I'm not going to do anything", 'safe'],
    ['nah i wont do anything stupid', 'safe'],
    ['nope, not in any danger', 'safe'],
    // A "no" against safe words: neither, so asked again (never "call 999 now", never a safe claim)
    ["no I'm safe, just tired", 'ack'],
    ['nah im fine', 'ack'],
    ['no no im ok', 'ack'],
    // Still not safe
    ['not safe', 'notSafe'],
    ['never safe here', 'notSafe'],
    ["no I'm not safe", 'notSafe'],
    ["no I don't feel safe", 'notSafe'],
    ['no, i have the pills but im safe', 'notSafe'],
    ['no', 'notSafe'],
  ])('an opening "no": %j -> %s', (text, expected) => {
    expect(readSafeNow(text).label).toBe(expected);
  });

  it('a name or a typo beside English words is still read', () => {
    expect(isUnreadable(answerTokens("I'm OK, I'm at Gosia's"))).toBe(false);
    expect(readSafeNow("I'm OK, I'm at Gosia's").label).toBe('safe');
    expect(readSafeNow('im safe at my sistrs').label).toBe('safe');
  });

  it.each([
    ["I don't want to call anyone", true],
    ["I can't talk on the phone", true],
    ["I don't want to talk to a stranger", true],
    ['no one would care', true],
    ["I won't ring them", true],
    ["Yes, I'm safe", false],
    ['no', false],
  ])('%j reluctant: %s', (text, reluctant) => {
    expect(readSafeNow(text).reluctant).toBe(reluctant);
  });
});

describe('requests in the person\'s own words', () => {
  it.each([
    ['More places to get help', 'moreRoutes'],
    ['any other numbers?', 'moreRoutes'],
    ['Make a safety plan', 'plan'],
    ['can you stay with me', 'plan'],
    ['Back to what we were doing', 'back'],
    ["let's carry on", 'back'],
    ['what is IPT', undefined],
  ])('%j -> %s', (text, expected) => {
    expect(safetyRequest(text)).toBe(expected);
  });
});

describe('a whole answer to an offer', () => {
  it.each([
    ['yes please', 'yes'],
    ['um, ok', 'yes'],
    ['go on then', 'yes'],
    ['no thanks', 'no'],
    ["I'm ok thanks", 'no'],
    ['not now', 'no'],
    ['bye', 'no'],
    ['yes I want to die', undefined],
    ['what is IPT', undefined],
  ])('%j -> %s', (text, expected) => {
    expect(offerAnswer(text)).toBe(expected);
  });
});

describe('reading the check-in answer', () => {
  it.each([
    ['Yes', 'yes'],
    ['sometimes', 'yes'],
    ['No', 'no'],
    ["no I'm fine", 'no'],
    ['not sure', 'unsure'],
    ['no... well sometimes', 'yes'],
    ['tak', 'unknown'],
    ['Nie chcę już żyć', 'unknown'],
  ])('%j -> %s', (text, expected) => {
    expect(checkInAnswer(text)).toBe(expected);
  });
});

describe('Scots, Irish and Northern English short answers are English', () => {
  it.each(['aye', 'och aye', 'naw', 'wot', 'huh'])('%j is readable', (text) => {
    expect(isUnreadable(answerTokens(text))).toBe(false);
  });

  it('"aye" says yes, "naw" says no, "grand" says fine', () => {
    expect(readSafeNow('aye').label).toBe('yes');
    expect(checkInAnswer('aye')).toBe('yes');
    expect(readSafeNow('naw').label).toBe('notSafe');
    expect(checkInAnswer('naw, no really')).toBe('no');
    expect(checkInAnswer("i'm grand")).toBe('no');
  });
});

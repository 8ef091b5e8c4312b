import { normalizeUtterance } from '../../src/language/normalize';

/** The clean-up both the recogniser and the question matcher read: spellings folded to one form. */
describe('normalizeUtterance', () => {
  test.each([
    ['I.P.T', 'ipt'],
    ['tell me about i p tea', 'tell me about ipt'],
    ['eye pee tee for grief', 'ipt for grief'],
    ['inter personal therapy', 'interpersonal therapy'],
    ['can i refer my self', 'can i refer myself'],
    ['can they refer them selves', 'can they refer themselves'],
    ['look after your self', 'look after yourself'],
    ['self-referral?', 'selfrefer?'],
    ['is there a self referral form', 'is there a selfrefer form'],
    ['after i self refer', 'after i selfrefer'],
    ['how many sesions', 'how many sessions'],
    ['what actually is ipt', 'what is ipt'],
    ['does it even work tbh', 'does it work'],
  ])('"%s" -> "%s"', (text, expected) => {
    expect(normalizeUtterance(text)).toBe(expected);
  });

  test('"self" on its own is left alone', () => {
    expect(normalizeUtterance('self esteem')).toBe('self esteem');
  });
});

/** A formal or older voice: the courtesy around a question goes, and formal words become everyday ones. */
describe('plain voice', () => {
  test.each([
    ["I'd be most grateful if you would kindly let me know whether the sessions are weekly", 'the sessions are weekly'],
    ['Would you be so kind as to explain what happens at the end?', 'what happens at the end?'],
    ['Please could you advise me how I refer myself.', 'how i refer myself.'],
    ['Could you please tell me how long I would wait?', 'how long i would wait?'],
    ['May I enquire if there is a charge?', 'there is a charge?'],
    ['I was wondering whether my son might accompany me', 'my son might come with me'],
    ['Thank you. I would like to know if it is offered free of charge.', 'thank you. it is offered free.'],
    ['Is one required to attend every week by telephone?', 'is one have to come every week by phone?'],
    ['What is the National Health Service position?', 'what is the nhs position?'],
  ])('"%s" -> "%s"', (text, expected) => {
    expect(normalizeUtterance(text)).toBe(expected);
  });

  test('everyday questions and a preference keep their words', () => {
    for (const text of ['i pour tea for a living', 'can you tell me about ipt', 'i would rather not talk about my past', 'if i pay can i start sooner', 'what if it does not work']) {
      expect(normalizeUtterance(text)).toBe(text);
    }
  });
});

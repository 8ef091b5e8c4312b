import { asksAfterAnswer, asksToEmail, asksToKeepSummary, classifyControl, isAcknowledgement, isConversationCommand, isWhyAsk, hasChangeCue, isCallTimeQuestion, isCheckRequest, isFitQuestion, isGoodbye, isNextStepRequest, isPause, isQuestion, parseControlWords } from '../../src/language/controlWords';
import controlJson from '../../locales/en-GB/control-words.json';

const cases: Array<[string, string, string?]> = [
  ['stop', 'stop'],
  ['STOP!!', 'stop'],
  ['ok stop please', 'stop'],
  ['stpo', 'stop'],
  ['skip that too', 'skip'],
  ['skip this as well', 'skip'],
  ['cancle', 'stop'],
  ['nvm', 'stop'],
  ['i dont want to do this anymore', 'stop'],
  ['no more questions', 'stop'],
  ['start again', 'restart'],
  ['restart', 'restart'],
  ['can we start again please', 'restart'],
  ['start agian', 'restart'],
  ['strat again', 'restart'],
  ['from the top', 'restart'],
  ['lets start over', 'restart'],
  ["let's start from scratch", 'restart'],
  ['carry on', 'resume'],
  ['carry on with the questions', 'resume'],
  ['yes carry on', 'resume'],
  ['ok lets continue', 'resume'],
  ['contiune', 'resume'],
  ['back to the check', 'resume'],
  ['go back', 'back'],
  ['can i go back', 'back'],
  ['previous question', 'back'],
  ['go bak', 'back'],
  ['undo', 'back'],
  ['change my answer', 'change'],
  ['can I change my answer?', 'change'],
  ['chnage my answer', 'change'],
  ['oops wrong button', 'change'],
  ['i made a mistake', 'change'],
  ['change my age', 'change', 'age'],
  ['I put the wrong age', 'change', 'age'],
  ['wrong age', 'change', 'age'],
  ['can i change where i live', 'change', 'nation'],
  ['go back to the how long one', 'change', 'duration'],
  ['can i go back and change my answer about how long', 'change', 'duration'],
  ['I said the wrong thing', 'change'],
  ['nah dont wanna do a quiz', 'stop'],
  ['i want to change the first question', 'change', 'concern'],
  ['skip', 'skip'],
  ['skip this one pls', 'skip'],
  ['rather not say', 'skip'],
  ['id rather not say', 'skip'],
  ['pass', 'skip'],
  ['can we skip that one please', 'skip'],
  ['pass on this one', 'skip'],
  ['what was the question?', 'repeat'],
  ['sorry what was the question again', 'repeat'],
  ['huh?', 'repeat'],
  ['say that again', 'repeat'],
  ['wot', 'repeat'],
];

describe('classifyControl', () => {
  it.each(cases.map(([text, kind, target]) => [text, kind, target ?? '']))('%s -> %s %s', (text, kind, target) => {
    expect(classifyControl('en-GB', text)).toEqual(target ? { kind, target } : { kind });
  });

  it.each([
    "I can't stop crying",
    'since june',
    'ya',
    'yes',
    'no',
    'nah',
    'about 6 months',
    'my mum died',
    "I'm 15",
    'I live in Cardiff',
    'what is ipt',
    'we keep arguing',
    'he went back to his ex',
    'i want to stop feeling like this',
    'kinda',
    'thanks',
    'ok',
  ])('%s is not a control word', (text) => {
    expect(classifyControl('en-GB', text)).toBeUndefined();
  });

  it('rejects a phrase listed under two kinds', () => {
    expect(() => parseControlWords({ ...controlJson, kinds: { ...controlJson.kinds, skip: ['stop'] } })).toThrow(/both stop and skip/);
  });
});

describe('isGoodbye', () => {
  it.each(['bye', 'thanks bye', 'ok bye x', 'gotta go', 'thats all thanks', 'cya', 'goodnight', 'byee'])('%s is a goodbye', (text) => {
    expect(isGoodbye('en-GB', text)).toBe(true);
  });
  it.each(['ya', 'yes', 'ok', 'thanks', 'cool', 'yeah thanks', 'by the way what is ipt', 'bye felicia what is IPT'])('%s is not a goodbye', (text) => {
    expect(isGoodbye('en-GB', text)).toBe(false);
  });
});

describe('pauses, questions and requests (round two of issue 13)', () => {
  test.each([
    ['hang on someones at the door', true],
    ['brb', true],
    ['give me a minute pls', true],
    ['one sec', true],
    ['someones at the door', true],
    ['hold on, is it free?', false],
    ['hold on what does it cost', false],
    ['wait is it free', false],
    ['i cant hang on much longer', false],
    ['since june', false],
    ['gotta go, do the rest later', true],
    ['ill finish this later', true],
    ['i need a break from my partner', false],
  ])('isPause("%s") is %s', (text, expected) => {
    expect(isPause('en-GB', text)).toBe(expected);
  });

  test.each([
    ['who sees my answers?', true],
    ['who sees my answers', true],
    ['how long does it take', true],
    ['since june', false],
    ['my mum', false],
  ])('isQuestion("%s") is %s', (text, expected) => {
    expect(isQuestion('en-GB', text)).toBe(expected);
  });

  test.each([
    ['so what do i do next', true],
    ['now what', true],
    ['ok whats the next step?', true],
    ['what do i do next to get ipt in wales', false],
    ['next', false],
  ])('isNextStepRequest("%s") is %s', (text, expected) => {
    expect(isNextStepRequest('en-GB', text)).toBe(expected);
  });

  test.each([
    ['quiz pls', true],
    ['ipt check pls', true],
    ['an ipt check please', true],
    ['can we do the check', true],
    ['do check', true],
    ['ok do ur check then', true],
    ['can i do the questions thing', true],
    ['can i answer your questions', true],
    ['the questions were confusing', false],
    ['how do i check a therapist is legit', false],
    ['is ipt right for me?', true],
    ['the quiz was hard', false],
    ['check my answers', false],
  ])('isCheckRequest("%s") is %s', (text, expected) => {
    expect(isCheckRequest('en-GB', text)).toBe(expected);
  });

  test.each([
    ['is that the sort of thing ipt is for', true],
    ['can it help with that?', true],
    ['would ipt help?', true],
    ['can you help me?', false],
    ['that sort of thing happens', false],
    ['how much does it cost?', false],
  ])('isFitQuestion("%s") is %s', (text, expected) => {
    expect(isFitQuestion('en-GB', text)).toBe(expected);
  });
});

describe('questions after lead-in words, corrections and call times (fourth pass of issue 13)', () => {
  it.each(['ok how do i get it, im in sheffield', 'wait is this confidential', 'so what happens next', 'hw do i get it im in englnd'])('"%s" is a question', (text) => {
    expect(isQuestion('en-GB', text)).toBe(true);
  });

  it.each(['ok im in sheffield', 'since year 9 started', 'my mum died'])('"%s" is not a question', (text) => {
    expect(isQuestion('en-GB', text)).toBe(false);
  });

  it.each(['sorry i meant im moving to cardiff next month', 'oh wait change that to scotland'])('"%s" corrects something', (text) => {
    expect(hasChangeCue('en-GB', text)).toBe(true);
  });

  it('a new place said plainly is not a correction', () => {
    expect(hasChangeCue('en-GB', 'im in leeds')).toBe(false);
  });

  it.each(['what times do you ring', 'when will they call me?', 'what are your opening hours?'])('"%s" asks when the clinic calls', (text) => {
    expect(isCallTimeQuestion('en-GB', text)).toBe(true);
  });

  it.each(['mornings', 'is it free?', 'what number do you need'])('"%s" does not ask when the clinic calls', (text) => {
    expect(isCallTimeQuestion('en-GB', text)).toBe(false);
  });

  it.each(['would talking to someone even help', 'can ipt help with that'])('"%s" asks whether it fits', (text) => {
    expect(isFitQuestion('en-GB', text)).toBe(true);
  });

  it.each(['dunno really', 'not sure tbh'])('"%s" is a skip', (text) => {
    expect(classifyControl('en-GB', text)?.kind).toBe('skip');
  });
});

describe('asking to reach the clinic by email (eighth pass of issue 13)', () => {
  it.each(['can i just email instead', 'could i email them', 'id rather email tbh, whats their email', 'is there an email i can use instead of ringing'])(
    '"%s" asks to email',
    (text) => {
      expect(asksToEmail('en-GB', text)).toBe(true);
    },
  );

  it.each(['can you email me my summary', 'email me the note', 'can i get my summary by email', 'could the note be emailed to me', 'do you need my email', 'what is ipt'])('"%s" does not', (text) => {
    expect(asksToEmail('en-GB', text)).toBe(false);
  });
});

describe('asking to keep the summary (eighth pass of issue 13)', () => {
  it.each(['can i get my summary by email', 'how do i print this', 'can i keep a copy', 'save it pls', 'send me the note', 'can i download my results'])(
    '"%s" asks to keep the summary',
    (text) => {
      expect(asksToKeepSummary('en-GB', text)).toBe(true);
    },
  );

  // Asking to have the summary, with no verb of keeping ("could i have my summary for the doctor").
  it.each(['could i have my summary for the doctor', 'can i get the summary please', 'id like a summary to take with me'])('"%s" asks to keep the summary', (text) => {
    expect(asksToKeepSummary('en-GB', text)).toBe(true);
  });

  it.each(['does this chat save what i type', 'will they send it to my gp', 'i keep arguing with my mum', 'can i email them', 'is it saved', 'can i have it on the nhs', 'can i get ipt', 'and will it save anywhere once im done', 'does this get saved somewhere'])('"%s" does not', (text) => {
    expect(asksToKeepSummary('en-GB', text)).toBe(false);
  });
});

describe('acknowledgements said one after another', () => {
  it.each(['thanks thats helpful', "thank you that's really useful", 'ok cool cheers x', 'brilliant thanks so much'])('%j is an acknowledgement', (text) => {
    expect(isAcknowledgement('en-GB', text)).toBe(true);
  });

  it.each(['thanks but how much does it cost', 'thanks i feel awful', 'so', 'that is it', 'great so is it free'])('%j is not', (text) => {
    expect(isAcknowledgement('en-GB', text)).toBe(false);
  });
});

describe('an answer, then a question in a sentence of its own', () => {
  it.each(['we live in leeds. is it free?', 'about 2 years now. how long is the wait', 'im in cardiff! do i need the gp'])('"%s" goes on to a question', (text) => {
    expect(asksAfterAnswer('en-GB', text)).toBe(true);
  });

  it.each(['dunno. few months?', 'since march. my mum died', 'how long is the wait', 'about a year'])('"%s" does not', (text) => {
    expect(asksAfterAnswer('en-GB', text)).toBe(false);
  });
});

describe('long messages are read by word count, not by length', () => {
  // The tests count words from the first characters when those already hold too many; a message
  // whose first characters hold few words must still be read whole.
  const padding = (chars: number, unit: string) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);

  it.each([
    ['dots', '.'],
    ['dashes and spaces', ' - '],
    ['emoji', '🙂'],
    ['apostrophes', "'"],
  ])('a command after 2,000 characters of %s is still a command', (_name, unit) => {
    const text = `${padding(2_000, unit)} ok carry on`;
    expect(classifyControl('en-GB', text)).toEqual(classifyControl('en-GB', 'ok carry on'));
    expect(classifyControl('en-GB', text)).toBeDefined();
    expect(isConversationCommand('en-GB', text)).toBe(true);
  });

  it('a word cut where the first characters end counts once', () => {
    // Twelve words in all, the fifth of them running across character 512.
    const text = `stop ${'x'.repeat(505)}yz'abc and i mean it now please stop`;
    expect(text.indexOf('yz')).toBeLessThan(512);
    expect(text.indexOf('abc')).toBeGreaterThan(512);
    expect(classifyControl('en-GB', text)).toBe(classifyControl('en-GB', text.replace(/x+yz'abc/, 'long')));
  });

  it.each([12, 40])('more than %i words are too many, however short the words', (limit) => {
    const words = Array.from({ length: limit + 1 }, () => 'ok').join(' ');
    const within = Array.from({ length: limit }, () => 'ok').join(' ');
    if (limit === 12) {
      expect(classifyControl('en-GB', `${words} stop`)).toBeUndefined();
      expect(classifyControl('en-GB', `${Array.from({ length: 11 }, () => 'ok').join(' ')} stop`)).toEqual({ kind: 'stop' });
    } else {
      expect(isConversationCommand('en-GB', `${words} carry on`)).toBe(false);
      expect(isWhyAsk('en-GB', `${within.split(' ').slice(6).join(' ')} why do you need to know`)).toBe(true);
    }
  });

  it('a paste of acknowledgements is still read whole', () => {
    expect(isAcknowledgement('en-GB', Array.from({ length: 300 }, () => 'thanks').join(' '))).toBe(true);
    expect(isAcknowledgement('en-GB', `${Array.from({ length: 300 }, () => 'thanks').join(' ')} but how much does it cost`)).toBe(false);
  });
});

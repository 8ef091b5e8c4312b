import { classifyCheckControl, classifyControl, isConversationCommand } from '../../src/language/controlWords';

/**
 * Inside the check a request often comes wrapped in its reason. The whole-message reading stays
 * strict (and is what the risk detector uses); classifyCheckControl also hears a request phrase
 * within a short message, unless a word before it makes it something that happened.
 */
describe('control requests inside the check, said with a reason around them', () => {
  it.each([
    ['hold on, start over, i pressed something by accident', 'restart'],
    ['ugh can we start from scratch i got muddled', 'restart'],
    ['oh no start the whole thing over please', 'restart'],
    ['sorry go back a question, that came out wrong', 'back'],
    ['wait can i go back, wrong button', 'back'],
    ['oops i misunderstood that one', 'change'],
    ['hmm i think i tapped the wrong thing there', 'change'],
    ['err what was the question, i zoned out', 'repeat'],
  ])('"%s" is %s', (text, kind) => {
    expect(classifyCheckControl('en-GB', text)?.kind).toBe(kind);
    // Outside the check, and for the risk detector, the whole message must be the command.
    expect(classifyControl('en-GB', text)?.kind).not.toBe(kind);
    expect(isConversationCommand('en-GB', text)).toBe(false);
  });

  it('a change that names a question keeps its target', () => {
    expect(classifyCheckControl('en-GB', 'i tapped the wrong thing, change my age please')).toEqual({ kind: 'change', target: 'age' });
  });

  it('a change that gives the new answer carries the words after "to"', () => {
    expect(classifyCheckControl('en-GB', 'actually change that answer to yes, misread it')).toEqual({ kind: 'change', value: 'yes misread it' });
    expect(classifyCheckControl('en-GB', 'change how long to a few weeks')).toEqual({ kind: 'change', target: 'duration', value: 'a few weeks' });
  });

  it.each([
    'i had to start over when we moved',
    'we never start again after a row',
    'trying to start afresh after the split',
    'she wont go back to her old job',
  ])('something that happened is not a request: "%s"', (text) => {
    expect(classifyCheckControl('en-GB', text)).toBeUndefined();
  });

  it('when the message also answers, only a request that opens it counts', () => {
    expect(classifyCheckControl('en-GB', 'lost my job and now i need a way to start over', true)).toBeUndefined();
    expect(classifyCheckControl('en-GB', 'start over, it is my job really', true)?.kind).toBe('restart');
  });

  it('saying an answer was wrong is a change only in a short message that answers nothing', () => {
    expect(classifyCheckControl('en-GB', 'i misread that', true)).toBeUndefined();
    expect(classifyCheckControl('en-GB', 'my mum says i always got it wrong when i was small and she still does now')).toBeUndefined();
  });

  it('a long story with a request phrase in it is not a request', () => {
    const story = 'after the divorce i had a long think and decided i would start over somewhere new with my two kids and the dog';
    expect(classifyCheckControl('en-GB', story)).toBeUndefined();
  });
});

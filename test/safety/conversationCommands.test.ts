import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectRisk } from '../../src/safety/detectRisk';
import { isConversationCommand } from '../../src/language/controlWords';
import { LOCALES_DIR } from '../../src/projectRoot';

/**
 * The words people use to steer the conversation ("ok carry on", "why do you need that?") are
 * too short for the backstop's character model, which read several of them as risk. Proved on the
 * real control-word data: no steering phrase gets a safety reply, while stop phrases (which may
 * mean more than the check) and short risk that is not a command are still judged.
 */
const controlWords = JSON.parse(readFileSync(join(LOCALES_DIR, 'en-GB', 'control-words.json'), 'utf8')) as {
  kinds: Record<string, string[]>;
  acknowledgements: string[];
  whyAsks: string[];
  nextStep: string[];
  checkRequest: string[];
  eraseThat: string[];
};
const eraseRequests = (JSON.parse(readFileSync(join(LOCALES_DIR, 'en-GB', 'strings', 'privacy.json'), 'utf8')) as {
  erase: { requests: string[] };
}).erase.requests;

const steering = [
  ...Object.entries(controlWords.kinds)
    .filter(([kind]) => kind !== 'stop')
    .flatMap(([, phrases]) => phrases),
  ...controlWords.acknowledgements,
  ...controlWords.whyAsks,
  ...controlWords.nextStep,
  ...controlWords.checkRequest,
  ...controlWords.eraseThat,
  ...eraseRequests,
];

describe('steering phrases are not read as risk by the backstop', () => {
  it('covers the real data', () => {
    expect(steering.length).toBeGreaterThan(200);
  });

  it.each(steering.map((phrase) => [phrase]))('%s', (phrase) => {
    expect(isConversationCommand('en-GB', phrase)).toBe(true);
    const found = detectRisk(phrase);
    // The lexicon still reads every message; only the model's guess is set aside.
    expect(found === null || found.matched.some((m) => !m.startsWith('model:'))).toBe(true);
  });

  it.each([
    ['ok can we carry on please'],
    ['why do u need to know my age tho'],
    ['cheers thanks'],
  ])('and in the ways people wrap them: %s', (text) => {
    expect(isConversationCommand('en-GB', text)).toBe(true);
  });
});

describe('what is still judged', () => {
  it.each([
    ['cut again last nite'],
    ['thinkin bout unaliving rn'],
    ['I am so angry with my neighbour I want to burn his car with him in it. I have the petrol in my shed.'],
  ])('risk that is not a command: %s', (text) => {
    expect(isConversationCommand('en-GB', text)).toBe(false);
    expect(detectRisk(text)).not.toBeNull();
  });

  it('a stop phrase that may mean more than the check is left to the backstop', () => {
    expect(isConversationCommand('en-GB', "i dont want to do this anymore")).toBe(false);
  });
});

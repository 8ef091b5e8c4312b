import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectRisk } from '../../src/safety/detectRisk';

/**
 * The bot's own on-topic phrasings (every intent but CrisisSupport in the utterance source) are
 * benign by definition: "is it right for me", "how many sessions would i have", "i have to go".
 * The statistical backstop must not send these people to a crisis check-in. If this fails, train
 * the backstop with these utterances as benign examples rather than loosening the test.
 */
const source = JSON.parse(readFileSync(join(__dirname, '..', '..', 'locales', 'en-GB', 'utterances.json'), 'utf8')) as {
  intents: Record<string, { train: Array<string | { text: string }>; test: Array<string | { text: string }> }>;
};

const onTopic = Object.entries(source.intents)
  .filter(([intent]) => intent !== 'CrisisSupport')
  .flatMap(([intent, { train, test }]) =>
    [...train, ...test].map((item) => ({ intent, text: typeof item === 'string' ? item : item.text })),
  );

describe('the risk backstop on the bot\'s own on-topic utterances', () => {
  const modelOnly = onTopic.filter(({ text }) => detectRisk(text, 'en-GB')?.possible === true);

  it('fires on at most 0.5% of them', () => {
    expect(onTopic.length).toBeGreaterThan(2000);
    expect(modelOnly.length / onTopic.length).toBeLessThanOrEqual(0.005);
  });

  it.each(['is it right for me', 'Is it right for me?', 'how many sessions would i have', 'i have to go', 'night night'])(
    'leaves "%s" alone',
    (text) => {
      expect(detectRisk(text, 'en-GB')).toBeNull();
    },
  );
});

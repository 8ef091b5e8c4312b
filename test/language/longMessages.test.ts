import pino from 'pino';
import { createTrainedLocalRecognizer, CluRecognizer } from '../../src/language';
import { MAX_RECOGNITION_CHARS, recognitionText, type RecognitionResult } from '../../src/language/recognizer';
import type { LocalRecognizer } from '../../src/language/localRecognizer';

/** Words no model has seen: the worst case for feature extraction and spelling look-ups. */
function newWords(chars: number, seed: string): string {
  const words: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i += 1) {
    const word = `qz${seed}${i.toString(36)}vek`;
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ').slice(0, chars);
}

describe('long messages: the recognisers read a bounded part of a message', () => {
  let recognizer: LocalRecognizer;

  beforeAll(async () => {
    recognizer = await createTrainedLocalRecognizer();
  });

  it('cuts at the last space within the bound, and never in the middle of an emoji', () => {
    const long = `${'word '.repeat(400)}`;
    const cut = recognitionText(long);
    expect(cut.length).toBeLessThanOrEqual(MAX_RECOGNITION_CHARS);
    expect(cut.endsWith('word')).toBe(true);
    const emoji = '🙂'.repeat(MAX_RECOGNITION_CHARS);
    const emojiCut = recognitionText(emoji);
    expect(emojiCut.length).toBeLessThanOrEqual(MAX_RECOGNITION_CHARS);
    expect(emojiCut).toBe('🙂'.repeat(emojiCut.length / 2));
    expect(recognitionText('what is IPT?')).toBe('what is IPT?');
  });

  it('reads only the first 1,000 characters of a 99,000-character message of new words', async () => {
    const head = `how do I refer myself to NHS talking therapies? ${newWords(1_200, 'h')}`;
    const messageA = `${head} ${newWords(99_000 - head.length, 'a')}`;
    const messageB = `${head} ${newWords(99_000 - head.length, 'b')}`;
    const resultA = await recognizer.recognize(messageA, 'en-GB');
    // Different tails, the same answer, and the answer the first 1,000 characters alone get.
    expect(await recognizer.recognize(messageB, 'en-GB')).toEqual(resultA);
    expect(await recognizer.recognize(recognitionText(messageA), 'en-GB')).toEqual(resultA);
    expect(recognitionText(messageA).length).toBeLessThanOrEqual(MAX_RECOGNITION_CHARS);
  });

  it('sends CLU no more than its 1,000-character prediction limit', async () => {
    const sent: string[] = [];
    const local: RecognitionResult = { intent: 'None', score: 1, alternatives: [], recognizer: 'local' };
    const clu = new CluRecognizer({
      clu: { endpoint: 'http://127.0.0.1:9', key: 'k', projectName: 'p', deploymentName: 'd', timeoutMs: 1_000 },
      fallback: { recognize: async () => local },
      logger: pino({ level: 'silent' }),
      transport: async (text) => {
        sent.push(text);
        return { kind: 'ConversationResult', result: { prediction: { topIntent: 'AboutIpt', intents: [{ category: 'AboutIpt', confidenceScore: 0.9 }] } } };
      },
    });
    const result = await clu.recognize(`what is IPT ${newWords(99_000, 'c')}`, 'en-GB');
    expect(result.intent).toBe('AboutIpt');
    expect(sent).toHaveLength(1);
    expect(sent[0].length).toBeLessThanOrEqual(MAX_RECOGNITION_CHARS);
    expect(sent[0].startsWith('what is IPT')).toBe(true);
  });
});

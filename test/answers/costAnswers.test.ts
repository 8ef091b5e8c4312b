import { createTrainedLocalRecognizer } from '../../src/language';
import type { LocalRecognizer } from '../../src/language/localRecognizer';
import { allText, conversation } from '../conversation/support';

/**
 * A plain question about cost, through the real bot and matcher: whichever cost answer it lands
 * on, the person hears that IPT on the NHS is free before any private price.
 */
let recognizer: LocalRecognizer;
beforeAll(async () => {
  recognizer = await createTrainedLocalRecognizer();
}, 60_000);

describe('a plain question about cost', () => {
  test.each(['how much does it cost', 'what would i have to pay for ipt', 'price of ipt?'])('"%s" says the NHS route is free', async (say) => {
    const convo = await conversation({ recognizer });
    const text = allText(await convo.say(say));
    const free = text.search(/\bfree\b/i);
    const price = text.indexOf('£');
    expect(free).toBeGreaterThanOrEqual(0);
    if (price >= 0) expect(free).toBeLessThan(price);
  }, 60_000);
});

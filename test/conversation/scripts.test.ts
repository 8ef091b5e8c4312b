import type { Recognizer } from '../../src/language/recognizer';
import { createRecognizer } from '../../src/language';
import { createLogger } from '../../src/logger';
import { conversation } from './support';
import { runScript } from './scripts/runner';
import { SCRIPTS } from './scripts/scripts';
import { BENDING_SCRIPTS } from './scripts/bendingScripts';
import { SEVENTH_OPEN_SCRIPTS, SEVENTH_SCRIPTS } from './scripts/seventhScripts';
import { EIGHTH_SCRIPTS } from './scripts/eighthScripts';
import { NINTH_SCRIPTS } from './scripts/ninthScripts';
import { ELEVENTH_SCRIPTS } from './scripts/eleventhScripts';
import { TWELFTH_SCRIPTS } from './scripts/twelfthScripts';
import { THIRTEENTH_SCRIPTS } from './scripts/thirteenthScripts';

const ALL_SCRIPTS = [...SCRIPTS, ...BENDING_SCRIPTS, ...SEVENTH_SCRIPTS, ...SEVENTH_OPEN_SCRIPTS, ...EIGHTH_SCRIPTS, ...NINTH_SCRIPTS, ...ELEVENTH_SCRIPTS, ...TWELFTH_SCRIPTS, ...THIRTEENTH_SCRIPTS];

/**
 * Multi-turn conversation scripts through the real bot: MainDialog, the safety gate and the other
 * middleware on botbuilder's TestAdapter, with the real local recogniser (trained once for this file).
 */

let recognizer: Recognizer;

beforeAll(async () => {
  recognizer = await createRecognizer({ logger: createLogger('silent') });
}, 120_000);

it('has at least 60 scripts, each with a distinct name', () => {
  expect(ALL_SCRIPTS.length).toBeGreaterThanOrEqual(60);
  expect(new Set(ALL_SCRIPTS.map((script) => script.name)).size).toBe(ALL_SCRIPTS.length);
});

describe.each(ALL_SCRIPTS.map((script) => [script.name, script] as const))('%s', (_name, script) => {
  it('goes as the person expects', async () => {
    const { today } = script;
    const convo = await conversation({ recognizer, env: script.env ?? {}, ...(today ? { clock: () => today } : {}) });
    await runScript(convo, script);
  });
});

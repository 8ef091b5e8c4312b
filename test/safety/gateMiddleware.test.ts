import { Writable } from 'node:stream';
import { MemoryStorage, TestAdapter, type Middleware, type StoreItems, type TurnContext } from 'botbuilder';
import { ComponentDialog, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { createLogger } from '../../src/logger';
import { SafetyGateMiddleware, textToScreen, DETECTOR_FAILED } from '../../bots/safetyGateMiddleware';
import { RISK_ASSESSMENT_KEY } from '../../dialogs/turnState';
import type { RiskAssessment } from '../../src/safety/types';
import { botWithFlow, eventsOf, expectInOrder, realBot, say, textOf } from './safetyDialogHarness';

/** The safety gate: first in every turn, never logs words, fails safe, and sends routes if the turn breaks. */

const RISK = 'I want to kill myself';
const FALLBACK_LEAD = 'I want to make sure you can get help now.';
const TURN_ERROR = 'Sorry, something went wrong on my side';

class AskName extends ComponentDialog {
  constructor(id: string) {
    super(id);
    this.addDialog(new TextPrompt('askName.text'));
    this.addDialog(
      new WaterfallDialog('askName.steps', [
        async (step: WaterfallStepContext) => step.prompt('askName.text', 'What should I call you?'),
        async (step: WaterfallStepContext) => {
          await step.context.sendActivity(`Hello ${step.result}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'askName.steps';
  }
}

function captureLogs() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('info', { destination: stream }), lines };
}

/** Middleware that runs after the gate (like the dialogs would) and fails on risk turns only. */
const throwsOnRisk: Middleware = {
  onTurn: async (context: TurnContext, next: () => Promise<void>) => {
    if (context.turnState.get(RISK_ASSESSMENT_KEY)) throw new Error('downstream failure');
    await next();
  },
};

describe('safety gate', () => {
  it('is part of the real bot\'s middleware', async () => {
    const harness = await realBot();
    expect(harness.middleware.some((middleware) => middleware instanceof SafetyGateMiddleware)).toBe(true);
  });

  it('leaves the assessment in turn state before anything after it runs', async () => {
    const seen: Array<RiskAssessment | undefined> = [];
    const spy: Middleware = {
      onTurn: async (context, next) => {
        seen.push(context.turnState.get(RISK_ASSESSMENT_KEY));
        await next();
      },
    };
    const { adapter } = botWithFlow((id) => new AskName(id), { after: [spy] });
    await say(adapter, 'hello there');
    await say(adapter, RISK);
    expect(seen[0]).toBeUndefined();
    expect(seen[1]).toMatchObject({ category: 'suicide', negated: false });
    expect(seen[1]?.matched.length).toBeGreaterThan(0);
  });

  it('logs the category, severity and rule ids, never the words', async () => {
    const { logger, lines } = captureLogs();
    const { adapter } = botWithFlow((id) => new AskName(id), { logger });
    await say(adapter, 'hi');
    await say(adapter, `My name is Alex Quigley and ${RISK}`);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const risk = logged.find((entry) => entry.event === 'risk_detected');
    expect(risk).toMatchObject({ category: 'suicide', negated: false, rules: expect.any(Array) });
    const all = lines.join('\n');
    expect(all).not.toMatch(/Quigley|kill myself|want to/i);
  });

  it('keeps risk lines free of the conversation id unless debug logging is on', async () => {
    const { logger, lines } = captureLogs();
    const { adapter } = botWithFlow((id) => new AskName(id), { logger });
    await say(adapter, RISK);
    const risk = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.event === 'risk_detected');
    expect(risk.length).toBeGreaterThan(0);
    for (const entry of risk) expect(entry).not.toHaveProperty('conversationId');
  });

  it('walks card values of any depth and size without recursion, within a budget', () => {
    let deep: unknown = 'help me';
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(textToScreen({ type: 'message', value: deep })).toBeUndefined();
    let shallow: unknown = 'help me';
    for (let i = 0; i < 50; i++) shallow = { next: shallow };
    expect(textToScreen({ type: 'message', value: shallow })).toBe('help me');
    expect(textToScreen({ type: 'message', text: 'hi', attachments: [{ contentType: 'text/html', content: '<p>I am &lt;scared&gt;&nbsp;now</p>' }] })).toMatch(/^hi \. +I am <scared> now\s*$/);
  });

  it('reads text that a card submit or messageBack carries in value', () => {
    expect(textToScreen({ type: 'message', text: 'hello', value: { answer: 'I feel awful', nested: { more: ['really'] } } })).toBe('hello . I feel awful . really');
    expect(textToScreen({ type: 'message', value: { note: 'help' } })).toBe('help');
    expect(textToScreen({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { data: { note: 'help' } } } })).toContain('help');
    expect(textToScreen({ type: 'conversationUpdate' })).toBeUndefined();
    expect(textToScreen({ type: 'event', name: 'webchat/join', value: { note: 'x' } })).toBeUndefined();
    expect(textToScreen({ type: 'message', text: 'x'.repeat(50_000) })?.length).toBe(50_000);
    expect(textToScreen({ type: 'message', text: 'x'.repeat(400_000) })?.length).toBe(300_000);
  });

  it('never screens activities that carry no typed words', async () => {
    const calls: string[] = [];
    const { adapter } = botWithFlow((id) => new AskName(id), {
      detector: (text) => {
        calls.push(text);
        return null;
      },
    });
    await say(adapter, { type: 'conversationUpdate', membersAdded: [{ id: 'user1', name: 'User1' }] });
    expect(calls).toEqual([]);
    await say(adapter, 'hello');
    expect(calls).toEqual(['hello']);
  });

  it('fails safe: if the detector throws, the person gets the emergency dialog, and the failure is logged', async () => {
    const { logger, lines } = captureLogs();
    const { adapter } = botWithFlow((id) => new AskName(id), {
      logger,
      detector: () => {
        throw new Error('lexicon broken');
      },
    });
    const replies = await say(adapter, 'anything at all');
    expect(eventsOf(replies)[0]).toMatchObject({ name: 'emergencySupport', value: { category: DETECTOR_FAILED.category, severity: DETECTOR_FAILED.severity } });
    expectInOrder(textOf(replies), ['999', '116 123', '85258', 'Are you safe right now?']);
    expect(lines.some((line) => line.includes('risk_detector_failed'))).toBe(true);
  });

  it('a downstream middleware error after detection: the crisis routes are still sent, then onTurnError runs', async () => {
    const { adapter } = botWithFlow((id) => new AskName(id), { after: [throwsOnRisk] });
    const replies = await say(adapter, RISK);
    const text = textOf(replies);
    expectInOrder(text, [FALLBACK_LEAD, '999', '111', '0808 808 8000', '116 123', 'SHOUT to 85258', TURN_ERROR]);
  });

  it('a dialog error after detection (user state unreadable): the crisis routes are still sent', async () => {
    class BrokenUserStorage extends MemoryStorage {
      override async read(keys: string[]): Promise<StoreItems> {
        if (keys.some((key) => key.includes('/users/'))) throw new Error('storage down');
        return super.read(keys);
      }
    }
    const { adapter } = botWithFlow((id) => new AskName(id), { storage: new BrokenUserStorage() });
    const text = textOf(await say(adapter, RISK));
    expectInOrder(text, [FALLBACK_LEAD, '999', '116 123', '85258', TURN_ERROR]);
  });

  it('an error on a turn without risk gets only the normal error reply', async () => {
    const failing: Middleware = {
      onTurn: async () => {
        throw new Error('boom');
      },
    };
    const { adapter } = botWithFlow((id) => new AskName(id), { after: [failing] });
    const text = textOf(await say(adapter, 'hello'));
    expect(text).toContain(TURN_ERROR);
    expect(text).not.toContain(FALLBACK_LEAD);
  });

  it('a risk turn that ends without any safety response (dialogs skipped) still gets the routes', async () => {
    const swallow: Middleware = { onTurn: async () => undefined };
    const { adapter } = botWithFlow((id) => new AskName(id), { after: [swallow] });
    const text = textOf(await say(adapter, RISK));
    expectInOrder(text, [FALLBACK_LEAD, '999', '116 123', '85258']);
    expect(textOf(await say(adapter, 'hello'))).toBe('');
  });

  it('does not add its own routes when the emergency dialog answered', async () => {
    const { adapter } = botWithFlow((id) => new AskName(id));
    const text = textOf(await say(adapter, RISK));
    expect(text).not.toContain(FALLBACK_LEAD);
    expect(text.match(/116 123/g)).toHaveLength(1);
  });

  it('works on a bare adapter with no dialogs at all', async () => {
    const adapter = new TestAdapter(async () => undefined);
    adapter.use(new SafetyGateMiddleware(createLogger('silent')));
    const text = textOf(await say(adapter, RISK));
    expectInOrder(text, ['999', '116 123', '85258']);
  });
});

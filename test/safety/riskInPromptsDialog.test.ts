import {
  ChoiceFactory,
  ChoicePrompt,
  ComponentDialog,
  ConfirmPrompt,
  TextPrompt,
  WaterfallDialog,
  type FoundChoice,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { botWithFlow, eventsOf, expectInOrder, say, textOf } from './safetyDialogHarness';

/**
 * Risk inside each prompt type, in the middle of a flow: the emergency dialog goes on top, and when
 * the person is safe the flow below re-asks its question and carries on with its answers intact.
 * The flow is test-only, so this holds whatever prompts the product dialogs use.
 */

const ASK_NAME = 'What should I call you?';
const ASK_COLOUR = 'Pick a colour';
const ASK_GO_ON = 'Shall we go on?';
const RISK = "I can't go on, I want to end my life";

class ThreePromptFlow extends ComponentDialog {
  constructor(id: string) {
    super(id);
    this.addDialog(new TextPrompt('testFlow.text'));
    this.addDialog(new ChoicePrompt('testFlow.choice'));
    this.addDialog(new ConfirmPrompt('testFlow.confirm'));
    this.addDialog(
      new WaterfallDialog('testFlow.steps', [
        async (step: WaterfallStepContext) => step.prompt('testFlow.text', ASK_NAME),
        async (step: WaterfallStepContext) => {
          (step.values as Record<string, string>).name = step.result as string;
          return step.prompt('testFlow.choice', { prompt: ASK_COLOUR, choices: ChoiceFactory.toChoices(['red', 'blue']) });
        },
        async (step: WaterfallStepContext) => {
          (step.values as Record<string, string>).colour = (step.result as FoundChoice).value;
          return step.prompt('testFlow.confirm', ASK_GO_ON);
        },
        async (step: WaterfallStepContext) => {
          const values = step.values as Record<string, string>;
          await step.context.sendActivity(`Done: ${values.name} ${values.colour} ${step.result}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'testFlow.steps';
  }
}

async function expectEmergency(adapter: Parameters<typeof say>[0], text: string) {
  const replies = await say(adapter, text);
  expect(eventsOf(replies)).toHaveLength(1);
  const all = textOf(replies);
  expectInOrder(all, ['999', '116 123', '85258', 'Are you safe right now?']);
  // The prompt below did not read the risk message as its answer.
  expect(all).not.toMatch(/Done:|Pick a colour|Shall we go on/);
}

describe('risk inside each prompt type, mid-flow', () => {
  it('inside a text prompt: emergency first; once safe, the text prompt asks again and the flow goes on', async () => {
    const { adapter } = botWithFlow((id) => new ThreePromptFlow(id));
    expect(textOf(await say(adapter, 'hi'))).toContain(ASK_NAME);
    await expectEmergency(adapter, RISK);
    const safe = textOf(await say(adapter, "yes, I'm safe"));
    expectInOrder(safe, ["glad you're safe", 'go back to what we were doing']);
    // Only when they choose: the question below comes back then, not before.
    expect(safe).not.toContain(ASK_NAME);
    expect(textOf(await say(adapter, 'Back to what we were doing'))).toContain(ASK_NAME);
    expect(textOf(await say(adapter, 'Sam'))).toContain(ASK_COLOUR);
    expect(textOf(await say(adapter, 'red'))).toContain(ASK_GO_ON);
    expect(textOf(await say(adapter, 'yes'))).toBe('Done: Sam red true');
  });

  it('inside a choice prompt, with the earlier answer kept', async () => {
    const { adapter } = botWithFlow((id) => new ThreePromptFlow(id));
    await say(adapter, 'hi');
    expect(textOf(await say(adapter, 'Sam'))).toContain(ASK_COLOUR);
    await expectEmergency(adapter, RISK);
    expect(textOf(await say(adapter, 'I am safe'))).not.toContain(ASK_COLOUR);
    // Answering the question below instead of choosing: the offer steps aside and the answer counts.
    expect(textOf(await say(adapter, 'blue'))).toContain(ASK_GO_ON);
    expect(textOf(await say(adapter, 'no'))).toBe('Done: Sam blue false');
  });

  it('inside a confirm prompt, where "no" to "are you safe" must not be read as the confirm answer', async () => {
    const { adapter } = botWithFlow((id) => new ThreePromptFlow(id));
    await say(adapter, 'hi');
    await say(adapter, 'Sam');
    expect(textOf(await say(adapter, 'red'))).toContain(ASK_GO_ON);
    await expectEmergency(adapter, RISK);
    const notSafe = textOf(await say(adapter, 'no'));
    expectInOrder(notSafe, ['999', 'you are safe right now?']);
    expect(notSafe).not.toContain('Done:');
    // After a "no", a bare "yes" is not safety: asked once more, still not the confirm answer.
    expect(textOf(await say(adapter, 'yes'))).not.toMatch(/Done:|Shall we go on/);
    await say(adapter, "yes, I'm safe now");
    expect(textOf(await say(adapter, 'Back to what we were doing'))).toContain(ASK_GO_ON);
    expect(textOf(await say(adapter, 'yes'))).toBe('Done: Sam red true');
  });

  it('a risk message in a card submit (value, no text) inside a prompt also starts the emergency dialog', async () => {
    const { adapter } = botWithFlow((id) => new ThreePromptFlow(id));
    await say(adapter, 'hi');
    const replies = await say(adapter, { type: 'message', value: { note: 'I want to kill myself' } });
    expect(eventsOf(replies)).toHaveLength(1);
    expectInOrder(textOf(replies), ['999', '116 123']);
  });
});

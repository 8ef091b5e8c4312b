import type { Activity, Attachment } from 'botbuilder';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAFETY_PLAN_ATTACHMENT_NAME, SAFETY_PLAN_CHANNEL_DATA } from '../../dialogs/safetyPlanDialog';
import { LOCALES_DIR } from '../../src/projectRoot';
import { t } from '../../src/content/i18n';
import { cardProblems } from '../content/validateCard';
import { cardText } from '../conversation/support';
import type { AdaptiveCard } from '../../src/content/cards';
import { cardActions, eventsOf, expectInOrder, realBot, say, textOf } from './safetyDialogHarness';
import { sayOnce, scriptedRisk, suggested } from './crisisDialogSupport';

/**
 * "Stay with me": after the routes, a simple safety plan, one short question at a time, every answer
 * optional, risk checked on every answer; kept as plain text and a card; then back, only when chosen.
 */

const WEBCHAT = { channelId: 'webchat', locale: 'en-GB' };
const SCOTLAND_YOUNG = { nation: 'scotland', ageGroup: 'under_18' } as const;
const Q = (step: string) => t('en-GB', `safety:plan.questions.${step}`);

async function atPlan(profile: Parameters<typeof realBot>[0] = SCOTLAND_YOUNG) {
  const harness = await realBot(profile, WEBCHAT);
  const turn = (text: string | Partial<Activity>) => sayOnce(harness.adapter, text);
  await turn('I want to kill myself');
  const safe = await turn("yes I'm safe");
  expect(suggested(safe)).toContain('Make a safety plan');
  const start = await turn('Make a safety plan');
  expectInOrder(textOf(start), ['simple plan', 'skip any of them', Q('warningSigns')]);
  expect(suggested(start)).toEqual(['Skip', 'Stop the plan']);
  return { ...harness, turn };
}

function planOf(replies: Partial<Activity>[]) {
  const activity = replies.find((reply) => (reply.channelData as typeof SAFETY_PLAN_CHANNEL_DATA | undefined)?.iptGuide?.kind === 'safetyPlan');
  const attachment = (activity?.attachments ?? [])[0] as Attachment | undefined;
  return { activity, attachment, card: attachment?.content as AdaptiveCard | undefined };
}

describe('the safety plan', () => {
  it('asks one question at a time; the plan is kept as plain text and a card, marked for saving; then back only when chosen', async () => {
    const { turn } = await atPlan();
    expect(textOf(await turn('when I stop answering my phone'))).toContain(Q('helps'));
    expect(textOf(await turn('music and a hot shower'))).toContain(Q('people'));
    expect(textOf(await turn('Skip'))).toContain(Q('professionals'));
    expect(textOf(await turn('my GP, Dr Shah'))).toContain(Q('saferHome'));
    const done = await turn('stay at my aunt\'s on bad nights');

    const { activity, attachment, card } = planOf(done);
    expect(activity?.text).toBeDefined();
    const text = activity!.text!;
    expectInOrder(text, [
      'My safety plan',
      'My warning signs',
      'when I stop answering my phone',
      'Things that help me',
      'music and a hot shower',
      'Services I can contact',
      'my GP, Dr Shah',
      'Making things safer',
      "stay at my aunt's on bad nights",
      'Help any time',
      'call 999',
      'NHS 24',
      'Childline',
      '85258',
      '116 123',
    ]);
    // Skipped steps are left out, not shown empty.
    expect(text).not.toContain('People I can contact');
    expect(attachment?.name).toBe(SAFETY_PLAN_ATTACHMENT_NAME);
    expect(cardProblems(card)).toEqual([]);
    expect(card?.fallbackText).toBe(text);
    expect(cardText(card!).join('\n')).toContain('music and a hot shower');
    expect(cardActions(done).map((action) => action.url)).toEqual(['tel:999', 'tel:111', 'tel:0800838587', 'tel:08001111', 'sms:85258?&body=SHOUT', 'tel:116123']);

    expect(textOf(done)).toContain('Well done for making this');
    expect(suggested(done)).toEqual(['More places to get help', 'Back to what we were doing']);
    expect(textOf(await turn('Back to what we were doing'))).toContain('there any time');
  });

  it('never holds method detail: a flagged answer is kept out of the written plan (999 one line away); an urgent one brings the hand-off', async () => {
    const { turn } = await atPlan();
    const flagged = await turn('when I feel like a burden to everyone');
    expectInOrder(textOf(flagged), ['kept those words out', '999', Q('helps')]);
    const urgent = await turn('looking up how many pills it would take');
    expect(eventsOf(urgent)).toHaveLength(1);
    expectInOrder(textOf(urgent), ['999', 'Are you safe right now?']);
    await turn("I'm safe");
    expect(textOf(await turn('Back to what we were doing'))).toContain(Q('helps'));
    await turn('Skip');
    await turn('Skip');
    await turn('Skip');
    const done = await turn('Skip');
    const { activity, card } = planOf(done);
    const all = `${activity?.text ?? ''}\n${cardText(card!).join('\n')}`;
    expect(all).not.toMatch(/burden|pills|how many/i);
    expect(all).toContain(t('en-GB', 'safety:plan.leftOutMarker'));
  });

  it("the plan's own copy names no method", () => {
    const copy = JSON.stringify(JSON.parse(readFileSync(join(LOCALES_DIR, 'en-GB', 'strings', 'safety.json'), 'utf8')).plan);
    expect(copy).not.toMatch(/pill|tablet|rope|bridge|overdose|knife|blade|ligature|poison|jump|medicine|drug|gun/i);
  });

  it('an urgent answer in the middle puts the hand-off on top; once safe and back, the same plan question again', async () => {
    const { turn } = await atPlan();
    await turn('talking to my sister');
    const urgent = await turn('I want to end my life tonight');
    expect(eventsOf(urgent)).toHaveLength(1);
    expectInOrder(textOf(urgent), ["I'm still here with you", '999', 'Are you safe right now?']);
    const safe = await turn("I'm safe");
    expect(suggested(safe)).not.toContain('Make a safety plan');
    expect(textOf(await turn('Back to what we were doing'))).toContain(Q('helps'));
  });

  it('can be stopped at any question, and is offered again after', async () => {
    const { turn } = await atPlan();
    const stopped = await turn('Stop the plan');
    expect(textOf(stopped)).toContain('We can stop here');
    expect(suggested(stopped)).toEqual(['Make a safety plan', 'More places to get help', 'Back to what we were doing']);
  });

  it('is not offered for someone else, and asking for one there does not start it', async () => {
    const { adapter } = await realBot(SCOTLAND_YOUNG, WEBCHAT);
    adapter.use(scriptedRisk({ 'my friend wants to end her life': { who: 'adult' } }));
    await say(adapter, 'my friend wants to end her life');
    expect(suggested(await say(adapter, "Yes, they're safe"))).not.toContain('Make a safety plan');
    expect(suggested(await say(adapter, 'Make a safety plan'))).not.toContain('Skip');
  });
});

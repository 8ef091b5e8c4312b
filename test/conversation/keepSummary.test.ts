import type { Activity } from 'botbuilder';
import { SUMMARY_MARKER } from '../../src/content/savedSummary';
import { createBotHarness } from '../support/botHarness';
import { say as sayTo } from '../support/turns';
import { cardProblems } from '../content/validateCard';
import { cards, cardText, conversation, PhraseRecognizer, texts } from './support';

/** The summary people can keep: a marker for the web page's Copy/Save/Print, a card to copy from in Teams. */

const ANSWERS = ['Someone close to me died', 'A few months', '35 or over', 'England'];

describe('keeping the summary', () => {
  test('Web Chat and the Emulator: the note carries the summary text under the marker, with nothing personal', async () => {
    const convo = await conversation();
    await convo.say('is it right for me');
    let replies: Partial<Activity>[] = [];
    for (const answer of ANSWERS) replies = await convo.say(answer);
    const marked = replies.filter((reply) => (reply.channelData as Record<string, unknown> | undefined)?.[SUMMARY_MARKER]);
    expect(marked).toHaveLength(1);
    const saved = (marked[0].channelData as Record<string, { title: string; text: string }>)[SUMMARY_MARKER];
    expect(saved.title).toBe('Your IPT check');
    expect(saved.text).toContain('IPT may suit you');
    expect(saved.text).toContain(marked[0].text);
    expect(saved.text).not.toMatch(/@|England|35 or over/);
  });

  test('Teams: the summary comes as a card to copy from, and no marker', async () => {
    const harness = createBotHarness({}, { recognizer: new PhraseRecognizer() }, { channelId: 'msteams', locale: 'en-GB' });
    await harness.ready;
    const say = (text: string) => sayTo(harness.adapter, text, { id: 'user1', name: 'User' });
    await say('is it right for me');
    let replies: Partial<Activity>[] = [];
    for (const answer of ANSWERS) replies = await say(answer);
    const keep = cards(replies).find((card) => cardText(card)[0] === 'Your IPT check, to keep');
    expect(keep).toBeDefined();
    expect(cardText(keep!).join('\n')).toContain('What is troubling me: the death of someone close to me.');
    expect(cardProblems(keep!)).toEqual([]);
    expect(replies.some((reply) => (reply.channelData as Record<string, unknown> | undefined)?.[SUMMARY_MARKER])).toBe(false);
    // Asked to have it emailed: the card to copy from, never an email address.
    const asked = texts(await say('can you email me the summary')).join('\n');
    expect(asked).toContain('Your IPT check, to keep');
    expect(asked).not.toMatch(/Save as a file|your email address\?/);
  });

  test.each([
    ['England: a self-referral form', 'England', /copy into a self-referral form/],
    ['Northern Ireland: no self-referral form, the GP', 'Northern Ireland', /copy, or show your GP/],
  ])('the kept text introduces the note as the chat did (%s)', async (_name, nation, intro) => {
    const convo = await conversation();
    await convo.say('is it right for me');
    let replies: Partial<Activity>[] = [];
    for (const answer of [...ANSWERS.slice(0, -1), nation]) replies = await convo.say(answer);
    const marked = replies.find((reply) => (reply.channelData as Record<string, unknown> | undefined)?.[SUMMARY_MARKER]);
    const saved = (marked!.channelData as Record<string, { text: string }>)[SUMMARY_MARKER];
    expect(saved.text).toMatch(intro);
    if (nation !== 'England') expect(saved.text).not.toMatch(/self-referral/);
  });

  test('asked how to print or save it before the check ends: the summary comes at the end, and the same question again', async () => {
    const convo = await conversation();
    await convo.say('is it right for me');
    await convo.say(ANSWERS[0]);
    const replies = texts(await convo.say('will i be able to save my results to show someone'));
    expect(replies.join('\n')).toMatch(/summary you can keep/);
    expect(replies[replies.length - 1]).toMatch(/How long have you felt like this/);
    expect(replies.join('\n')).not.toMatch(/didn't catch|Did you mean/);
  });
});

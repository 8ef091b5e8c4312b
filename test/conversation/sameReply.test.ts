import { t } from '../../src/content/i18n';
import { repeatsLastTurn, replyHash } from '../../bots/sameReplyMiddleware';
import { conversation, texts } from './support';

/** No one gets the same reply twice in a row, whichever part of the bot answered (bots/sameReplyMiddleware.ts). */

const NOTE = t('en-GB', 'common:sameReply');

it('says so when a turn would repeat the last turn exactly, and only then', async () => {
  const convo = await conversation();
  const first = texts(await convo.say('how do i get it on the nhs'));
  expect(first.join('\n')).not.toContain(NOTE);
  const second = texts(await convo.say('how do i get it on the nhs'));
  expect(second[0]).toContain(NOTE);
  expect(second[0]).toContain(first[0]);
  // The third time differs from the second (which carried the note), so it goes as it is.
  const third = texts(await convo.say('how do i get it on the nhs'));
  expect(third).toEqual(first);
  // A different reply is never marked.
  const other = texts(await convo.say('what is ipt'));
  expect(other.join('\n')).not.toContain(NOTE);
});

it('never marks a crisis reply', async () => {
  const convo = await conversation();
  await convo.say('i want to kill myself');
  const again = texts(await convo.say('i want to kill myself'));
  expect(again.join('\n')).not.toContain(NOTE);
});

it('marks a reply of several messages given again straight after itself', async () => {
  // The help reply comes in two messages.
  const convo = await conversation();
  const first = texts(await convo.say('what can you do'));
  expect(first.length).toBeGreaterThan(1);
  expect(first.join('\n')).not.toContain(NOTE);
  const second = texts(await convo.say('what can you do'));
  expect(second[0]).toContain(NOTE);
  expect(second.join('\n')).not.toEqual(first.join('\n'));
});

it('compares the whole last turn, or its first message, with the first message of this one', () => {
  expect(repeatsLastTurn(undefined, 'a')).toBe(false);
  expect(repeatsLastTurn({ hash: replyHash('a') }, 'a')).toBe(true);
  // The last turn said more than this message, and opened with something else: not a repeat.
  expect(repeatsLastTurn({ hash: replyHash('c\na'), first: replyHash('c') }, 'a')).toBe(false);
  // The last turn opened with these same words and went on: the same reply is starting again.
  expect(repeatsLastTurn({ hash: replyHash('a\nb'), first: replyHash('a') }, 'a')).toBe(true);
});

import type { Activity } from 'botbuilder';
import { createTrainedLocalRecognizer } from '../../src/language';
import type { LocalRecognizer } from '../../src/language/localRecognizer';
import { SUMMARY_MARKER } from '../../src/content/savedSummary';
import { allText, buttons, conversation, type Conversation } from './support';

/**
 * Issue 13, fourteenth pass: the check and the conversation bend to how people type. Each class in
 * the wordings of these tests: a skip, a request to put the question another way, a request for the
 * result before the end, voice typing's "know", a remark that is clear but no answer, keeping the
 * summary, a step back into the check after a check-in, and places that are not the person's home.
 * Real bot, real dialogs; the real recogniser and knowledge base where routing depends on them.
 */

/** What a reply must never be after a clear message: "didn't catch that" and its kin. */
const CAUGHT_NOTHING = /(didn'?t|did not|couldn'?t) (quite )?(understand|catch|get) (that|you|what)|not sure what you mean/i;
const CONCERN = /What is troubling you most right now\?/;
const RELATIONSHIPS = /Are other people, or a change in your life, part of how you feel\?/;
const DURATION = /How long have you felt like this\?/;

function marked(replies: Partial<Activity>[]): boolean {
  return replies.some((reply) => (reply.channelData as Record<string, unknown> | undefined)?.[SUMMARY_MARKER] !== undefined);
}

async function inCheck(): Promise<Conversation> {
  const convo = await conversation();
  expect(allText(await convo.say('is it right for me'))).toMatch(CONCERN);
  return convo;
}

describe('inside the check', () => {
  test.each(['alright next one', 'fine, move on', 'cool next'])('"%s" skips the question, never a fallback', async (said) => {
    const convo = await inCheck();
    const reply = allText(await convo.say(said));
    expect(reply).toMatch(RELATIONSHIPS);
    expect(reply).not.toMatch(CAUGHT_NOTHING);
  });

  test.each(['sorry im confused by that', 'i dont understand what you mean', 'what does that question mean'])(
    '"%s" gets the same question in plainer words, with its buttons',
    async (said) => {
      const convo = await inCheck();
      const replies = await convo.say(said);
      const reply = allText(replies);
      expect(reply).toMatch(/another way/);
      expect(reply).toMatch(/hardest for you lately/);
      expect(reply).not.toMatch(CAUGHT_NOTHING);
      expect(buttons(replies)).toEqual(expect.arrayContaining(['Someone close to me died', 'Skip']));
    },
  );

  test('asked twice to put it another way, the second reply differs from the first', async () => {
    const convo = await inCheck();
    const first = allText(await convo.say('i dont get it'));
    const second = allText(await convo.say('still confused'));
    expect(second).not.toBe(first);
    expect(second).not.toMatch(CAUGHT_NOTHING);
  });

  test.each(['ok so whats the outcome', 'just tell me the result', 'so does it suit me or what'])(
    '"%s" part way through gives the summary from the answers so far',
    async (said) => {
      const convo = await inCheck();
      await convo.say('Clashing with someone');
      const replies = await convo.say(said);
      expect(allText(replies)).toMatch(/from your answers so far/);
      expect(marked(replies)).toBe(true);
      expect(allText(replies)).not.toMatch(DURATION);
    },
  );

  test('"know" typed by voice for "no" is read as no, and the check moves on', async () => {
    const convo = await inCheck();
    await convo.say('skip');
    const reply = allText(await convo.say('know'));
    expect(reply).toMatch(DURATION);
    expect(reply).not.toMatch(CAUGHT_NOTHING);
  });

  test('"know" where words are needed is told what the question needs, not "didn\'t catch that"', async () => {
    const convo = await inCheck();
    const reply = allText(await convo.say('know'));
    expect(reply).toMatch(/not a yes or no/);
    expect(reply).toMatch(CONCERN);
  });

  test.each(['yeah my doctor already knows about it', 'my sister said i should look into this'])(
    'a clear remark about themselves that is no answer ("%s") is heard, then the question put plainly',
    async (said) => {
      const convo = await inCheck();
      await convo.say('Feeling lonely or cut off');
      await convo.say('yes');
      const reply = allText(await convo.say(said));
      expect(reply).toMatch(/Thanks for telling me/);
      expect(reply).toMatch(/Roughly how long/);
      expect(reply).not.toMatch(CAUGHT_NOTHING);
    },
  );

  test('the same remark-like message twice does not get the same reply twice', async () => {
    const convo = await inCheck();
    const first = allText(await convo.say('my partner thinks i should try it'));
    const second = allText(await convo.say('my partner thinks i should try it'));
    expect(second).not.toBe(first);
  });
});

describe('what is troubling them, typed', () => {
  test.each([
    ['always rowing with my flatmate these days', /role disputes/],
    ['we lost my nan in the spring', /grief/],
  ])('"%s" is said back with IPT\'s name for it, then the next question', async (said, name) => {
    const convo = await inCheck();
    const reply = allText(await convo.say(said));
    expect(reply).toMatch(/I've noted/);
    expect(reply).toMatch(name);
    expect(reply).toMatch(/\?/);
  });

  test('a button answer is not said back', async () => {
    const convo = await inCheck();
    expect(allText(await convo.say('Clashing with someone'))).not.toMatch(/I've noted/);
  });

  test('"nah nothing like that" where an age is asked: what the question needs, not "didn\'t catch that"', async () => {
    const convo = await inCheck();
    await convo.say('Clashing with someone');
    await convo.say('A few months');
    const reply = allText(await convo.say('nah nothing like that at all'));
    expect(reply).toMatch(/not a yes or no/);
    expect(reply).not.toMatch(CAUGHT_NOTHING);
  });
});

describe('keeping the result', () => {
  const FINISH = ['Someone close to me died', 'Yes', 'A few months', '35 or over', 'England'];

  test.each(['is there a way i can keep my result', 'could i print it off to take to my gp', 'i want a summary to keep'])(
    'after the check, "%s" is told how to copy, save or print it',
    async (said) => {
      const convo = await inCheck();
      for (const answer of FINISH) await convo.say(answer);
      const reply = allText(await convo.say(said));
      expect(reply).toMatch(/Copy, Save as a file or Print/);
      // Nothing was asked about email: the reply does not open by refusing one.
      expect(reply).not.toMatch(/can't email/);
    },
  );

  test('a check from an earlier chat: said that this chat has none, and the check offered', async () => {
    const convo = await conversation();
    const replies = await convo.say('i did the quiz yesterday and it was good. how can i save the results');
    expect(allText(replies)).toMatch(/can't see a check in this chat/);
    expect(buttons(replies).length).toBeGreaterThan(0);
  });

  test('during the check, asking for a summary to keep says one comes at the end, then the question again', async () => {
    const convo = await inCheck();
    const reply = allText(await convo.say('will i get a summary to keep'));
    expect(reply).toMatch(/summary you can keep/);
    expect(reply).toMatch(CONCERN);
  });
});

describe('with the real recogniser and knowledge base', () => {
  let recognizer: LocalRecognizer;
  beforeAll(async () => {
    recognizer = await createTrainedLocalRecognizer();
  }, 60_000);

  test('someone else in another nation: their way in, and the writer\'s own place is left alone', async () => {
    const convo = await conversation({ recognizer, profile: {} });
    const reply = allText(await convo.say('my brother is up in glasgow, how could he get ipt'));
    expect(reply).toMatch(/In Scotland/);
    expect(reply).toMatch(/GP/);
    expect(reply).not.toMatch(/You said you live/);
    expect((await convo.profile())?.nation).toBeUndefined();
  }, 60_000);

  test('after the way in for someone else, "and me in X" gets the way in for the writer\'s own place', async () => {
    const convo = await conversation({ recognizer });
    await convo.say('my mum lives in swansea, how would she go about getting it');
    const reply = allText(await convo.say('and what about me, im in derby'));
    expect(reply).toMatch(/refer yourself to NHS Talking Therapies/);
    expect((await convo.profile())?.nation).toBe('england');
  }, 60_000);

  test('a place after an answer that is the same everywhere: the way in there, not the same answer twice', async () => {
    const convo = await conversation({ recognizer });
    const first = allText(await convo.say('is it free on the nhs'));
    const reply = allText(await convo.say('oh and im in coventry'));
    expect(reply).not.toBe(first);
    expect(reply).toMatch(/Talking Therapies/);
  }, 60_000);

  test('asked to confirm deleting the chat, "ok" leading into another request deletes nothing and is answered', async () => {
    const convo = await conversation({ recognizer });
    await convo.say('what is ipt');
    expect(allText(await convo.say('please delete my conversation'))).toMatch(/delete this chat\?/);
    const reply = allText(await convo.say('ok actually how do i refer myself, i live in york'));
    expect(reply).not.toMatch(/I've deleted this chat/);
    expect(reply).toMatch(/haven't deleted anything/);
    expect(reply).toMatch(/Talking Therapies/);
  }, 60_000);

  test('"ok delete the lot" at the confirmation still deletes', async () => {
    const convo = await conversation({ recognizer });
    await convo.say('please delete my conversation');
    expect(allText(await convo.say('ok go on delete the lot'))).toMatch(/I've deleted this chat/);
  }, 60_000);

  test('a place of work: the GP surgery decides, and the place is not kept as home', async () => {
    const convo = await conversation({ recognizer });
    await convo.say('im in leeds');
    const reply = allText(await convo.say('what happens if i work in cardiff for most of the year'));
    expect(reply).toMatch(/GP surgery you are registered with/);
    expect((await convo.profile())?.nation).toBe('england');
  }, 60_000);

  test('a place of work said only to differ from home: the GP surgery decides', async () => {
    const convo = await conversation({ recognizer });
    const reply = allText(await convo.say('my job is in another town from where i live'));
    expect(reply).toMatch(/GP surgery you are registered with/);
    expect(reply).not.toMatch(CAUGHT_NOTHING);
  }, 60_000);

  test('after a check-in over the check, "carry on with the questions" goes back to the check', async () => {
    const convo = await conversation({ recognizer });
    await convo.say('is ipt right for me');
    const checkIn = allText(await convo.say("honestly i'm safe, i just feel like a weight on everyone right now"));
    expect(checkIn).toMatch(/\?/);
    const reply = allText(await convo.say('right, carry on with the questions'));
    expect(reply).toMatch(CONCERN);
  }, 60_000);

  test('a question after a check-in, led by "fine", is answered', async () => {
    const convo = await conversation({ recognizer });
    await convo.say("honestly i'm safe, i just feel like a weight on everyone right now");
    const reply = allText(await convo.say('fine how do i refer myself in england'));
    expect(reply).toMatch(/Talking Therapies/);
  }, 60_000);
});

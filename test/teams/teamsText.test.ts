import { bareBotId, htmlToText, mentionsBot, messageText, stripMentions } from '../../bots/teams/mentions';
import { messageKind, isPrivacyQuestion, teamsLexicon } from '../../bots/teams/messageKind';
import { privateChatLink, teamsScope } from '../../bots/teams/scope';

const BOT = '28:11111111-2222-3333-4444-555555555555';
const mention = (id: string, name: string) => ({ type: 'mention', text: `<at>${name}</at>`, mentioned: { id, name } });

describe('stripMentions', () => {
  it.each([
    ['<at>IPT guide</at> what is IPT?', [mention(BOT, 'IPT guide')], 'what is IPT?'],
    ['<at>IPT guide</at>, what is IPT?', [mention(BOT, 'IPT guide')], 'what is IPT?'],
    ['what is IPT <at>IPT guide</at>', [mention(BOT, 'IPT guide')], 'what is IPT'],
    // Several mentions: the bot's and colleagues', in any order. removeRecipientMention left all but one.
    ['<at>Sam Jones</at> and <at>IPT guide</at> does IPT help <at>IPT guide</at>?', [mention('29:sam', 'Sam Jones'), mention(BOT, 'IPT guide')], 'and does IPT help ?'],
    // A mention written with attributes, or with no entity at all.
    ['<at id="0">IPT guide</at>&nbsp;who can see this?', [], 'who can see this?'],
    // Line breaks tidied: blank lines and runs of spaces go, one break between lines stays.
    ['<at>IPT guide</at>\r\n\r\n  what is   IPT?\n\n\nthanks ', [mention(BOT, 'IPT guide')], 'what is IPT?\nthanks'],
  ])('%j', (text, entities, expected) => {
    expect(stripMentions(text, entities)).toBe(expected);
  });

  it('never invents "undefined", and keeps it when a person typed it', () => {
    const broken = [{ type: 'mention' }, { type: 'mention', text: null, mentioned: null }, null, 7, 'x'];
    expect(stripMentions('<at>IPT guide</at> hello', broken)).toBe('hello');
    expect(stripMentions('<at>IPT guide</at> hello', 'not an array')).toBe('hello');
    expect(stripMentions('my result was undefined', [])).toBe('my result was undefined');
    expect(stripMentions('<at>IPT guide</at>', [mention(BOT, 'IPT guide')])).toBe('');
  });

  it('decodes entities Teams escapes', () => {
    expect(stripMentions('Tom &amp; Jerry &lt;3 it&#39;s &#x263A;', [])).toBe("Tom & Jerry <3 it's ☺");
  });
});

describe('the text/html copy', () => {
  const html =
    '<p><span itemtype="http://schema.skype.com/Mention" itemscope="" itemid="0">IPT guide</span>&nbsp;can my employer</p><p>see this&nbsp;chat?</p>';

  it('drops mention spans and tags, keeps line breaks between paragraphs', () => {
    expect(htmlToText(html)).toBe('can my employer\nsee this chat?');
    expect(htmlToText('<div>one<br/>two</div>')).toBe('one\ntwo');
  });

  it('is used when the text field is empty or only mentions', () => {
    const attachments = [{ contentType: 'text/html', content: html }];
    expect(messageText({ text: '', attachments })).toBe('can my employer\nsee this chat?');
    expect(messageText({ text: '<at>IPT guide</at>', entities: [mention(BOT, 'IPT guide')], attachments })).toBe('can my employer\nsee this chat?');
    expect(messageText({ text: 'what is IPT?', attachments })).toBe('what is IPT?');
    expect(messageText({ text: undefined, attachments: [{ contentType: 'text/html', content: 42 }] })).toBe('');
  });
});

describe('mentionsBot', () => {
  it('finds the bot among several mentions, with or without the 28: prefix', () => {
    expect(mentionsBot([mention('29:sam', 'Sam'), mention(BOT, 'IPT guide')], BOT)).toBe(true);
    expect(mentionsBot([mention(BOT.toUpperCase(), 'IPT guide')], bareBotId(BOT))).toBe(true);
    expect(mentionsBot([mention('29:sam', 'Sam')], BOT)).toBe(false);
  });

  it('reads malformed entities as no mention instead of throwing', () => {
    expect(mentionsBot([{ type: 'mention', mentioned: null }, { type: 'mention' }, null], BOT)).toBe(false);
    expect(mentionsBot(undefined, BOT)).toBe(false);
    expect(mentionsBot([mention(BOT, 'IPT guide')], undefined)).toBe(false);
  });
});

describe('scope and the private chat link', () => {
  it.each([
    [{ conversationType: 'personal' }, undefined, 'personal'],
    [{ conversationType: 'groupChat', isGroup: true }, undefined, 'groupChat'],
    [{ conversationType: 'channel', isGroup: true }, { team: { id: 't' } }, 'channel'],
    [{ isGroup: true }, { team: { id: 't' } }, 'channel'],
    [{ isGroup: true }, undefined, 'groupChat'],
    [{}, undefined, 'personal'],
    [undefined, null, 'personal'],
  ])('%j %j -> %s', (conversation, channelData, expected) => {
    expect(teamsScope(conversation, channelData)).toBe(expected);
  });

  it('links to a 1:1 chat with the bot', () => {
    const link = 'https://teams.microsoft.com/l/chat/0/0?users=28:11111111-2222-3333-4444-555555555555';
    expect(privateChatLink(BOT)).toBe(link);
    expect(privateChatLink('11111111-2222-3333-4444-555555555555')).toBe(link);
  });
});

describe('what a message is about (shared spaces)', () => {
  const lexicon = teamsLexicon('en-GB');

  it.each([
    'can my employer find out?',
    'Can my employer see this?',
    'will my manager know I used this',
    'who can read this chat?',
    'Who can see this chat?',
    'is this anonymous?',
    'is this chat confidential',
    'does HR get told if I use this bot',
    'is any of this shared with my boss',
    'can Microsoft read my messages',
    'please dont save this',
    'please don’t store what I typed',
    'how do I delete this conversation',
    'will my colleagues be able to see what I type',
    'Does my boss get notified when I use this?',
    'Is this logged anywhere?',
    'Can HR access these messages?',
    'Will this go on my record at work?',
    'What data do you keep about me?',
    'is this being recorded?',
    'are you sharing this with my work',
    'can you keep this between us',
    'how private is this',
    'will anyone know I asked about therapy',
  ])('privacy: %s', (text) => {
    expect(isPrivacyQuestion(text, lexicon)).toBe(true);
    expect(messageKind(text, 'None', lexicon)).toBe('privacy');
  });

  it.each([
    ["I've been feeling really low since my divorce", 'AboutIpt'],
    ['I am struggling at work and cannot sleep', 'None'],
    ['my mum died last year, would IPT help?', 'WhoItHelps'],
    ['would IPT work for me', 'AboutIpt'],
    ['should I ask my GP about IPT', 'AccessNhs'],
    ['I keep arguing with my partner', 'FocusAreas'],
    ['my colleague is going through a lot', 'None'],
    ['is it right for me', 'SuitabilityCheck'],
    ['can I talk to a person', 'HumanContact'],
    // Saying you want therapy is about you too: in front of colleagues it waits for a private chat.
    ['I want to get IPT', 'AccessNhs'],
    ['where can I get IPT near me', 'AccessNhs'],
    ['I was wondering if IPT would suit someone like me', 'WhoItHelps'],
    ['im so stressed', 'None'],
    ['is it normal to feel this way after a breakup?', 'None'],
  ] as const)('personal: %s', (text, intent) => {
    expect(messageKind(text, intent, lexicon)).toBe('personal');
  });

  it.each([
    ['what is IPT?', 'AboutIpt'],
    ['how many sessions does IPT take', 'WhatToExpect'],
    ['does IPT work for depression?', 'Evidence'],
    ['how do people get IPT on the NHS', 'AccessNhs'],
    ['who is IPT for', 'WhoItHelps'],
    // "I" and "me" in a neutral way of asking say nothing about the person.
    ['can you tell me what IPT is', 'AboutIpt'],
    ['I would like to know how many sessions there are', 'WhatToExpect'],
    ['I was wondering how IPT works', 'AboutIpt'],
    ["I've heard IPT is good for depression, is that true?", 'Evidence'],
  ] as const)('general: %s', (text, intent) => {
    expect(messageKind(text, intent, lexicon)).toBe('general');
  });

  it.each([
    ['hello', 'Greeting'],
    ['thanks', 'Goodbye'],
    ['what can you do', 'Help'],
    ['my manager does not know how I feel', 'None'],
  ] as const)('not a privacy question: %s', (text, intent) => {
    expect(messageKind(text, intent, lexicon)).not.toBe('privacy');
  });
});

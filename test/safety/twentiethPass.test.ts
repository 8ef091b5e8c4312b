import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectRisk, detectRiskLexiconOnly } from '../../src/safety/detectRisk';

/**
 * Twentieth pass (issue 10): risk in Urdu and Panjabi written in English letters, figures of speech
 * that sounded like risk, and short replies made only of chat words that the model guessed at.
 * Each class has risk lines and look-alikes that must stay quiet; wordings written for this test.
 */

const read = (text: string) => {
  const got = detectRiskLexiconOnly(text);
  return got === null ? 'quiet' : got.category;
};

describe('Urdu and Panjabi in English letters', () => {
  it.each([
    'main ab marna chahti hoon, koi nahi samajhta',
    'bas mar jaana chaunda haan, thak gaya',
    'mujhe ab bilkul jeena nahi hai',
    'sach mein jeene ka dil nahi karta ab',
    'zindagi khatam karni hai meri, bas',
    'roz raat dil karta hai ke sab khatam kar doon',
    'dil karda ae mar jawan',
    'socha hai khudkushi kar lungi is hafte',
    'khudkushi ka irada hai mera',
    'kabhi kabhi lagta hai khud ko khatam kar doon',
    'main apni jaan le loonga agar yeh chalta raha',
  ])('%j is heard as suicide', (text) => {
    expect(read(text)).toBe('suicide');
  });

  it('hurting oneself, said the same way, is heard as self-harm', () => {
    expect(read('raat ko khud ko kaat leti hoon, kisi ko pata nahi')).toBe('self_harm');
    expect(read('apne aap nu nuksan pahunchaunda haan')).toBe('self_harm');
  });

  it.each([
    'yaar mera phone mar gaya, charger hai?',
    'battery mar gayi, baad mein call karta hoon',
    'hans hans ke mar gaya main us video pe',
    'garmi se mar rahe hain sab, AC kharab hai',
    'pehle kaam sab khatam kar doon phir aata hoon',
    'khana khatam ho gaya, aur mangwa lo',
    'tere liye toh jaan bhi de dunga bhai',
    'exam khatam, ab chutti',
  ])('%j stays quiet', (text) => {
    expect(read(text)).toBe('quiet');
  });
});

describe('figures of speech that sounded like risk', () => {
  it.each([
    'the garage quote nearly gave me a heart attack',
    'you gave my poor mum a stroke turning up unannounced',
    'the plot twist had me right on the edge of my seat',
    'these night shifts are trying to kill me i swear',
    'the heat is literally out to kill me today',
    'how long should you drown a tea bag for a decent cuppa',
    'i like to drown my chips in vinegar',
    'the parcel finally came, crazy how long it took them',
    'it took me ages to find a parking space',
  ])('%j stays quiet', (text) => {
    expect(read(text)).toBe('quiet');
  });

  it.each([
    ['i think i am having a heart attack, my chest is crushing', 'medical'],
    ['i took them all about an hour ago', 'medical'],
    ['my ex is trying to kill me, he is outside', 'danger'],
    ['i am standing on the edge of the bridge', 'suicide'],
    ['how long does it take to drown', 'suicide'],
    ['i keep wanting to drown them in the bath when they scream', 'harm_to_others'],
  ])('%j is still heard', (text, category) => {
    expect(read(text)).toBe(category);
  });
});

describe('short replies made only of chat words', () => {
  // Hedged amounts of time answer the check's "how long?" ("yr probably", "months maybe").
  it.each(['no i mean now', 'sorry i said no not know', 'oh ok i see what you mean', 'yeah but why though', 'yr probably', 'months maybe i think', 'about a year ish'])(
    '%j gets no guess from the model',
    (text) => {
      expect(detectRisk(text)).toBeNull();
    },
  );

  it('a short reply with risk words is still heard', () => {
    expect(detectRisk('no i mean i want to die now')?.category).toBe('suicide');
    expect(detectRisk('sorry i meant i cut myself')?.category).toBe('self_harm');
  });

  it('the list never holds a word that carries risk on its own or as a reply', () => {
    const lexicon = JSON.parse(readFileSync(join(__dirname, '../../locales/en-GB/risk-lexicon.json'), 'utf8')) as { chatWords: { words: string[] } };
    const carrying = ['do', 'did', 'done', 'over', 'end', 'gone', 'bye', 'anymore', 'more', 'enough', 'tonight', 'never', 'help', 'go', 'want', 'need', 'alone', 'die', 'hurt', 'goodbye'];
    expect(lexicon.chatWords.words.filter((w) => carrying.includes(w))).toEqual([]);
  });
});

import { detectRiskLexiconOnly } from '../../src/safety/detectRisk';

/**
 * Seventeenth pass (issue 10): classes the lexicon left to the statistical backstop or to one
 * fragile rule. Read by the lexicon alone, so each class is heard without the model; wordings
 * written for this test, with everyday look-alikes of each class beside them.
 */

function verdict(text: string): { category?: string; severity?: string; negated?: boolean } {
  const got = detectRiskLexiconOnly(text);
  return { category: got?.category, severity: got?.severity, negated: got?.negated };
}

const quiet = (text: string): string[] => detectRiskLexiconOnly(text)?.matched ?? [];

/** A class heard by the lexicon: each risk wording gets `expected`, each look-alike nothing at all. */
function heardAsClass(title: string, expected: { category: string; severity: string }, risk: string[], lookAlikes: string[]): void {
  describe(title, () => {
    it.each(risk)(`%j is ${expected.category}, ${expected.severity}`, (text) => {
      expect(verdict(text)).toEqual({ ...expected, negated: false });
    });
    it.each(lookAlikes)('%j stays quiet', (text) => {
      expect(quiet(text)).toEqual([]);
    });
  });
}

heardAsClass(
  'a means of dying said to be set up, with no verb of harm',
  { category: 'suicide', severity: 'immediate' },
  [
    'the rope is up now. im done',
    "rope's up in the loft. goodbye everyone",
    "it's tied. that's it for me",
    'its all rigged up, this is it',
    'hose is on the exhaust, im done with all of it',
    'the pipe is taped to the exhaust now. sorry for everything',
    "car's running in the garage and i'm sat in it",
    "engine's on in the lock up. this is it. love you all",
    "i'm sitting in the car in the garage and the engine is running",
    'the belt is round my neck',
  ],
  [
    'the climbing rope is up on the wall, im done for today',
    "boat's tied up, that's it for today",
    'the extraction hose is on the exhaust at the mot garage',
    'i left the engine running in the garage to warm it up',
    'my scarf is round my neck, its freezing',
    'the washing line is up, that is it for the garden',
    "it's all set up now, that's it for today, see you at the fair",
  ],
);

describe('the same means on its own, with no words of an ending', () => {
  it.each(['the rope is up on the beam', 'the hosepipe is on the exhaust'])('%j gets the check-in', (text) => {
    expect(verdict(text)).toEqual({ category: 'suicide', severity: 'concern', negated: false });
  });
});

heardAsClass(
  'self-harm in broken grammar or dialect',
  { category: 'self_harm', severity: 'concern' },
  [
    'i cut me',
    'i cut me again last night',
    "i've been cutting me again",
    'been slashin me legs',
    'burnt me arm on purpose',
    'went n cut me agen',
    'done it again wi the blade',
    'back on the blades again',
    'i hurt me proper last night',
  ],
  [
    'the cat scratched me arm',
    'i cut me finger on a tin',
    'cut me arm on a nail at work',
    'i burnt me hand on the oven',
    'i hurt me back lifting boxes',
    'been back on the night shifts again',
  ],
);

describe("a child's disclosure of being kissed or locked in, told by an adult", () => {
  it.each([
    'my daughter told me her swimming coach kissed her in the car',
    "my little girl said mummy's boyfriend locks her in her room at night",
    'a pupil told me a man at the park kissed her',
    'my son said his uncle keeps locking him in the cellar',
  ])('%j is a child disclosing abuse', (text) => {
    const got = detectRiskLexiconOnly(text);
    expect({ matched: got?.matched.includes('abuse.child_disclosure'), who: got?.who }).toEqual({ matched: true, who: 'child' });
  });

  it.each([
    'my daughter said her friend kissed a boy at the disco',
    'my son said he locked his bike outside the library',
    'my daughter said her friend locked her out of the group chat',
    'my son said grandad kissed him goodnight',
    'my boy says his mate kissed a girl behind the bike sheds',
  ])('%j stays quiet', (text) => {
    expect(quiet(text)).toEqual([]);
  });
});

describe('stroke signs now, and a stroke that is past', () => {
  it.each([
    'my speech has gone slow and my face feels odd',
    'he had a stroke last year and now his face is drooping again',
    'after the stroke this morning his speech is slurred',
    'i think mum is having a stroke, her words are coming out wrong',
  ])('%j is a medical emergency now', (text) => {
    expect(verdict(text)).toEqual({ category: 'medical', severity: 'immediate', negated: false });
  });

  it.each([
    'my speech was slow after the stroke last year, is IPT ok for me',
    'since his stroke in 2019 his left arm has been weak, can he still do ipt',
    'i had a mini stroke two years ago and my words still come out jumbled sometimes, would ipt work on video',
    'my face has been droopy since my bells palsy in 2020',
  ])('%j is history, not an emergency', (text) => {
    expect(quiet(text)).toEqual([]);
  });
});

heardAsClass(
  'going to someone, or waiting at their door, with a weapon',
  { category: 'harm_to_others', severity: 'immediate' },
  [
    "i'm heading round there after tea with a baseball bat",
    'been parked outside her flat for an hour with a can of petrol',
    'going over to his place with a knife, done talking',
    "he's off to his ex's tonight with a hammer",
  ],
  [
    'going round to my nans with a hammer to put a shelf up',
    'we went round with a knife and fork to the bbq',
    'taking the cricket bat round to jacks for nets practice',
    'going round to my mums with a knife to cut the birthday cake',
  ],
);

heardAsClass(
  'a threat of violence over money owed',
  { category: 'danger', severity: 'immediate' },
  [
    "the loan shark says he'll snap my fingers if i don't pay by the weekend",
    'the guys i owe from the betting know which school my son goes to',
    'my dealer showed me a photo of our front door',
  ],
  ["i'll break your legs if you eat my last biscuit lol", 'i owe the bank two grand and the interest is scary', 'paid off the loan today, what a relief'],
);

heardAsClass(
  'self-harm named as coping or relief, blades kept hidden',
  { category: 'self_harm', severity: 'concern' },
  [
    'honestly my coping mechanism is a razor blade',
    'it only helps when i cut',
    'need a new hiding place for my blades before mum finds them',
    "i scratch my arms till they're raw when i panic",
    "been banging my head on the steering wheel when i'm stressed",
    'keep burnin masel wi a lighter',
  ],
  [
    'my coping mechanism is a long walk with the dog',
    'it helps when i cut down on coffee',
    'i hide the razor blades from the toddler',
    'sharpened the mower blades for the lawn',
  ],
);

heardAsClass(
  'a fire, smoke coming in, or gas at home now',
  { category: 'danger', severity: 'immediate' },
  [
    "there's a fire in the flat above and the stairs are full of smoke",
    "my gran's bungalow is on fire",
    'smoke is seeping in under the bedroom door',
    'the hallway reeks of gas and the lady at number 4 is not answering',
    "co alarm's been beeping for an hour and the kids are drowsy",
  ],
  [
    'burnt the sausages and the smoke alarm went off again',
    "there's a fire in the living room, lovely and cosy",
    'the kitchen was on fire tonight, we did 200 covers',
    'my hands smell of gas after filling the car',
    'fire drill at 2, leave by the back stairs',
  ],
);

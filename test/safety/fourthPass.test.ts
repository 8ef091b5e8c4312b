import { detectRisk } from '../../src/safety/detectRisk';
import { safetyMode } from '../../src/safety/safetyReply';

/**
 * Classes missed by a development batch of Teams and workplace messages (batch ad), each written
 * here in other words, inside the kind of paragraph they came in and alone. Benign look-alikes of
 * each class sit beside them.
 */

const before = 'Hi, I run the night team at a parcel depot and my manager suggested the guide. ';
const after = ' Also, can the IPT sessions be done on a video call?';

function modeOf(text: string): string {
  const found = detectRisk(text);
  return found === null ? 'none' : safetyMode(found);
}

describe('fourth pass: risk classes, alone and inside a work message', () => {
  it.each([
    // a body in danger, told by its signs
    ['medical', 'The lad on the forklift has slumped over the wheel and I cannot feel a pulse.'],
    ['medical', 'My nephew has gone pale and limp on the sofa and is not answering us.'],
    ['medical', 'A customer came off the stepladder, cracked her head on the floor and is talking nonsense.'],
    ['medical', 'I have type 1 diabetes, missed my dinner and now I am sweating and getting confused.'],
    ['medical', 'My flatmate texted that she has taken all her sleeping tablets.'],
    // harming someone, or someone threatened with a weapon
    ['harm_to_others', 'When I am bathing my mum I get so wound up I want to shove her.'],
    ['harm_to_others', 'A driver said he is going to do the shift manager after work and he had a crowbar in his locker.'],
    ['harm_to_others', 'My brother chased our dad round the garden with a screwdriver this morning.'],
    // someone else being harmed
    ['abuse', 'A woman on my team keeps coming in wearing bruises on her arms and she will not say why.'],
    ['abuse', 'My neighbour flinches whenever her husband raises his voice.'],
    ['abuse', 'My uncle has got grandad\'s pension and grandad is not eating and seems frightened of him.'],
    // danger now
    ['danger', 'I am hiding in the staff toilet because a man from the bar said he is waiting for me outside.'],
    // someone else's goodbye
    ['suicide', 'My friend posted that this is her final message and she is sorry for everything.'],
    // someone else at risk, in plain words
    ['self_harm', 'My nine year old keeps banging his head on the floor until it bleeds when he gets angry.'],
    ['danger', 'Grandad has Alzheimer\'s, he wandered out of the home after tea and we cannot find him anywhere.'],
    ['suicide', 'Sitting on the edge of the multi storey roof and I feel strangely calm.'],
    // a child's words repeated by an adult
    ['abuse', 'A girl of 8 in my Brownies pack has a cut lip and says she walked into her stepdad\'s hand.'],
    ['abuse', 'My granddaughter says her mum\'s boyfriend has a secret game with her at bedtime and she must not tell.'],
    // look-alike letters
    ['suicide', 'w4nt t0 d!e, n0 p0!nt'],
  ])('%s: "%s"', (category, risk) => {
    for (const text of [risk, before + risk + after]) {
      const found = detectRisk(text);
      expect(found).toMatchObject({ category });
      expect(safetyMode(found!)).toBe('handoff');
    }
  });

  it('risk words with a time of their own, without "I", are the writer\'s even after a job title', () => {
    const text = 'I am an HR officer and I know the guide well. s e l f - h a r m i n g most nights this week and nobody here knows. Can I do IPT by video?';
    expect(detectRisk(text)).toMatchObject({ category: 'self_harm', frame: 'personal' });
  });

  it('a partner harming himself is the writer\'s own worry, not work talk, whatever job they name', () => {
    const text = 'I am a youth worker. My husband has been cutting himself since he was made redundant.';
    expect(detectRisk(text)).toMatchObject({ category: 'self_harm', frame: 'personal' });
  });

  it.each([
    'Can someone find a pulse oximeter for bay 4? The old one has gone missing.',
    'The bread has gone grey and a bit floppy, I think the bakery sent the wrong batch.',
    'My manager is going to sort out the rota after the stocktake.',
    'This is my last email before I go on leave, thanks everyone.',
    'I showed the new starter where we keep the hammer and the screwdriver.',
    'The builder fell off his bike on the way in but he is fine.',
    'I am diabetic and the canteen never has anything I can eat.',
    'I am hiding in the stock room because the area manager is visiting.',
    'I am banging my head against a brick wall with this spreadsheet.',
    'She is pulling her hair out over the wedding seating plan.',
    'We sat on the cliff top at sunset and it was so peaceful.',
    'The cat got out of the house last night and we cannot find him.',
    'The kids play a game in the bath with their rubber ducks every night.',
    'I walked into the door frame at work and now I have a bruise.',
  ])('leaves "%s" alone', (benign) => {
    expect(modeOf(benign)).toBe('none');
  });
});

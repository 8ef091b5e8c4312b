import { detectRiskLexiconOnly } from '../../src/safety/detectRisk';
import type { RiskCategory } from '../../src/safety/types';
import { eventsOf, realBot, say, textOf } from './safetyDialogHarness';

/**
 * Fifteenth pass (issue 10): classes of risk said without the usual words, each read by the lexicon
 * alone (the backstop cannot make these pass). Every wording is written for this test; each class
 * has risk and its everyday look-alikes side by side, so a rule that grows too wide fails here.
 */

type Case = [string, RiskCategory];

function expectRisk(cases: readonly Case[]): void {
  for (const [text, category] of cases) {
    const got = detectRiskLexiconOnly(text);
    expect({ text, category: got?.category, negated: got?.negated }).toEqual({ text, category, negated: false });
  }
}

function expectQuiet(texts: readonly string[]): void {
  for (const text of texts) expect({ text, matched: detectRiskLexiconOnly(text)?.matched ?? [] }).toEqual({ text, matched: [] });
}

describe('fifteenth pass: classes of risk with their look-alikes', () => {
  it('a means named plainly, with no verb of harm', () => {
    expectRisk([
      ["grandad's old shotgun is in the loft and I can't stop thinking about it", 'suicide'],
      ['took the rifle down from the cabinet again tonight', 'suicide'],
      ['the noose is set up in the garage', 'suicide'],
      ['fastened my belt round the loft beam earlier', 'suicide'],
      ['the tube is taped onto the exhaust already', 'suicide'],
      ['I have emptied out all my sleeping tablets on the bed', 'suicide'],
      ['40 co-codamol stashed away in a sock drawer', 'suicide'],
      ['sat in the van for an hour with the rope', 'suicide'],
      ["the pistol's in my bedside drawer and it's loaded", 'suicide'],
      ['the air rifle is in the shed and I have the key to the cabinet', 'suicide'],
      ['the flex is hooked over the beam in the garage', 'suicide'],
      ['all my antidepressants are in a heap on the carpet', 'suicide'],
      ['two months of tablets put away in a shoebox', 'suicide'],
    ]);
    expectQuiet([
      'counted out the tablets for my mum\'s dosette box',
      'the nurse set out all my meds for the week in the organiser',
      'took the rifle out to shoot rabbits with my uncle',
      'the rope is ready for the tent, we go camping on Friday',
      'washing the van with the hose this afternoon',
      'sat in the waiting room with my prescription for ages',
      'the washing line is tied to the fence again',
      'the water pistol is loaded, the kids are ready for the garden',
    ]);
  });

  it('joining someone who has died', () => {
    expectRisk([
      ['my wife passed in March and I plan to join her soon', 'suicide'],
      ["not long now until I'm with my dad again, he died last winter", 'suicide'],
      ['since the funeral I keep thinking I will be seeing him again soon', 'suicide'],
    ]);
    expectQuiet([
      "I'm joining her for lunch on Sunday",
      'my partner is working in Dubai and I plan to join her soon',
      'he is away with the navy, I will be with him again soon',
    ]);
  });

  it('a decision and a time, with no method', () => {
    expectRisk([
      ["made my mind up. it's tomorrow night", 'suicide'],
      ['it all ends on sunday', 'suicide'],
      ['by saturday this will all be over', 'suicide'],
      ['chosen the date. wednesday', 'suicide'],
      ['this time next weekend everything will be over', 'suicide'],
    ]);
    expectQuiet([
      "I've decided, tonight I'm having pizza",
      "I've made my mind up to ring the GP tomorrow",
      'the offer ends this weekend so I booked the course',
      'we have picked a date for the wedding',
    ]);
  });

  it('driving as a way to die', () => {
    expectRisk([
      ['some nights I want to take my hands off the wheel on the A1', 'suicide'],
      ['I keep picturing driving straight into the bridge', 'suicide'],
      ['tempted not to slow down at the roundabout', 'suicide'],
      ["one night I'll just not make the corner", 'suicide'],
    ]);
    expectQuiet([
      'I let go of the wheel to wave at my neighbour and my instructor went mad',
      'I am driving into town tonight for the meeting',
      'crashed into a wall in 2019, the insurance was a nightmare',
    ]);
  });

  it('someone not answering behind a door, with worry: a welfare emergency', () => {
    expectRisk([
      ["my flatmate's bedroom door is locked and she isn't answering, I'm really frightened", 'medical'],
      ['my brother shut himself in the toilet and has gone quiet', 'medical'],
      ["my nan isn't answering the door and her curtains are still closed, she's been so low", 'medical'],
      ["he's slumped on the sofa and won't come round", 'medical'],
    ]);
    expectQuiet(["my son's locked himself in his room again and won't talk to me, typical teenager", 'the shop door was locked and nobody answered so I went home']);
  });

  it('after an overdose: sleepy, sick, eyes closing', () => {
    expectRisk([
      ['took the whole lot about two hours ago', 'medical'],
      ['swallowed all my pills and now I keep being sick', 'medical'],
      ['so drowsy since I took loads of them', 'medical'],
    ]);
    expectQuiet(['I feel a bit drowsy after my new tablets, is that normal?', 'dropped the kids off an hour ago and took them their lunch']);
  });

  it('understatement buried in a long message about work or IPT', () => {
    const work =
      'Our team has had a rough quarter and the new system keeps crashing. My manager wants a plan for the autumn and I have been working most weekends. ';
    const ipt = ' Anyway, my real question is whether IPT sessions can be on a Saturday, and how many there are in total.';
    expectRisk([
      [`${work}I came near to it on Sunday, closer than I have ever been.${ipt}`, 'suicide'],
      [`${work}I will not be a bother to any of you for much longer.${ipt}`, 'suicide'],
      [`${work}Once the cat goes to my sister there is no reason for me to stick around.${ipt}`, 'suicide'],
    ]);
    expectQuiet([`${work}I came close to quitting, closer than ever, but I stayed.${ipt}`, `${work}The taxi will take us both to the conference.${ipt}`]);
  });
});

describe('fifteenth pass: through the real adapter', () => {
  it('a locked door and no answer gets 999; a teenager sulking does not', async () => {
    const harness = await realBot();
    const replies = await say(harness.adapter, "mum's locked in the bathroom and she won't answer me, I'm scared");
    expect(eventsOf(replies)[0]).toMatchObject({ name: 'emergencySupport', value: { category: 'medical' } });
    expect(textOf(replies)).toContain('999');
    const quiet = await say((await realBot()).adapter, 'my daughter is in her room with the door shut doing homework');
    expect(eventsOf(quiet)).toEqual([]);
  });
});

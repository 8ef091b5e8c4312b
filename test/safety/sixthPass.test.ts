import { detectRisk } from '../../src/safety/detectRisk';
import { safetyMode, safetyReply } from '../../src/safety/safetyReply';

/**
 * Sixth pass: false positives first. Each class flagged on the development batches (ad-ag) is
 * written here in other words, with risk look-alikes beside it so a mask or a past reading cannot
 * quietly hide a real crisis. "quiet" = no safety dialog at all: null, or a past / work note.
 */

function reply(text: string): string {
  const got = detectRisk(text);
  return got === null ? 'none' : safetyMode(got);
}

describe('sixth pass: everyday words of leaving, moving and work emergencies', () => {
  it.each([
    "Said all my goodbyes at the leaving do last night, my last day at the council is Friday.",
    'Saying goodbye to my year 11s this week before I start my secondment, bit teary',
    "I'm off to a new job next month so I'm saying my goodbyes to the team gradually.",
    "Posted my farewell message to the team in the group chat, can't believe it's been nine years.",
    'Giving away all the kids old school uniforms now they have both left school.',
    "I've been getting rid of my scrubs and old textbooks since I retired from nursing.",
    "We won't be around much longer at this address, our new flat is ready in March. Do I need to tell the clinic?",
    'Can I still get my session if I have a family emergency that morning?',
    "My emergency contact has changed, it's my sister now.",
    'Had to cancel because of an emergency with the boiler, can I rebook?',
    'That cyclist on the ring road has a death wish, no lights at all.',
    'i could murder a chippy tea rn',
  ])('%s -> no safety dialog', (text) => {
    expect(reply(text)).toBe('none');
  });

  it.each([
    "I've said my goodbyes to everyone at work, they don't know it's forever.",
    "I'm giving away all my things, I won't need them where I'm going.",
    "I won't be around much longer, I've made my choice.",
    'This is an emergency, he has a knife.',
    'My brother has a death wish, he keeps saying he wants to die.',
  ])('%s -> still risk', (text) => {
    expect(detectRisk(text)).toMatchObject({ negated: false });
    expect(reply(text)).not.toBe('none');
  });
});

describe('sixth pass: safety said outright', () => {
  it.each([
    "I'm not in any danger, I just want to know how long the wait is.",
    "Honestly not in danger, just lonely since the divorce and need someone to talk to",
  ])('%s -> no check-in', (text) => {
    expect(detectRisk(text)).toBeNull();
  });
});

describe('sixth pass: past and over, said in many ways', () => {
  it.each([
    'My daughter cut herself when she was fifteen. She is 30 now, settled and happy, and it never happened again.',
    'My grandad was violent when we were little but he has been dead for over twenty years.',
    "My stepdad bullied me when I was small. I'm 48 now and I've come to terms with it.",
    'I pushed my sister down the stairs when we were kids. We laugh about it now, we are both in our thirties.',
    'A rogue trader took my mum\'s savings in 2012. It went to court and she got the money back.',
    "I used to burn myself as a teenager but I stopped at 16 and haven't since. What I need help with now is my new manager. I've started to feel anxious before work.",
    "I took an overdose at 19 and I've been well ever since. My question today is about my son moving out and how quiet the house feels.",
  ])('%s -> past, never a dialog', (text) => {
    const got = detectRisk(text);
    expect(got === null || got.when === 'past').toBe(true);
  });

  it.each([
    "I self-harmed at 16 and I've been well ever since. Tonight I feel the same as back then.",
    "I stopped cutting myself years ago but the urges are back this week.",
    'My ex was violent years ago and now he is outside my door.',
  ])('%s -> current', (text) => {
    expect(detectRisk(text)).toMatchObject({ when: 'current', negated: false });
  });
});

describe('sixth pass: harm and danger said plainly', () => {
  it.each([
    ['harm_to_others', 'I shook him because he would not stop screaming and now I feel sick about it'],
    ['danger', "The old lady next door hasn't been seen for three days and her curtains are still shut, I can hear her calling out"],
  ])('%s: %s', (category, text) => {
    expect(detectRisk(text)).toMatchObject({ category, negated: false });
  });
});

describe('sixth pass: work, study and fiction get the answer, not a dialog', () => {
  it.each([
    "I'm a sports coach, what do I say if a teenager tells me they've been cutting?",
    "As a pastoral lead I'm asked about self-harm by parents all the time. Do you have a leaflet?",
    "I've been asked to update our policy on supporting staff bereaved by suicide. Is there guidance you'd recommend?",
    "I'm a placement student at a domestic violence charity and need to understand what therapies survivors are offered.",
    'The soap storyline about coercive control has got everyone at work talking.',
    'Our youth theatre is doing a play where a boy dies by suicide and his friends cope after. We are putting helpline numbers in the programme.',
    "I'm writing a screenplay where the villain fakes her own death. Is that too dark?",
    'Does this chat give advice about chest pain? I teach first aid and people ask.',
    "My wife had a stroke last year, she's made a good recovery and nobody is in danger, but I'm worn out. Can IPT help carers?",
    'Our son swallowed a magnet on Sunday, the hospital checked him over and said he was fine. I have been anxious since.',
  ])('%s -> quiet', (text) => {
    expect(['none', 'professional', 'past']).toContain(reply(text));
  });

  it.each([
    "I'm a youth worker and I've been cutting myself again this week.",
    'My son swallowed a button battery an hour ago, he seems fine',
    'I took an overdose last night, A&E let me go this morning and said I was fine',
    'My daughter took a load of my tablets, a&e said she would be fine but now she is being sick',
  ])('%s -> a safety dialog', (text) => {
    expect(['handoff', 'checkIn']).toContain(reply(text));
  });
});

describe('sixth pass: Welsh and Polish read whatever the identifier says', () => {
  // No language passed: the identifier may call short Welsh Polish, or nothing at all.
  it.each([
    ['suicide', 'Byddai pawb yn well eu byd hebddo i.'],
    ['medical', 'Mae poen mawr yn fy mrest ers hanner awr.'],
    ['abuse', "Mae ei chymydog yn dwyn arian o'i phwrs hi."],
    ['harm_to_others', "Dw i'n poeni y bydda i'n ysgwyd y babi heno."],
    ['self_harm', 'Wczoraj znowu się pocięłam.'],
    ['suicide', 'Rodzinie będzie lepiej beze mnie.'],
    ['medical', 'Tacie opadła twarz i drętwieje mu prawa ręka.'],
  ])('%s: %s', (category, text) => {
    expect(detectRisk(text)).toMatchObject({ category, negated: false });
  });

  it.each(['Pocięłam chleb na kanapki.', 'Mam ból głowy od rana, czy mogę wziąć paracetamol?', "Dw i'n poeni am fy arholiadau."])('%s -> none', (text) => {
    expect(reply(text)).toBe('none');
  });
});

describe('sixth pass: risk said sideways', () => {
  it.each([
    ['suicide', "won't be here for my birthday anyway so who cares"],
    ['suicide', "My daughter messaged 'sorry for everything, love you' and now her phone is switched off"],
    ['abuse', 'he checks who i text and decides what i wear'],
  ])('%s: %s', (category, text) => {
    expect(detectRisk(text)).toMatchObject({ category, negated: false });
  });
});

describe('sixth pass: one particular person at risk now, told from work, gets the someone-else reply', () => {
  it.each([
    "I'm a team leader in a call centre. One of my team messaged me 'sorry for everything, you've all been kind' and hasn't logged on since.",
    "I'm a teaching assistant. A girl in my class turned up with a cut lip and said her mum's boyfriend did it.",
    "I work nights as a carer. My resident was left in wet sheets all night again by another carer.",
    "I'm a youth worker. A lad from my group showed me the tablets he's been saving up.",
  ])('%s -> hand-off about someone else', (text) => {
    const got = detectRisk(text);
    expect(got).toMatchObject({ frame: 'personal', negated: false });
    expect(got && safetyReply(got).audience).not.toBe('self');
    expect(got && safetyMode(got)).not.toBe('professional');
  });

  it.each([
    "I'm a care worker. How do I spot signs that a resident is being neglected?",
    "I'm a teacher, what should I do if a pupil tells me they are self-harming?",
    "I'm an HR adviser writing guidance on supporting colleagues in crisis.",
  ])('%s -> still work talk', (text) => {
    expect(['none', 'professional']).toContain(reply(text));
  });
});

import { detectRisk } from '../../src/safety/detectRisk';

/**
 * Classes missed by two development batches (af: workplace paragraphs; ag: short visitor
 * messages, understatement, Welsh and Polish), each written here in other words. Benign
 * look-alikes sit beside them so a widened pattern cannot quietly flag ordinary talk.
 */

function found(text: string, language?: string): string {
  const got = detectRisk(text, undefined, language);
  return got === null || got.negated ? 'none' : got.category;
}

describe('fifth pass: Welsh and Polish risk words', () => {
  it.each([
    ['danger', 'cy', 'Mae dyn wrth y drws cefn gyda chyllell ac mae gen i ofn.'],
    ['medical', 'cy', "Dydy Dad ddim yn anadlu'n iawn ar ôl syrthio."],
    ['medical', 'cy', 'Mae fy mrawd wedi llewygu yn y gegin.'],
    ['medical', 'cy', "Rydw i wedi cymryd llawer o dabledi heno."],
    ['abuse', 'cy', 'Mae fy nain yn cael ei tharo gan ei gofalwr.'],
    ['abuse', 'cy', 'Mae ei mab yn dwyn ei harian hi bob wythnos.'],
    ['suicide', 'cy', "Dywedodd fy nghariad ei fod e eisiau gorffen popeth."],
    ['suicide', 'cy', 'Fyddai i ddim yn faich i neb am lawer hirach.'],
    ['medical', 'pl', 'Mama upadła i nie oddycha, co robić?'],
    ['medical', 'pl', 'Kolega zemdlał w pracy i leży.'],
    ['danger', 'pl', 'Sąsiad chodzi po klatce z siekierą.'],
    ['danger', 'pl', 'Mój mąż pisze, że mnie zabije, jak wrócę.'],
    ['harm_to_others', 'pl', 'Czuję, że zrobię krzywdę synowi, jak znowu nie zaśnie.'],
    ['abuse', 'pl', 'Wnuczek zabiera jej rentę co miesiąc.'],
    ['abuse', 'pl', 'Ojczym zamyka go w piwnicy na noc.'],
    ['suicide', 'pl', 'Wkrótce nie będę wam ciężarem.'],
  ])('%s (%s): %s', (category, language, text) => {
    expect(found(text, language)).toBe(category);
  });

  it.each([
    ['cy', 'Rydw i wedi cymryd llawer o luniau heno.'],
    ['cy', 'Rydw i eisiau gorffen y llyfr heno.'],
    ['cy', 'Dw i ddim yn faich i neb, dw i jyst angen help gyda fy hwyliau.'],
    ['pl', 'Kroję chleb nożem w kuchni.'],
    ['pl', 'Mama bierze emeryturę w banku.'],
    ['pl', 'Nie będę przeszkadzać, mam tylko pytanie o terapię.'],
  ])('benign (%s): %s', (language, text) => {
    expect(found(text, language)).toBe('none');
  });
});

const workBefore = 'Hi, I manage a small team at a bakery and our HR lead sent me the guide. ';
const workAfter = ' Also, do you know if the sessions can happen online?';

describe('fifth pass: English risk told briefly or sideways, alone and inside a work message', () => {
  it.each([
    ['medical', 'Slipped in the bath and I cannot get myself up off the floor.'],
    ['medical', 'My right arm and face have gone numb all of a sudden.'],
    ['medical', 'He cannot get his breath and his lips are turning blue.'],
    ['medical', 'mixed all my meds with cider and now everything is spinning'],
    ['danger', 'my ex boyfriend is parked outside my flat and refuses to leave'],
    ['danger', 'somebody is breaking in downstairs right now and we are hiding in the bedroom'],
    ['danger', 'There is a customer at the till with a machete.'],
    ['danger', 'My brother has got a big knife and is threatening our mum.'],
    ['danger', 'Nan has walked out in her nightie and we cannot find her anywhere.'],
    ['danger', 'my cousin got in a car with some older lads and is not answering, she is 13'],
    ['suicide', 'I have picked the date to do it.'],
    ['suicide', 'went round four pharmacies so I have enough now'],
    ['suicide', 'I keep staring at the paracetamol in the bathroom cabinet.'],
    ['suicide', 'My mate put up "see ya on the other side" and he is not replying to anyone.'],
    ['suicide', 'Grandad is refusing food so he can just die.'],
    ['suicide', 'my flatmate has tablets stashed away in her room'],
    ['suicide', 'This will be my last weekend alive.'],
    ['abuse', 'Her boyfriend broke her wrist and she told the nurses she fell.'],
    ['abuse', 'Her husband never lets her see a doctor or phone her family.'],
    ['abuse', 'My auntie says her husband is always hitting her.'],
    ['abuse', 'we are not getting fed and get left by ourselves for days'],
    ['abuse', 'My friend says her partner held a knife to her last night.'],
    ['abuse', 'Someone online has taken thousands off my grandad and now keeps ringing to threaten him.'],
    ['abuse', 'Dad threw my sister into the fridge and now she will not get up.'],
    ['harm_to_others', 'When the baby will not settle I have been shaking her too hard.'],
    ['harm_to_others', 'I snapped and shoved my mum when she would not get in the car.'],
    ['harm_to_others', 'I was this close to punching a colleague in the staff room.'],
  ])('%s: %s', (category, text) => {
    expect(found(text)).toBe(category);
    expect(found(workBefore + text + workAfter)).toBe(category);
  });

  it.each([
    'my son keeps hitting his little sister, any tips?',
    'My toddler keeps hitting her baby brother when she is tired.',
    'This is my last week at my old job before I start the new one.',
    'I have a fall prevention class and I am thinking about the exercises in the booklet.',
    'There is a man in the cookery video with a knife showing how to chop onions.',
    'I came close to hitting my sales target this month.',
    'I picked a date for the first session.',
    'The talk went deeper than usual and I feel a bit drained.',
    'My manager never lets me go to the team social because of cover.',
  ])('benign: %s', (text) => {
    expect(found(text)).toBe('none');
  });
});

describe('fifth pass: past and over, said in so many words', () => {
  function calm(text: string, language?: string): boolean {
    const got = detectRisk(text, undefined, language);
    return got === null || got.negated || (got.when === 'past' && got.severity === 'concern');
  }

  it.each([
    ['en', 'I burned myself a few times in my teens. I am 41 now and it has not been part of my life for years.'],
    ['en', 'Years ago I thought about ending my life, but it has not come back once since.'],
    ['en', 'My dad hurt my mum a lot when I was small. He moved out and it is long finished.'],
    ['en', 'My daughter self-harmed at 15. She is 30 now and has not for well over a decade.'],
    ['cy', "Roeddwn i'n hunan-niweidio flynyddoedd yn ôl, ond dw i wedi stopio ers amser hir."],
    ['cy', "Pan o'n i'n ifanc roeddwn i'n torri fy hun, ond dw i wedi bod yn hapus ers hynny."],
    ['pl', 'Kiedyś się cięłam, ale od wielu lat jest w porządku.'],
  ])('no hand-off (%s): %s', (language, text) => {
    expect(calm(text, language === 'en' ? undefined : language)).toBe(true);
  });

  it.each([
    ['en', 'I self-harmed years ago and it has come back this week.'],
    ['en', 'It is long finished with my ex, but he is outside my house now with a knife.'],
    ['en', 'We split up years ago, but he is at my door now and he has got a gun.'],
    ['en', 'I have left notes for my kids in the drawer. It is all sorted now.'],
    ['en', 'I used to think about it years ago. Now I have the tablets ready and it is finished.'],
    ['cy', "Roeddwn i'n hunan-niweidio flynyddoedd yn ôl ac mae wedi dechrau eto heno."],
  ])('still a hand-off when it is back (%s): %s', (language, text) => {
    expect(calm(text, language === 'en' ? undefined : language)).toBe(false);
  });
});

describe('fifth pass: the writer\'s own thoughts inside a work message stay personal', () => {
  it.each([
    'I am a staff nurse on nights. Lately I have been thinking whether everyone would cope fine without me around. Can I self-refer?',
    'I work in a school office. I keep wondering if it would be simpler to never wake up. Is there a waiting list?',
  ])('%s', (text) => {
    const got = detectRisk(text);
    expect(got?.frame).toBe('personal');
  });

  it('a trainee asking about a topic is still work talk', () => {
    const got = detectRisk('I am a trainee counsellor writing an essay on how clients talk about suicide. Which books should I read?');
    expect(got === null || got.frame === 'professional').toBe(true);
  });
});

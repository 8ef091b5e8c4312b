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

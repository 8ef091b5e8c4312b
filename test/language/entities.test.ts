import { extractAge, extractDuration, extractNation, parseGazetteer } from '../../src/language/entities';
import gazetteerJson from '../../locales/en-GB/gazetteer.json';

/** A fixed "now" so dates read the same every day: 6 December 2026. */
const NOW = new Date(2026, 11, 6);

describe('extractNation', () => {
  it.each([
    ['live in bangor in north wales. been feeling low', 'wales', 'North Wales'],
    ['i live in bangor', 'northern_ireland', 'Bangor'],
    ['im in belfast', 'northern_ireland', 'Belfast'],
    ['I live in Cardiff', 'wales', 'Cardiff'],
    ['moved to Bristol last year', 'england', 'Bristol'],
    ["I've moved to Bristol", 'england', 'Bristol'],
    ['glasgow', 'scotland', 'Glasgow'],
    ['Scotland', 'scotland', undefined],
    ['im welsh', 'wales', undefined],
    ['northern ireland', 'northern_ireland', undefined],
    ['norn iron lol', 'northern_ireland', undefined],
    ['in NI', 'northern_ireland', undefined],
    ['england', 'england', undefined],
    ['we live just outside swansea', 'wales', 'Swansea'],
    ['near Aberystwyth', 'wales', 'Aberystwyth'],
    ['im from glasgow but i live in london now', 'england', 'London'],
    ['moved from Leeds to Cardiff', 'wales', 'Cardiff'],
    ['not in england, im in wales', 'wales', undefined],
    ['actually im in scotland not england', 'scotland', undefined],
    ['Newcastle', 'england', 'Newcastle upon Tyne'],
    ['hull', 'england', 'Kingston upon Hull'],
    ['i live in derry', 'northern_ireland', 'Derry'],
    ['londonderry', 'northern_ireland', 'Derry'],
    ['Edinburgh', 'scotland', 'Edinburgh'],
    ['I live in Reading', 'england', 'Reading'],
    ['in the highlands', 'scotland', 'Highlands'],
    ['Pembrokeshire', 'wales', 'Pembrokeshire'],
    ['I live in Yorkshire', 'england', 'Yorkshire'],
    ['my postcode is BT7 1NN', 'northern_ireland', 'BT7'],
    ['CF10 3AT', 'wales', 'CF10'],
    ['postcode eh1', 'scotland', 'EH1'],
    ['sy23', 'wales', 'SY23'],
    ['SY1 1AA', 'england', 'SY1'],
    ['ch5', 'wales', 'CH5'],
    ['LS6', 'england', 'LS6'],
    ['Stoke-on-Trent', 'england', 'Stoke-on-Trent'],
    ['stoke on trent', 'england', 'Stoke-on-Trent'],
    ['Ynys Môn', 'wales', 'Ynys Mon'],
    ['manchester', 'england', 'Manchester'],
    ['im in manc', 'england', 'Manchester'],
    ['living in inverness atm', 'scotland', 'Inverness'],
    ['St Andrews', 'scotland', 'St Andrews'],
    ['Saint Albans', 'england', 'St Albans'],
    ['County Durham', 'england', 'County Durham'],
    ['south wales', 'wales', 'South Wales'],
    ['I live near Newry', 'northern_ireland', 'Newry'],
    // A postcode's first half in a sentence: after "in" or "near", or typed in capitals.
    ['im in AB10 how do i get ipt', 'scotland', 'AB10'],
    ['how do i get ipt near ab25', 'scotland', 'AB25'],
    ['ok actually its CF10 im in', 'wales', 'CF10'],
    ['moved again lol, near bt7 now', 'northern_ireland', 'BT7'],
  ])('%s -> %s', (text, nation, place) => {
    const match = extractNation(text);
    expect(match?.nation).toBe(nation);
    expect(match?.place).toBe(place);
  });

  it.each([
    'my dad died in March',
    'I am interested in reading',
    'my mother in law is driving me mad',
    'thanks m8',
    'I hope it helps',
    'its over',
    'my friend Barry said I should try it',
    'I got a text from Keith',
    'we had a deal',
    'how long is a session',
    'I need to settle down',
    'im 15',
    'since june',
    'is it in the Bath of my life',
    'I was on the M6',
    'Ireland',
    'Dublin',
    'Isle of Man',
    'I used to live in Cardiff',
    'what about Wales?'.replace('Wales', 'the US'),
  ])('finds no place in %s', (text) => {
    expect(extractNation(text)).toBeUndefined();
  });

  it('reads an everyday-word place alone when it answers "where are you?"', () => {
    expect(extractNation('Reading')).toBeUndefined();
    expect(extractNation('Reading', { expected: true })).toEqual({ nation: 'england', place: 'Reading' });
  });

  it('ships a gazetteer with its source and licence, and rejects an alias to nowhere', () => {
    expect(gazetteerJson.sources.find((source) => source.part === 'places')?.licence).toMatch(/CC BY 4\.0/);
    const places = Object.values(gazetteerJson.places).reduce((sum, nation) => sum + nation.major.length + nation.minor.length, 0);
    expect(places).toBeGreaterThan(4000);
    expect(() => parseGazetteer({ ...gazetteerJson, aliases: { Atlantis: 'Lost City' } })).toThrow(/Atlantis/);
  });
});

describe('extractAge', () => {
  it.each([
    ['44', 44, '35_plus', false],
    ['im 15', 15, 'under_18', true],
    ["I'm 18 now", 18, '18_to_34', false],
    ['sixteen', 16, 'under_18', true],
    ['im sixteen', 16, 'under_18', true],
    ['forty four', 44, '35_plus', false],
    ['forty-four', 44, '35_plus', false],
    ['I am 34', 34, '18_to_34', false],
    ['35', 35, '35_plus', false],
    ['aged 62', 62, '35_plus', false],
    ['16 years old', 16, 'under_18', true],
    ['15yo', 15, 'under_18', true],
    ['just turned 18', 18, '18_to_34', false],
    ['nearly 18', 17, 'under_18', true],
    ["I'll be 18 in May", 17, 'under_18', true],
    ['im 15 and its been 6 months', 15, 'under_18', true],
    ['17 lol', 17, 'under_18', true],
    ['I turn 18 next month', 17, 'under_18', true],
    ['22, in brighton', 22, '18_to_34', false],
    ['15 and i feel low all the time', 15, 'under_18', true],
    ['34 f from leeds', 34, '18_to_34', false],
    ['wait no im actually 17', 17, 'under_18', true],
    ['sorry im really 16', 16, 'under_18', true],
    ['im17', 17, 'under_18', true],
    // A greeting, then the age, a place and more about themselves.
    ['hiya, 27 cardiff, feeling flat since the baby', 27, '18_to_34', false],
    ['hello. 58 leeds and not sleeping', 58, '35_plus', false],
  ])('%s -> %s', (text, age, ageGroup, under18) => {
    expect(extractAge(text)).toEqual({ age, ageGroup, under18 });
  });

  it.each([
    ['under 18', 'under_18', true],
    ['im in year 10', 'under_18', true],
    ['still at school', 'under_18', true],
    ['in my forties', '35_plus', false],
    ['early thirties', '18_to_34', false],
    ['retired', '35_plus', false],
    ['over 65', '35_plus', false],
    ['mid 40s', '35_plus', false],
  ])('%s -> band %s', (text, ageGroup, under18) => {
    expect(extractAge(text)).toEqual({ ageGroup, under18 });
  });

  it.each(['planning a pshe lesson for year 11', 'my son is in year 9', 'she is a teenager', 'im a teacher at a secondary school'])(
    'a school year or "teenager" about someone else is not the writer\'s age: %s',
    (text) => {
      expect(extractAge(text)).toBeUndefined();
    },
  );

  it.each(['since year 9 started', 'ever since secondary school', 'its been like this since sixth form'])(
    'a school year that dates when something began is not the writer\'s age: %s',
    (text) => {
      expect(extractAge(text)).toBeUndefined();
    },
  );

  it.each([
    'i used to self harm when i was at school, that was years ago and im ok now',
    'i was bullied badly in secondary school and it still affects my friendships',
    'back in sixth form i had a really rough time',
    'when i were in year 9 my parents split up',
  ])('school said of the past is where the writer was then, not their age now: %s', (text) => {
    expect(extractAge(text)).toBeUndefined();
  });

  it.each(['im still at school and my mum doesnt know', 'i was at school today and had a panic attack', 'im in year 11'])(
    'school now still says under 18: %s',
    (text) => {
      expect(extractAge(text)).toEqual({ ageGroup: 'under_18', under18: true });
    },
  );

  it('a school year said before a "since" clause is still the writer\'s', () => {
    expect(extractAge('im in year 10 and its been like this since christmas')).toEqual({ ageGroup: 'under_18', under18: true });
  });

  it('reads "over 18" as an adult with no band', () => {
    expect(extractAge("I'm over 18")).toEqual({ under18: false });
  });

  it.each(['about 6 months', 'for 2 years', 'I have 2 kids', 'since 2019', 'i am 100% sure', 'session 3', 'a couple of weeks', 'im 20 weeks pregnant', 'yes', '3 and a half months', 'hi 40 reading the leaflet now', 'hey 12 weeks in leeds'])(
    'finds no age in %s',
    (text) => {
      expect(extractAge(text)).toBeUndefined();
    },
  );
});

describe('extractDuration', () => {
  it.each([
    ['since June', 'months', 6.5],
    ['since june', 'months', 6.5],
    ['about 6 months', 'months', 6],
    ['6mths', 'months', 6],
    ['a couple of weeks', 'weeks', 0.5],
    ['couple weeks', 'weeks', 0.5],
    ['a few weeks now', 'weeks', 0.8],
    ['2 yrs', 'years', 24],
    ['a year and a half', 'years', 18],
    ['about a year', 'years', 12],
    ['a fortnight', 'weeks', 0.5],
    // Christmas is the 25th: on 6 December it is still to come, so it means last year's.
    ['since Christmas', 'months', 11.4],
    ['since last christmas', 'months', 11.4],
    ['been like this since xmas last year', 'months', 11.4],
    ['since 2019', 'years', 95.5],
    ['since the summer', 'months', 6.5],
    ['since March 2025', 'years', 21.5],
    ['three months', 'months', 3],
    ['18 months', 'years', 18],
    ['lost my job in jan and havent felt right since', 'months', 11.5],
    ['im 52, in swansea, lost my job in jan and havent felt right since', 'months', 11.5],
    ['my dad died in march and ive been low ever since', 'months', 9.5],
    ['we moved back in the summer, been lonely since then', 'months', 6.5],
  ])('%s -> %s (%s months)', (text, bucket, months) => {
    expect(extractDuration(text, NOW)).toEqual({ bucket, months });
  });

  // A named day already past this year is this year's: a few days after Christmas, it is weeks.
  it.each([
    ['since xmas', new Date(2026, 11, 29), 'weeks'],
    ['since crimbo', new Date(2027, 0, 20), 'weeks'],
    ['lost my job at christmas and been low ever since', new Date(2027, 1, 10), 'weeks'],
    ['since christmas', new Date(2027, 5, 1), 'months'],
    ['since new year', new Date(2026, 11, 6), 'months'],
  ])('%s on %s -> %s', (text, today, bucket) => {
    expect(extractDuration(text, today)?.bucket).toBe(bucket);
  });

  it.each([
    ['ages', 'years'],
    ['for ages tbh', 'years'],
    ['as long as i can remember', 'years'],
    ['since i was a kid', 'years'],
    ['since i was 12', 'years'],
    ['for months', 'months'],
    ['a while now', 'months'],
    ['only recently', 'weeks'],
    ['since last week', 'weeks'],
  ])('%s -> %s', (text, bucket) => {
    expect(extractDuration(text, NOW)).toEqual({ bucket });
  });

  it.each([
    ['since my mum died', 'my mum died'],
    ['ever since the baby was born', 'the baby was born'],
    ['since the divorce', 'the divorce'],
  ])('%s -> since an event', (text, since) => {
    expect(extractDuration(text, NOW)).toEqual({ since });
  });

  // A unit with only hedges round it is a short answer: one of that unit.
  it.each([
    ['yr probably', 'years', 12],
    ['month or so', 'weeks', 1],
    ['week i reckon', 'weeks', 0.3],
    ['the past year ish', 'years', 12],
  ])('%s -> %s (%s months)', (text, bucket, months) => {
    expect(extractDuration(text, NOW)).toEqual({ bucket, months });
  });

  it.each(['44', 'im 15', 'im 15 years old', 'yes', 'I live in Cardiff', 'what is IPT', 'my nan died in march', 'in may i felt fine but not since', 'last year', 'year 9', 'what year'])('finds no duration in %s', (text) => {
    expect(extractDuration(text, NOW)).toBeUndefined();
  });
});

describe('a place said as "X here", and a place only compared with', () => {
  it.each([
    ['newry here, how would i get ipt', 'northern_ireland'],
    ['swansea way, is there a wait', 'wales'],
  ])('%s -> %s', (text, nation) => {
    expect(extractNation(text)?.nation).toBe(nation);
  });

  it.each(['can i just refer myself like in england', 'is it quicker than in scotland', 'unlike england do we need a gp'])('%s names nowhere the person is', (text) => {
    expect(extractNation(text)).toBeUndefined();
  });
});

describe('an island is lived "on"', () => {
  it.each([
    ['on skye, is there anyone who does ipt', 'scotland'],
    ['we live on anglesey, how long is the wait', 'wales'],
    ['im on orkney', 'scotland'],
  ])('%s -> %s', (text, nation) => {
    expect(extractNation(text)?.nation).toBe(nation);
  });

  // "on" is too loose for everyday words or in the middle of a message.
  it.each(['im on reading week', 'on monday i felt awful', 'i read a blog on hope'])('%s names no place', (text) => {
    expect(extractNation(text)).toBeUndefined();
  });
});

describe('a postcode is not an age, and letters with a number in a sentence are not a postcode', () => {
  it.each(['near bt7 now', 'im in CF10 now'])('"%s" holds no age', (text) => {
    expect(extractAge(text)).toBeUndefined();
  });

  it.each(['low on b12 vitamins', 'M8 how r u', 'got an A1 in maths'])('"%s" names no place', (text) => {
    expect(extractNation(text)).toBeUndefined();
  });
});

describe("a place that is someone else's", () => {
  it.each(['my brother in london got it straight away', 'is it different for me, my mum lives in glasgow', 'my best mate from leeds said its good', 'cant i do it like ma sister did up in dundee'])(
    '%s names nowhere the person is',
    (text) => {
      expect(extractNation(text)).toBeUndefined();
    },
  );

  it.each([
    ['me and my mum live in hull', 'england'],
    ['my partner and i are in aberdeen', 'scotland'],
    ['im in newport but my sister lives in derby', 'wales'],
    ['i live with my dad in swansea', 'wales'],
  ])('%s -> %s', (text, nation) => {
    expect(extractNation(text)?.nation).toBe(nation);
  });
});

describe('every place name is read, however many words it has', () => {
  // Names are looked up only while the words may still start one: each real name, said after a
  // cue and followed by more words, must still be found whole (not as a shorter name inside it).
  const g = parseGazetteer(gazetteerJson);
  const multiWord = [...g.names.entries()].filter(([name, entry]) => name.includes(' ') && entry.cue < 2);

  it('has names of several words to check', () => {
    expect(multiWord.length).toBeGreaterThan(20);
  });

  it('finds each one whole after "I live in", with words after it', () => {
    const wrong = multiWord.filter(([name, entry]) => {
      const found = extractNation(`I live in ${name} with my family`);
      return found?.nation !== entry.nation || (entry.place !== undefined && found.place !== entry.place);
    });
    expect(wrong.map(([name]) => name)).toEqual([]);
  });
});

describe('answers given as a list', () => {
  it.each([
    ['so here you go: 52, norwich, about a year now', '35_plus'],
    ['23, up in aberdeen, since the summer', '18_to_34'],
    ['16; cardiff; on and off for ages', 'under_18'],
  ])('a number on its own among other answers is the age: "%s"', (text, group) => {
    expect(extractAge(text)?.ageGroup).toBe(group);
  });

  it.each(['the fees were 40, 60, 90', 'sessions: 12, online, weekly', 'we got 2 cats, 3 kids, a dog'])('a list of other things gives no age: "%s"', (text) => {
    expect(extractAge(text)).toBeUndefined();
  });
});

describe('counties, regions and national parks people name', () => {
  it.each([
    ['we moved down to the west country', 'england'],
    ['small village on dartmoor', 'england'],
    ['i live out in rutland', 'england'],
    ['near the brecon beacons', 'wales'],
    ['crofting in caithness', 'scotland'],
  ])('"%s" is in %s', (text, nation) => {
    expect(extractNation(text)?.nation).toBe(nation);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectRisk, normaliseForRisk, sharedRiskDetector } from '../../src/safety/detectRisk';
import { compileLexicon, loadLexicon, wordBounded } from '../../src/safety/lexicon';
import { evaluateRiskSets, TARGET_MAX_FPR, type LabelledBenign, type LabelledNegated, type LabelledRisk } from '../../scripts/lib/riskEvaluation';
import { requiredWordClauses } from '../../src/safety/prefilter';
import { benchmarkDetectRisk } from '../../scripts/lib/benchmarkDetectRisk';
import type { RiskCategory } from '../../src/safety/types';

const EVAL_DIR = join(__dirname, 'eval');
function readJsonl<T>(name: string): T[] {
  return readFileSync(join(EVAL_DIR, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}
const risk = readJsonl<LabelledRisk>('risk.jsonl');
const benign = readJsonl<LabelledBenign>('benign.jsonl');
const negated = readJsonl<LabelledNegated>('negated.jsonl');

describe('evaluation sets (issue 3 targets)', () => {
  const report = evaluateRiskSets(risk, benign, negated);

  it('are big enough and cover every category', () => {
    expect(risk.length).toBeGreaterThanOrEqual(330);
    expect(benign.length).toBeGreaterThanOrEqual(330);
    const categories = new Set(risk.map((r) => r.category));
    for (const c of ['suicide', 'self_harm', 'medical', 'harm_to_others', 'abuse', 'danger']) expect(categories).toContain(c);
  });

  it('detects every risk message (recall 100%)', () => {
    expect(report.misses).toEqual([]);
    expect(report.recall).toBe(1);
  });

  it('flags at most 3% of benign messages', () => {
    expect(report.falsePositiveRate).toBeLessThanOrEqual(TARGET_MAX_FPR);
  });

  it('returns negated: true (never null) for every negation', () => {
    expect(report.negatedWrong).toEqual([]);
  });

  it('gets the category right for nearly all detected messages (reported, not a hard target)', () => {
    expect(report.categoryAccuracy).toBeGreaterThan(0.95);
  });
});

describe('normalisation', () => {
  it.each([
    ['kms', 'kill myself'],
    ['I wanna dieeeee', 'i want to die'],
    ['want 2 die', 'want to die'],
    ['suicidel', 'suicidal'],
    ['feeling sucidal', 'feeling suicidal'],
    ["I od'd last night", 'i overdosed last night'],
    ['I’m not OK!!!', 'i am not ok'],
    ['s*icide', 'suicide'],
    ['i want to kil my self', 'i want to kill myself'],
    ['took 2 tablets', 'took 2 tablets'],
    ["can't go on. i'm done", 'can not go on . i am done'],
    ['Self-harm', 'self harm'],
    // "HR" is the department; "hr" is an hour only after a count.
    ['I spoke to HR about it', 'i spoke to hr about it'],
    ['took them an hr ago', 'took them an hour ago'],
    ['3 hr wait', '3 hour wait'],
    ['an HR adviser', 'an hr adviser'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseForRisk(input)).toBe(expected);
  });
});

type Case = [string, RiskCategory];

describe('detects risk, including misspellings and text-speak', () => {
  it.each<Case>([
    ['kms', 'suicide'],
    ['kys', 'suicide'],
    ['i want to unalive myself', 'suicide'],
    ['want 2 die', 'suicide'],
    ['i wanna dieeee', 'suicide'],
    ['suicidel thoughts', 'suicide'],
    ['thinking about sucide', 'suicide'],
    ["od'd on my tablets", 'medical'],
    ['I want to end my life', 'suicide'],
    ['everyone would be better off without me', 'suicide'],
    ['I wish I could go to sleep and not wake up', 'suicide'],
    ['this is goodbye', 'suicide'],
    ['I have been giving away my things because I will not need them much longer', 'suicide'],
    ['I am such a burden to everyone', 'suicide'],
    ['how many paracetamol would be fatal', 'suicide'],
    ['what is the tallest bridge near me', 'suicide'],
    ['I cut myself again last night', 'self_harm'],
    ['I took 30 paracetamol an hour ago', 'medical'],
    ['I keep having thoughts of hurting my baby', 'harm_to_others'],
    ['my partner hits me', 'abuse'],
    ['he checks my phone and controls my money', 'abuse'],
    ['help now', 'danger'],
    ['crisis', 'danger'],
    ['emergency', 'danger'],
    ['samaritans number', 'danger'],
    ['I need help right now', 'danger'],
  ])('%s -> %s', (text, category) => {
    const result = detectRisk(text);
    expect(result).not.toBeNull();
    expect(result?.negated).toBe(false);
    expect(result?.category).toBe(category);
  });

  it('finds risk in the middle of a long message', () => {
    const text =
      'Hi, I was reading about interpersonal therapy and the four focus areas. My GP mentioned it last week. ' +
      'Things at home are hard and honestly I keep thinking everyone would be better off if I was not here. ' +
      'Anyway, how long is the waiting list in Leeds and can I self refer?';
    expect(detectRisk(text)).toMatchObject({ category: 'suicide', negated: false });
  });

  it('reports immediate risk as immediate', () => {
    expect(detectRisk('I am going to kill myself tonight')).toMatchObject({ category: 'suicide', severity: 'immediate' });
    expect(detectRisk('I have taken an overdose')).toMatchObject({ category: 'medical', severity: 'immediate' });
  });

  it('returns rule ids, never the user text', () => {
    const result = detectRisk('I want to die, my name is Sam Smith');
    expect(result?.matched.length).toBeGreaterThan(0);
    for (const id of result?.matched ?? []) expect(id).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });
});

describe('does not fire on figures of speech, grief, medication or conflict', () => {
  it.each([
    'my feet are killing me',
    'I could murder a tea',
    "I'm dying to know how IPT works",
    'my phone died',
    "I'd rather die than sing karaoke",
    'this traffic is killing me',
    'that joke killed me',
    'since my mum died I cry every day',
    'my husband passed away last year',
    'grieving my dad who died by suicide',
    'I take sertraline',
    'can I have IPT while on antidepressants',
    'we argue all the time',
    'my mum will kill me if I am late',
    'I cut myself shaving',
    'ok thanks, goodbye',
    'help',
  ])('%s -> null', (text) => {
    expect(detectRisk(text)).toBeNull();
  });
});

describe('a person speaking about their own risk inside grief or an idiom is still caught', () => {
  it.each<Case>([
    ['since my mum died I want to die too', 'suicide'],
    ['my dad died by suicide and now I keep thinking about killing myself', 'suicide'],
    ['my feet are killing me and honestly I want to end it all', 'suicide'],
    ["I'd rather die than go on living like this", 'suicide'],
    ['my husband passed away and I have taken all my tablets', 'medical'],
  ])('%s -> %s', (text, category) => {
    expect(detectRisk(text)).toMatchObject({ category, negated: false });
  });
});

describe('negation', () => {
  it.each<Case>([
    ["I'm not suicidal, just sad", 'suicide'],
    ["I'd never hurt myself", 'self_harm'],
    ["I'm not going to kill myself", 'suicide'],
    ['no suicidal thoughts, just tired', 'suicide'],
  ])('%s -> negated check-in, never null', (text, category) => {
    expect(detectRisk(text)).toEqual(expect.objectContaining({ category, severity: 'concern', negated: true }));
  });

  it.each([
    "I'm lonely but I'm not in any danger, I just need someone to talk to.",
    "Not in danger or anything, just need to talk it through",
    'i dont feel unsafe, there is no emergency, i just want to ask about waiting times',
  ])('%s -> null: a danger word said only to deny it is the person saying they are safe', (text) => {
    expect(detectRisk(text)).toBeNull();
  });

  it.each([
    "I'm not in danger but I want to die",
    "I'm not in any danger from him, but my sister is, he has a knife",
  ])('%s -> still risk when something else is said', (text) => {
    expect(detectRisk(text)).toMatchObject({ negated: false });
  });

  it.each([
    "I don't want to live anymore",
    "I don't want to wake up tomorrow",
    "I can't go on",
    "I'm not ok and I want to die",
    "I'm not suicidal but I wish I wasn't here",
    "not gonna lie, I want to kill myself",
    "I can't stop thinking about killing myself",
  ])('%s -> risk, not negation', (text) => {
    expect(detectRisk(text)).toMatchObject({ negated: false });
  });
});

describe('several categories: the most urgent wins', () => {
  it('prefers immediate over concern and medical over self-harm', () => {
    expect(detectRisk('I cut too deep and it will not stop bleeding')).toMatchObject({ category: 'medical', severity: 'immediate' });
    expect(detectRisk('I want to kill myself, what is the samaritans number')).toMatchObject({ category: 'suicide' });
  });
});

describe('locale fallback: detection never skipped', () => {
  it.each(['fr-FR', 'en-US', 'en', 'EN-gb', 'xx', '', undefined])('locale %p still detects', (locale) => {
    expect(detectRisk('I want to kill myself', locale)).toMatchObject({ category: 'suicide' });
    expect(detectRisk('my feet are killing me', locale)).toBeNull();
  });

  it('lists en-GB as supported', () => {
    expect(sharedRiskDetector().locales).toContain('en-GB');
  });
});

describe('input edge cases', () => {
  it.each(['', '   ', '!!!', '😀😀'])('%p -> null', (text) => {
    expect(detectRisk(text)).toBeNull();
  });

  it('handles a very long paste with risk at the end without throwing', () => {
    const text = `${'I have been reading about therapy. '.repeat(400)}I want to die.`;
    expect(detectRisk(text)).toMatchObject({ category: 'suicide' });
  });
});

describe('lexicon file', () => {
  it('every rule has an id, category, severity, note and patterns, and ids are unique', () => {
    const raw = JSON.parse(readFileSync(join(__dirname, '../../locales/en-GB/risk-lexicon.json'), 'utf8')) as {
      rules: { id: string; note: string; patterns: string[] }[];
    };
    const ids = raw.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of raw.rules) {
      expect(r.note.length).toBeGreaterThan(0);
      expect(r.patterns.length).toBeGreaterThan(0);
    }
  });

  it('rejects a broken lexicon at load time with the rule id', () => {
    const raw = JSON.parse(readFileSync(join(__dirname, '../../locales/en-GB/risk-lexicon.json'), 'utf8')) as { rules: { id: string; patterns: string[] }[] };
    raw.rules[0].patterns = ['(unclosed'];
    expect(() => compileLexicon(raw, 'test')).toThrow(raw.rules[0].id);
  });
});

describe('word prefilter is sound', () => {
  it('proves whole words only', () => {
    expect(requiredWordClauses('want to die')).toEqual([['want'], ['die']]);
    expect(requiredWordClauses('pills?')).toBeNull();
    expect(requiredWordClauses('kill(?:ing)? myself')).toEqual([['myself']]);
    expect(requiredWordClauses('selfharm[a-z]*')).toBeNull();
  });

  it('needs a word from every part of a sequence, and skips clauses of stop words', () => {
    expect(requiredWordClauses('(?:i|he) (?:just )?(?:took|swallowed) (?:pills|tablets)')).toEqual([
      ['pills', 'tablets'],
      ['swallowed', 'took'],
    ]);
    // An optional group ending in a space still leaves the next word whole, matched or not.
    expect(requiredWordClauses('(?:so |really )?suicidal')).toEqual([['suicidal']]);
    // Not so when the optional group ends inside a word.
    expect(requiredWordClauses('(?:un)?alive')).toBeNull();
    // Nor when the next group may start with an optional space ("brifor babi" is "brifo" + "r").
    expect(requiredWordClauses('(?:ofn|poeni) (?:brifo|niweidio)(?: ?r| y)? ?(?:babi|plentyn)')).toEqual([['ofn', 'poeni']]);
  });

  it('never skips a rule pattern or a mask that matches an eval message', () => {
    const lex = loadLexicon('en-GB');
    const texts = [...risk, ...benign, ...negated].map((x) => normaliseForRisk(x.text));
    const check = (what: string, regex: RegExp, clauses: readonly (readonly string[])[] | null): void => {
      if (clauses === null) return;
      for (const t of texts) {
        regex.lastIndex = 0;
        const m = regex.exec(t);
        regex.lastIndex = 0;
        if (m === null) continue;
        const tokens = new Set(m[0].split(' '));
        const ok = clauses.every((clause) => clause.some((w) => tokens.has(w)));
        expect({ what, ok }).toEqual({ what, ok: true });
      }
    };
    for (const p of lex.patterns) check(p.rule.id, p.regex, lex.ruleFilter.clauses[p.index]);
    lex.maskSources.forEach((source, i) => check(`mask ${i}`, new RegExp(wordBounded(source), 'g'), lex.maskFilter.clauses[i]));
  });
});

describe('spelling correction budget', () => {
  it('corrects at most 64 new words a message, and a word skipped once is corrected next time', () => {
    const madeUp = Array.from({ length: 70 }, (_, i) => `zzq${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x`);
    // A misspelling in no training line: preparing the backstop's training data corrects (and
    // remembers) every word it holds, so such a word is never new here.
    const long = normaliseForRisk(`${madeUp.join(' ')} thraetens`);
    expect(long.endsWith(' thraetens')).toBe(true);
    expect(normaliseForRisk('he thraetens me')).toBe('he threatens me');
  });
});

describe('benchmark helper', () => {
  it('returns finite figures', () => {
    const r = benchmarkDetectRisk(['hello', 'I want to die'], 2);
    expect(Number.isFinite(r.meanMicros)).toBe(true);
    expect(Number.isFinite(r.p99Micros)).toBe(true);
  });
});

describe('general questions about IPT are not disclosures, but a person’s own words are', () => {
  it.each(['Can IPT help people who self-harm?', 'is IPT suitable for someone with suicidal thoughts'])('%s -> null', (text) => {
    expect(detectRisk(text)).toBeNull();
  });
  it.each(['Can IPT help with my self-harm?', 'can IPT help people who self-harm like me?'])('%s -> self_harm', (text) => {
    expect(detectRisk(text)).toMatchObject({ category: 'self_harm', negated: false });
  });
});

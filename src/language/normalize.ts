/**
 * Light, deterministic clean-up applied before both training and recognition. nlp.js already
 * lower-cases, strips accents and stems; this only folds spellings it cannot know about, so that
 * "i.p.t", "I.P.T." and "ipt" become one feature and common typos reach a known word.
 */

// Misspellings seen in how people type about therapy. Keys are whole lower-case tokens.
const SPELLING: Readonly<Record<string, string>> = {
  theraphy: 'therapy',
  therepy: 'therapy',
  thearpy: 'therapy',
  therapie: 'therapy',
  councelling: 'counselling',
  counseling: 'counselling',
  councilling: 'counselling',
  interpersonel: 'interpersonal',
  iterpersonal: 'interpersonal',
  interpesonal: 'interpersonal',
  interpersnal: 'interpersonal',
  intrapersonal: 'interpersonal',
  psycotherapy: 'psychotherapy',
  phsychotherapy: 'psychotherapy',
  pyschotherapy: 'psychotherapy',
  referal: 'referral',
  refferal: 'referral',
  referall: 'referral',
  effectivness: 'effectiveness',
  efective: 'effective',
  greif: 'grief',
  greiving: 'grieving',
  disputs: 'disputes',
  sesions: 'sessions',
  sessons: 'sessions',
  seesions: 'sessions',
  privat: 'private',
  privatly: 'privately',
  anxeity: 'anxiety',
  anxiaty: 'anxiety',
  depresion: 'depression',
  depresssion: 'depression',
  wat: 'what',
  wot: 'what',
  whats: "what's",
  u: 'you',
  ur: 'your',
  r: 'are',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  ty: 'thanks',
  iapt: 'nhs talking therapies',
};

/**
 * Words people add for tone ("what actually is ipt", "does it even work", "tbh"): they carry no
 * meaning for which question was asked, and the few phrasings that contain them would otherwise
 * pull a question towards whichever answer happened to be phrased that way.
 */
const FILLERS: ReadonlySet<string> = new Set(['actually', 'basically', 'literally', 'honestly', 'tbh', 'exactly', 'even']);

/**
 * A formal or older voice wraps the question in courtesy ("I should be grateful if you could tell
 * me whether ...", "Please could you tell me how ...", "May I ask if ...", "I wonder whether ..."):
 * the wrapper says nothing about which question is asked, and its words ("could", "grateful")
 * pulled such messages towards the suitability check. Taken off where a sentence opens.
 */
const COURTESY_OPENING = new RegExp(
  String.raw`(^|[.?!]\s+)(?:` +
    [
      String.raw`(?:i|we)(?: should| would|'d) be (?:very |most |so )?(?:grateful|obliged|pleased|glad) if you (?:could|would|can) (?:please |kindly )?`,
      String.raw`(?:would|could) you be so kind as to `,
      String.raw`(?:please )?(?:would|could|can) you (?:please |kindly )+`,
      String.raw`please (?:would|could|can) you `,
      String.raw`(?:may|might|can) i (?:please )?(?:ask|enquire|inquire)(?: of you)?,? `,
      String.raw`i (?:was |am |'m )?wonder(?:ing|ed)?,? `,
      String.raw`i(?: would|'d) (?:like|love) to (?:know|ask),? `,
      'kindly ',
    ].join('|') +
    String.raw`)(?:(?:tell|let) me(?: know)?,? |advise(?: me)?,? |explain(?: to me)?,? |confirm,? |inform me,? )?(?:whether |if )?`,
  'g',
);

/** Formal words for what people usually say plainly ("be of assistance", "telephone", "shall"). */
const PLAIN_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bbe of (?:any |some |much )?(?:help|assistance|benefit|use)\b/g, 'help'],
  [/\bassistance\b/g, 'help'],
  [/\bbeneficial\b/g, 'helpful'],
  [/\bshall\b/g, 'will'],
  [/\b(?:obliged|required|expected) to\b/g, 'have to'],
  [/\bpermitted to\b/g, 'allowed to'],
  [/\bone's\b/g, 'my'],
  [/\btelephone\b/g, 'phone'],
  [/\bnational health service\b/g, 'nhs'],
  [/\bnational institute (?:for|of) health and (?:care|clinical) excellence\b/g, 'nice'],
  [/\bgeneral practitioner\b/g, 'gp'],
  [/\b(?:free of charge|without (?:any )?charge|at no cost)\b/g, 'free'],
  [/\baccompany\b/g, 'come with'],
  [/\battend\b/g, 'come'],
  [/\b(?:might|may) (i|we|my|she|he|they|one)\b/g, 'can $1'],
  [/\bpassed (?:away|on)\b/g, 'died'],
  [/\bupbringing\b/g, 'childhood'],
  [/\b(?:enquire|inquire)\b/g, 'ask'],
  [/\binform (?:you|them) of\b/g, 'tell you'],
  [/\b(?:regarding|concerning)\b/g, 'about'],
  [/\bprior to\b/g, 'before'],
  [/\bcommence\b/g, 'start'],
];

/** A formal voice in everyday words: courtesy openings taken off, formal words made plain. */
export function plainVoice(lowerCased: string): string {
  let text = lowerCased.replace(COURTESY_OPENING, '$1');
  for (const [formal, plain] of PLAIN_WORDS) text = text.replace(formal, plain);
  return text;
}

/**
 * The form both the recogniser and the question matcher read a message in. Pure: a caller that
 * needs it more than once keeps it (the local recogniser normalises a message once per turn).
 */
export function normalizeUtterance(text: string): string {
  const folded = plainVoice(text.toLowerCase().normalize('NFKC').replace(/[‘’`]/g, "'"))
    // "i.p.t", "i.p.t." and "i p t" are all the acronym.
    .replace(/\bi\s*\.\s*p\s*\.\s*t\b\.?/g, 'ipt')
    .replace(/\bi p t\b/g, 'ipt')
    // Voice typing hears the letters as words: "i p tea", "eye pee tee".
    .replace(/\b(?:i|eye)[\s.]+(?:p|pee)[\s.]+(?:tea|tee)\b/g, 'ipt')
    .replace(/\binter personal\b/g, 'interpersonal')
    // "refer my self": one word, so it meets "myself" in the phrasings.
    .replace(/\b(my|your|them)\s+(self|selves)\b/g, '$1$2')
    // "self-referral" is the same act as "self refer", not the "referral" of what happens after it.
    .replace(/\bself[\s-]*referr?(?:al|als|ing|ed|s)?\b/g, 'selfrefer');
  return folded
    .split(/\s+/)
    .filter((token) => token.length > 0 && !FILLERS.has(token.replace(/[^\p{L}]+/gu, '')))
    .map((token) => {
      const bare = token.replace(/^[^\p{L}\p{N}£]+|[^\p{L}\p{N}']+$/gu, '');
      const fixed = SPELLING[bare];
      return fixed ? token.replace(bare, fixed) : token;
    })
    .join(' ');
}

/**
 * Questions about how the guide itself handles risk ("what do you do if someone says they're
 * suicidal?", "if I told you I was in danger, would you call the police?", "does this chat tell
 * anyone if I mention self-harm?"). Risk words inside such a question's "if ... says" clause are
 * talk about the subject, answered like work or study talk: the answer with a short line of routes.
 * Risk words anywhere else in the message ("I want to die. What do you do if someone says that?")
 * are the person speaking of themselves, and count as usual. Pure; reads the normaliser's output
 * (lower-case ASCII words, " . " between sentences).
 */

const GUIDE = '(?:you|this chat|the chat|this chatbot|the chatbot|chatbot|this bot|the bot|this service|the service|this app|the app|this site|the site|this website|the guide|this guide|it)';

/** "will you tell", "does it call": what the guide would do, and to whom. */
const GUIDE_ACTS = `(?:will|would|do|does|can|could|did) ${GUIDE} (?:ever |still |automatically )?(?:have to |need to |then |just )?(?:keep|store|delete|judge|tell|call|contact|report|inform|ring|send|alert|pass|share|check|flag|notify|phone|read|save|record|screen|monitor|get|give)`;

/** "are you allowed to talk about ...", "is the bot able to deal with ...": what the guide may talk about. */
const RULES_ASK = `(?:are|is) ${GUIDE} (?:even |actually |really )?(?:allowed|able|meant|supposed|programmed|trained|set up|designed|built) to (?:talk about|chat about|discuss|deal with|handle|respond to|help with|cope with|mention)`;
const RULES_ASK_ALL = new RegExp(`(?:^| )${RULES_ASK}(?= |$)`, 'g');

/**
 * The guide named as a thing ("how does this chatbot decide when to give out crisis numbers"): the
 * rest of its sentence is about how it works. Not "you" or "it", which may be anyone ("what do you
 * do when you want to die").
 */
const GUIDE_THING = '(?:this chat|the chat|this chatbot|the chatbot|chatbot|this bot|the bot|this service|the service|this app|the app|this site|the site|this website|the guide|this guide)';
const HOW_GUIDE_DECIDES = `(?:how|when|why|what) (?:do|does|would|will|did|should|can) ${GUIDE_THING} (?:actually |really |even )?(?:decide|choose|know|work out|pick|handle|respond to|react to|deal with|cope with)`;
const HOW_GUIDE_DECIDES_ALL = new RegExp(`(?:^| )${HOW_GUIDE_DECIDES}(?= |$)`, 'g');

/** The message asks what the guide does, would do, or who it tells. */
const ASKS_ABOUT_GUIDE = new RegExp(
  [
    `(?:what|how) (?:do|would|will|does|did|should|can) ${GUIDE} (?:actually |really |even |then )?(?:do|react|respond|handle|say|reply|deal|decide|choose|know|work out|cope)`,
    RULES_ASK,
    HOW_GUIDE_DECIDES,
    'what (?:happens|would happen|will happen|then)',
    GUIDE_ACTS,
    `how (?:it|this|this chat|the chat|the bot|this bot|that) works`,
  ]
    .map((alt) => `(?:^| )${alt}(?= |$)`)
    .join('|'),
);

const GUIDE_ACTS_ALL = new RegExp(`(?:^| )${GUIDE_ACTS}(?= |$)`, 'g');

/**
 * "can you call 999 for me if i ask? just curious": the guide's act asked about as a case, not a
 * plea, so the act's own words ("call 999") are part of the question too.
 */
const ASKED_AS_A_CASE = /(?:^| )(?:if i (?:ask|asked|asked you|needed|need|needed you|wanted|want|wanted you|said so)|just curious|out of curiosity|hypothetically|in theory|just wondering how|how (?:it|that|this) works)(?= |$)/;

/** "if someone says", "if i told you", "when a child types": what may follow is reported, not said. */
const REPORTING_CLAUSE = new RegExp(
  '(?:^| )(?:if|when|once|whenever|say|suppose|supposing|imagine)(?: (?:ever|say))? (?:someone|somebody|anyone|anybody|a person|a user|users|people|a child|a kid|a young person|a teenager|a pupil|a student|i|my [a-z]+)(?: ever| were to| was to| did)? (?:says|say|said|tells|tell|told|mentions|mention|mentioned|types|type|typed|writes|write|wrote|admits|admit|admitted|talks about|talk about|reports|report|discloses|disclose|disclosed|puts|put|messages|message)(?: (?:to )?(?:you|this chat|the chat|the bot|this bot|it|something like|that|like))*(?= |$)',
  'g',
);

/** Where the reported words end and the writer's own begin ("... kill myself, because i do"). */
const OWN_WORDS = / (?:\.|because|cos|cause|as|since|which|and i|but i)(?= |$)/g;
/** "... because i do", "and i am": the writer says the reported words are their own. */
const SAYS_OWN = /^ (?:because|cos|cause|as|since|which|and|but) (?:i|that is what i|that is how i)(?: really| actually| honestly)? (?:do|am|have|feel|want|will|might|could)(?= |$)/;
/** "i mean it", "bc i am", "not joking": anywhere in the message, the writer owns the words they asked about. */
const CLAIMS_OWN = /(?:^| )(?:i (?:really |do )?mean it|i am (?:being )?(?:serious|deadly serious)|not (?:joking|kidding)|no joke|for real|(?:because|bc|cos|coz|cuz|cause) i (?:am|do|have|want|feel)(?! (?:writing|drafting|doing|making|putting|preparing|planning|designing|building|testing|reviewing|researching|updating|running|curious|interested|nosy|new|studying|training|working on)(?= |$))|i am though|i do though|i have though|asking for (?:me|myself)|(?:that is|that s) (?:me|how i feel|what i want)|(?:that is|that s) every (?:night|day) for me)(?= |$)/;
/** A time of its own says it happened ("if i told you i took them an hour ago"): not a question about the subject. */
const HAPPENED = /(?:^| )(?:right now|now|tonight|today|this morning|last night|just now|an hour ago|(?:a few|two|three|[0-9]+) (?:hours|minutes|mins) ago|already)(?= |$)/;

/** [start, end) spans of the text inside a reporting clause of a question about the guide. */
export function guideQuestionSpans(text: string): Array<[number, number]> {
  if (!ASKS_ABOUT_GUIDE.test(text) || CLAIMS_OWN.test(text)) return [];
  const spans: Array<[number, number]> = [];
  // What follows "if someone says", and the question's own words ("does it give a helpline or call
  // the police?"), up to where the writer's own words begin.
  const asCase = ASKED_AS_A_CASE.test(text);
  for (const clause of [REPORTING_CLAUSE, GUIDE_ACTS_ALL, RULES_ASK_ALL, HOW_GUIDE_DECIDES_ALL]) {
    clause.lastIndex = 0;
    for (let m = clause.exec(text); m !== null; m = clause.exec(text)) {
      // A question about what the guide may talk about or how it decides, or its act asked about as
      // a case ("can you call 999 for me if i ask?"), holds the risk words in its own words too.
      const whole = clause === RULES_ASK_ALL || clause === HOW_GUIDE_DECIDES_ALL || (clause === GUIDE_ACTS_ALL && asCase);
      const from = whole ? m.index : m.index + m[0].length;
      OWN_WORDS.lastIndex = from;
      const stop = OWN_WORDS.exec(text)?.index ?? text.length;
      if (!HAPPENED.test(text.slice(from, stop)) && !SAYS_OWN.test(text.slice(stop))) spans.push([from, stop]);
    }
    clause.lastIndex = 0;
  }
  OWN_WORDS.lastIndex = 0;
  return spans;
}

/** Whether the words at `at` lie inside one of the spans. */
export function insideSpans(spans: ReadonlyArray<readonly [number, number]>, at: number): boolean {
  return spans.some(([from, to]) => at >= from && at < to);
}

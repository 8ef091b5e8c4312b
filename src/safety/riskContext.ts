/**
 * Who is at risk, when, and in what frame, read from the normalised text around the words that
 * raised the risk. Pure; works on the normaliser's output (lower-case ASCII words, " . " between
 * sentences, contractions expanded).
 *
 * - who: 'self' unless the risk is about someone else (a friend, partner, parent, pupil) - and for
 *   harm_to_others, who may be hurt. A child or an older person is named from the nearest word
 *   that says so ("my son", "a 15 year old", "my nan", "a care home resident").
 * - when: 'past' only when the message says the risk is past and over ("years ago", "well ever
 *   since") and nothing says it is back or happening now.
 * - frame: 'professional' when the words come as work or study (a student nurse, a dissertation,
 *   an HR policy, a lesson plan) and the risk words are not about the writer.
 */
import type { RiskCategory, RiskFrame, RiskWhen, RiskWho } from './types';

export interface RiskContext {
  who: RiskWho;
  when: RiskWhen;
  frame: RiskFrame;
}

const RELATION =
  '(?:flatmate|housemate|roommate|friend|mate|best friend|bestie|sister|brother|sibling|mum|mother|mam|dad|father|son|daughter|child|kid|partner|husband|wife|boyfriend|girlfriend|fiance|neighbour|colleague|coworker|co worker|workmate|boss|manager|employee|student|pupil|client|patient|resident|grandad|grandpa|grandfather|grandma|granny|grandmother|nan|nana|gran|uncle|aunt|auntie|cousin|niece|nephew|stepdad|stepmum|stepson|stepdaughter|teenager|teen|flat mate|team member|member of staff|staff member|caller|service user|lodger|carer|in law|father in law|mother in law|ex)';
const THIRD_PARTY = new RegExp(`(?:^| )(?:(?:my|our|a|her|his|their|the|this) (?:[a-z]+ )?${RELATION}s?|she|he|they|someone i (?:know|love|care for|work with|live with)|somebody i know|herself|himself|themselves|themself)(?= |$)`);
const FIRST_PERSON = /(?:^| )(?:i|me|myself|im|ive|my life|i am|mine)(?= |$)/;
// "grabbing me", "hit me", never "it stays with me" or "hard for me": those say how work feels.
const OBJECT_SELF = /(?:^| )(?<!(?:with|for|to|about|of|on) )(?:me|myself)(?= |$)/;
const FIRST_SUBJECT = /(?:^| )(?:i|im|ive|myself)(?= |$)/;
const TOLD_ME = /(?:^| )(?:told|tells|tell|telling|said to|say to|says to|asked|ask|asks|showed|show|texted|messaged|rang|confided in|come to|came to|comes to) me(?= |$)/g;

// A child named as someone's relation ("her son takes her pension") is not the one at risk.
const CHILD = /(?:^| )(?<!(?:her|his|their) )(?:son|sons|daughter|daughters|child|children|kid|kids|baby|babies|toddler|toddlers|newborn|pupil|pupils|schoolboy|schoolgirl|teenager|teenagers|teen|teens|boy|girl|stepson|stepdaughter|grandson|granddaughter|niece|nephew|little one|year (?:[1-9]|1[0-3]) (?:student|pupil|class)|(?:[1-9]|1[0-7]) (?:year old|yr old|your old|yo)|(?:lad|lass|boy|girl|kid|child) of (?:[1-9]|1[0-7]))s?(?= |$)/;
const OLDER = /(?:^| )(?:grandad|grandpa|grandfather|grandma|granny|grandmother|nan|nana|gran|elderly|pensioner|care home|nursing home|resident|(?:[7-9][0-9]|1[0-1][0-9]) (?:year old|yr old|your old|yo)|in (?:his|her|their) (?:seventies|eighties|nineties|70s|80s|90s)|older (?:man|woman|person|relative|parent|neighbour|lady|gentleman)|(?:she is|he is|shes|hes|aged|who is) (?:[7-9][0-9]|10[0-9])|(?:mum|mums|dad|dads|mother|mothers|father|fathers|parent|parents|nan|nans|gran|grans) (?:carer|carers|care worker|home help))s?(?= |$)/;

// Said as past and over: only these make a risk 'past'. Spans matched here (and the childhood
// markers below) are set aside before looking for signs of "now".
const PAST_OVER = new RegExp(
  [
    // "over a decade ago", "a decade ago": as long past as "years ago".
    '(?:years|yrs|decades|decade|a long time|ages|a lifetime) ago',
    '(?:been|am|have been|i am|felt|feel|i feel|i have felt|doing) (?:well|fine|ok|okay|safe|better|much better|recovered|stable|good|clean|free of it|in a (?:much |far |way |really |very |so )?(?:good|better|great|happier|safe|stable|healthy) place)(?: [a-z]+){0,2} (?:ever )?(?:since|for (?:over |more than |nearly |almost |well over )?(?:[a-z0-9]+ )?(?:years|year|months|decades|decade|a long time|ages|a while)|(?<!for )now)',
    '(?:he|she|they|i|we) (?:is|are|am|has been|have been) (?:fine|ok|okay|well|better|safe|healthy|recovered|fully recovered)(?: [a-z]+){0,2}(?:(?<! for) now| since| for (?:[a-z0-9]+ ){0,2}(?:years|year|months|decades|decade|ages|a while))',
    'ever since',
    '(?:and )?(?:i )?have been (?:for|since) (?:years|ages|a long time|months|then)',
    '(?:he|she|they|i|we) (?:was|were) (?:fine|ok|okay|alright|all right|back to normal)(?: [a-z]+){0,3}',
    '(?:have not|not|never) (?:self harmed|harmed myself|hurt myself|cut|cut myself|done it|felt like that|felt that way|tried again|relapsed|had those thoughts)(?: [a-z]+){0,3} (?:since|for|in) ',
    // "used to think about it every day at school": the habit is the past one, up to a turn back to now.
    // ("used to keep me locked in": keep is the habit's own verb there.)
    'used (?:to|2)(?= |$)(?: keep)?(?: (?!(?:and|but|now|again|recently|lately|these|keeps|keep|is|are|am|still|has|have)(?= |$))[a-z]+){0,8}',
    'there was a time(?: when)?',
    '(?:(?:a few|some|many|two|three|four|five|ten|[0-9]+) )?years back',
    // "stopped about 18 months ago", "clean 3 years in january": the harm ended, and when.
    '(?:stopped|quit|ended) (?:about |around |over |nearly |almost |more than )?(?:[a-z0-9]+ )(?:months|years|yrs) ago',
    'clean (?:for )?(?:over |nearly |almost |more than )?(?:[a-z0-9]+ )(?:years|yrs)',
    '(?:[a-z0-9]+ )?(?:years|months|weeks|days|year|month) (?:self harm|sh|cut|cutting|clean|sober|drug|drink) free(?: today| now)?',
    '(?:been|am|i am|have been) free (?:of|from) (?:it|him|her|them|that)(?: [a-z]+){0,2} (?:for|since)(?: [a-z0-9]+){1,3}',
    'in the past',
    // "a survivor of domestic abuse, out 4 years now": out of it, and for how long.
    '(?:a |am a |i am a )?survivor of (?:domestic abuse|abuse|domestic violence|sexual abuse|an attempt|a suicide attempt)',
    '(?<![a-z])(?:been )?out (?:of it |of there )?(?:for )?(?:over |nearly |about |almost )?(?:[a-z0-9]+ )(?:years|yrs|months)(?: now)?(?= |$)',
    // "been 3 years since I last did it", "it's been months since": the time since the last time.
    '(?<![a-z])(?:been|it has been|it is been|its been) (?:over |more than |nearly |almost |about |around |well over )?(?:[a-z0-9]+ ){1,2}(?:years|yrs|year|months|decades) since (?:i|he|she|they|we|it|the last)(?: last)?',
    // "bet free 2 years", "drink free for 18 months": the habit that went with it, and for how long.
    '(?<!(?:not|never) (?:been )?)[a-z]+ free (?:for )?(?:over |more than |nearly |almost |about )?(?:[a-z0-9]+ )(?:years|yrs|year|months)',
    // "what the form asks about past self-harm": a history, named as one.
    '(?:about|of|my|any|his|her|with|on) (?:past|previous|earlier|old|historic|historical) (?:self harm|self harming|suicide attempts?|attempts?|overdoses?|suicidal thoughts|cutting)',
    '(?:quit|stopped|gave up|packed in)(?: [a-z]+){0,3} (?:self harming|self harm|harming myself|cutting|burning myself|drinking|using|the drugs|drugs)',
    'that was (?:a long time ago|years ago|then|in the past)',
    'it is (?:all |long |well |far )?(?:behind me|in the past|over)(?: now)?',
    // "that is all firmly behind me now"
    '(?:it|that|this) is (?:all )?(?:firmly|well|long|far|now|safely|completely) (?:behind me|in the past)',
    // "clean of self-harm for eight years"
    '(?:been|am|i am|have been) clean (?:of|from) (?:[a-z]+ ){1,2}(?:for|since)(?: [a-z0-9]+){1,3}',
    // "long finished" only: "it is finished" alone can be a goodbye.
    'it is (?:long|well and truly|all long) (?:finished|over and done)',
    '(?:has not|have not|not|never) been (?:an issue|a problem|a thing|an issue for me|part of (?:my|his|her|their) life)(?: [a-z]+){0,2} (?:for|since|in)',
    // "has not come back in all the years since", "have not had them since": over, in so many words.
    '(?:has not|have not|had not|not|never) (?:come back|returned|had (?:them|it|any|those|that)|done (?:it|that))(?: [a-z]+){0,5} since',
    '(?:a long|some|long) time ago',
    // "they passed after a year of support", "that passed long ago": the thoughts, over.
    '(?:that|it|they|those thoughts|the thoughts|the feelings|those feelings|the urges) (?:passed|went away|eased|lifted|faded|stopped)(?: [a-z]+){0,2} (?:long ago|years ago|after (?:a|about a|around a|[a-z0-9]+) (?:year|years|months|while)|with (?:help|support|treatment|therapy))',
    // "Well for 12 years.", "stopped for 2 yrs now"
    '(?:^|\\. )(?:well|fine|safe|clean|ok|okay|sober) for (?:over |more than |nearly |almost )?(?:[a-z0-9]+ )(?:years|yrs|year|months|decades)',
    '(?:have|i have|i) stopped (?:for|since) (?:over |more than )?(?:[a-z0-9]+ )?(?:years|yrs|year|months|decades|(?:19|20)[0-9]{2})',
    // "no longer" says the harm is over ("no longer self-harm"), never "no longer want to live".
    'no longer (?:self harm|harm|hurt|cut|drink|use|take|feel (?:like that|that way|suicidal)|have (?:those|these|the|any) (?:thoughts|urges)|with (?:him|her|them)|in contact|live with|see (?:him|her|them)|an issue|a problem|a risk|at risk)',
    // "I left him", "I got out": leaving a person or a place, never "I left a note" or "left my tablets out".
    '(?<!(?:if|before|unless|until|when|since|ever since) )(?:i left (?:him|her|them|that (?:man|woman|relationship|marriage|house|place|job)|the (?:relationship|marriage|house|situation|area|job|army|forces)|home|my (?:husband|wife|partner|ex|boyfriend|girlfriend|abuser|marriage|relationship|dad|mum|father|mother|family|job)|(?:in|at|when|after|for good|and never|years|months|a long time|ages)\\b|$| \\.)|after i left|i got out|i escaped|got away from|i am out of)(?: [a-z]+){0,3}',
  ].join('|'),
  'g',
);
// Childhood and dates: past, but not "over" on their own ("my uncle did things to me when I was little").
const PAST_ONLY = /when i was (?:a child|a kid|little|young|younger|a teenager|a teen|at school|at uni|at university|in my (?:teens|twenties|20s)|[0-9]+)|as a (?:child|kid|teenager|teen)|in my (?:teens|twenties|thirties|youth|20s|30s)|back in (?:[0-9]{4}|the day|school|my)|(?:in|during) (?:19|20)[0-9]{2}/g;
// An age said in words ("when he was fourteen").
const AGE_WORD = '(?:five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty one|twenty two|twenty [a-z]+)';
// Dated or childhood past ("at 16", "in 2009", "in my twenties", "before covid"): past, not yet "over".
const DATED_PAST = new RegExp(String.raw`(?:^| )(?:at (?:[1-9][0-9]?)(?! (?:am|pm|oclock|o clock|percent))|aged [1-9][0-9]?|in (?:the )?(?:19|20)[0-9]{2}s?|in the (?:[5-9]0s|80s|90s|eighties|nineties|seventies)|that (?:was|is|would have been|would be) (?:in )?(?:19|20)[0-9]{2}|since (?:19|20)[0-9]{2}|before covid|(?:spent|during|through|throughout) (?:my|his|her) (?:teens|twenties|thirties|20s|30s)|from (?:my|his|her) (?:teens|childhood|twenties|school days|youth)|(?:part of|most of|all of|much of) (?:my|his|her) (?:teens|twenties|childhood|school years|school days|youth)|back then|then(?= \. now )|(?:like |around |about |circa )?(?:19[89][0-9]|20[01][0-9]|202[0-5])(?! (?:mg|milligrams|pills|tablets|quid|pounds|calories|steps|words|times))|(?:christmas|easter|new year|summer|winter|spring|autumn) (?:19|20)[0-9]{2}|in (?:my|his|her) (?:final|second|third|last) year|from [0-9]{1,2} to [0-9]{1,2}|at (?:uni|university|school|college|skl)|in (?:my|his|her) (?:early |late |mid )?(?:teens|twenties|thirties|forties|20s|30s|40s)|when (?:my|his|her|our|their) [a-z]+ (?:was|were) (?:[0-9]+|a baby|little|young|at school|in year [0-9]+)|in year (?:[1-9]|1[0-3])|last (?:year|winter|summer|spring|autumn)|in (?:the )?(?:spring|summer|autumn|winter)|(?:that was |back )?in (?:january|february|march|april|june|july|august|september|october|november|december)|(?:two|three|four|five|a few|some|[0-9]+) (?:summers|winters|springs|autumns) ago|back in (?:uni|university|college)|(?:during|in|over) (?:the )?(?:lockdown|lockdowns|covid|the pandemic)|(?:during|in|through) (?:my|his|her) (?:a levels|gcses|exams|finals|degree|training|first year|foundation year|placement)|with my (?:first|eldest|oldest)(?: baby| child| son| daughter)?|when (?:i|he|she|they|we) (?:was|were) (?:a|teenagers|kids|children|young|[0-9]+|inside|on remand|(?:at|in) (?:prison|jail|school|uni|university|college|year [0-9]+|primary|secondary|care|the army|my|his|her))|as a (?:lassie|laddie|lass|lad|girl|boy|kid|child|teen|teenager|student|toddler|baby|little one|youngster|young man|young woman)|after (?:my|her|his) (?:first )?(?:baby|son|daughter|child) was born|when (?:she|he) was (?:a baby|newborn|tiny|little)|when my [a-z]+ (?:died|was born|was a baby)|(?:every (?:day|night) )?for (?:a|one|two|three|[0-9]+) (?:year|years|months) after|(?<!(?:at|more than|for|just|than) )once|at ${AGE_WORD}|aged ${AGE_WORD}|when (?:i|he|she|they|we|my [a-z]+) (?:was|were) (?:${AGE_WORD}|small|tiny|little|younger|teens|in (?:our|their|his|her|my) teens))(?= |$)`);
// Said as well now, or over: with a dated past above, the risk is past and over ("I'm 45 now",
// "doing brilliantly", "never had another"). On their own these never make a risk past.
const RECOVERED = new RegExp(
  [
    // An age says "that was then" when it is an adult's, or said with "now" ("he is 13" alone may be today).
    '(?:i am|im|he is|she is|they are|i turned|now i am|now he is|now she is) (?:[2-9][0-9]|[1-9][0-9]? now|in (?:my|his|her|their) (?:[a-z0-9]+))(?: years old)?',
    '(?:i am|he is|she is|they are|i have been|we are|am) (?:now )?(?:a |an )?(?:(?:very|really|so|mostly|doing|happily|completely|totally|absolutely|perfectly|fully) )?(?:happy|content|fine|solid|on an even keel|alright|all right|stable|steady|okay|ok|well|safe|settled|at peace|grateful|still grateful|healthy|recovered|fully recovered|close|retired|married|remarried|divorced|a [a-z]+ now|at school now|at uni now)',
    '(?:doing|doing really|is doing|am doing|been doing) (?:well|ok|okay|fine|great|grand|brilliant|brilliantly|really well|good)',
    // "things are steady now", "life is good": how things are now, said of life rather than of me.
    '(?:things|life|everything) (?:is|are) (?:now )?(?:much |so |a lot |really )?(?:steady|stable|good|great|better|fine|ok|okay|calmer|settled|sorted)',
    '(?:all|it is all|that is all|it is) (?:good|fine|in the past|behind me|well behind me|long behind me|history)(?: now)?',
    '(?:i am|im|i have been|been|he is|she is|they are|we are)(?: [a-z]+ and)? (?:now )?in a (?:very |really |much |so )?(?:good|better|great|happier|safe|stable|healthy|steadier|calmer|healthier|safer|stronger|brighter) place',
    '(?:never|not|has not|have not) (?:happened|happen) (?:again|since)',
    '(?:been|am|have been)(?: [a-z]+){0,3} (?:fine|well|ok|okay|good|safe|alright|all right|solid|grand|steady|stable|happy) (?:ever )?since',
    '(?:long|completely|totally|all) gone',
    // "got support, much better, now a consultant": help had, and the life since.
    '(?:got|had|with|getting) (?:support|help|treatment|therapy|counselling)(?: [a-z]+){0,3} (?:much|a lot|so much|far|loads) better',
    'now (?:a|an) (?:qualified |senior |registered )?(?:consultant|nurse|doctor|teacher|mum|mother|dad|father|parent|grandad|grandma|grandparent|manager|graduate|volunteer|[a-z]+ worker)',
    // "no self-harm since", "those feelings passed by March", "back coaching", "back on them"
    'no (?:self harm|cutting|harm|attempts|incidents|episodes|fits|seizures|overdoses|relapses|thoughts)(?: [a-z]+){0,2} (?:since|for)',
    '(?:those|the|these|my|the dark) (?:thoughts|feelings|urges) (?:passed|went|went away|eased|lifted|faded|stopped|have gone|are gone)',
    '(?:i am|im|he is|she is|they are|we are) back (?:at work|to work|in work|working|coaching|teaching|nursing|playing|training|volunteering|at uni|at college|on (?:them|my meds|my medication|my tablets|my pills|track|my feet))',
    '(?:been|is|am|are|has been|have been) in recovery',
    'moved (?:areas|area|house|town|city)',
    // "that stopped completely at university", "it has been over twenty years", "Well since."
    '(?:that|it|this|the (?:cutting|self harm|harming|drinking)) (?:all )?(?:stopped|ended|finished)',
    'it (?:has|is) been (?:over |more than |nearly |almost |well over )?(?:[a-z0-9]+ ){1,2}(?:years|decades|months)',
    // "it's 2026 now and I haven't since 2021", "now 40 years old", "rebuilt everything since", "scars have faded"
    'it is (?:19|20)[0-9]{2} now',
    // "4 years clean now", "sober 14 months since", "five years on", "2024 - sober, stable"
    '(?:[a-z0-9]+ )(?:years|yrs|year|months) (?:clean|sober|dry|clear|well|free)(?= |$)',
    '(?:clean|sober|dry) (?:for )?(?:over |nearly |almost |about )?(?:[a-z0-9]+ )(?:years|yrs|year|months)',
    '(?:[a-z0-9]+ )(?:years|months) on(?= \\.|$)',
    '(?:^|\\. )(?:19|20)[0-9]{2} (?:sober|clean|stable|well|fine|recovered|settled)',
    // "he lived another 30 years and was happy", "came through it", "went through therapy", "now teaching"
    '(?<![a-z])(?:lived|lived on|lived for) (?:another |a further )?(?:[a-z0-9]+ )(?:years|decades)',
    '(?<![a-z])(?:he|she|they|i) (?:was|were) (?:happy|well|fine|content)(?= |$)',
    '(?<![a-z])(?:came|come|got|get|have got|have come) (?:through it|out the other side|(?:tae|to) the other side)',
    '(?<![a-z])(?:went through|finished|completed) (?:therapy|counselling|treatment|rehab|cbt|ipt)',
    '(?<![a-z])now (?:teaching|working|nursing|studying|married|retired|employed|volunteering|gigging|training|in (?:my|our) own (?:place|flat|home|house))',
    '(?:kids|children|weans) (?:are )?(?:happy|settled|thriving)',
    '(?:have not|has not|had not|not|never)(?: [a-z]+)? since (?:19|20)[0-9]{2}',
    '(?:have not|has not|not) had (?:them|it|those|any|that)(?: [a-z]+)? (?:in|for) (?:ages|years|a long time|decades)',
    '(?<![a-z])now (?:i am )?(?:[2-9][0-9]) (?:year old|years old|yr old|yrs old|yo)',
    'rebuilt (?:everything|my life|our life|things|it all)',
    'remarried',
    '(?:my )?scars (?:are|have|have all|are all) (?:faded|healed|gone)',
    '(?:a )?good life(?= \\.|$)',
    '(?:^|\\. )(?:well|fine|safe|ok|okay|good|clean|steady) (?:ever )?since',
    'no recurrence',
    // "as a kid ... I'm grown up now and safe": that was then.
    '(?:i am|im|he is|she is|they are|we are) (?:now )?(?:all )?(?:grown up|an adult|adults|grown)',
    // "clean since and proud of it", said anywhere in a sentence; never "not been clean since".
    '(?<!(?:not|never) (?:been )?)(?:clean|sober|safe) (?:ever )?since',
    '(?:never|not) (?:had another|again|did it again|went back|think about it|had those thoughts again|done (?:it|that|anything like (?:it|that)) again)',
    '(?:have not|not|never) (?:had|done|felt|been)(?: [a-z]+){0,4} since',
    '(?:have not|has not|not|haven t) (?:in|for) (?:over |more than |well over )?(?:[a-z0-9]+ )(?:years|year|decades|decade)',
    '(?:had|have had|have) a (?:good|great|wonderful|lovely|full|happy) life',
    'life is good',
    '(?:had|has had|have had) (?:[a-z]+ ){0,2}(?:lovely|happy|good|great|wonderful) years',
    '(?:went|passed|gone) (?:years|months|a long time) ago',
    'it passed',
    '(?:years|winters|summers) clear',
    'still (?:here|grateful|a bit surprised)',
    'i want to live',
    'no (?:current )?(?:issues|problems)(?: since)?',
    '(?:have|has) (?:fully )?recovered',
    '(?:been|am|is) (?:steady|stable|clear|clean|well) since',
    '(?:years|decades) of being (?:well|ok|okay|fine|clean|steady)',
    'fine now',
    '(?:lived|went on) to (?:[0-9]+|be [0-9]+)',
    '(?:not|never) heard from (?:him|her|them) since',
    '(?:was|got|were|been) (?:arrested|convicted|jailed|sent to prison|locked up|prosecuted|charged|sacked|struck off|dismissed)',
    '(?:is|are) (?:well|safe|happy) (?:looked after|cared for|settled)',
    '(?:have|has) since (?:trained|qualified|become|retrained)',
    '(?:i am|im|he is|she is|they are|we are) (?:through it|past it|over it|out the other side|not there|not in that place|back at work|much better|a lot better|so much better|stable)',
    '(?:seems|seem|looks|look|feels|is|am|are) (?:so |much |loads |a lot |far )(?:better|happier)',
    '(?:do not|does not|did not|dont|doesnt|never) (?:touch|take|use|do) (?:anything|it|drugs|them|that)(?: now| any more| anymore)',
    '(?:do not|does not|dont|doesnt) any ?more',
    '(?:he|she|they|i) stopped(?= \\.|$| and| after| when)',
    '(?:camhs|therapy|counselling|the gp|my gp|treatment|ipt|cbt|the nurse|support) (?:helped|worked)',
    '(?:processed|dealt with|come to terms with|worked through|made (?:my )?peace with) (?:it|that|what happened)',
    '(?:a one off|one off|signed (?:me|him|her) off|the all clear|all clear)',
    '(?:moved away|restraining order|non molestation order|in prison|went to prison)',
    '(?:they are|we are) (?:both |all )(?:[1-9][0-9])',
    // "we're both in our forties", "we laugh about it now", "it went to court", "he's been gone for decades"
    '(?:i am|he is|she is|they are|we are)(?: both| all)? in (?:my|his|her|their|our) (?:twenties|thirties|forties|fifties|sixties|seventies|eighties|[2-9]0s)',
    '(?:we|they|i) (?:laugh|joke|can laugh|can joke) about it',
    // "fit and well now", "long over, happily married now", "close for years since", "nothing since", "not in our lives"
    '(?:fit|well|healthy) and (?:well|healthy|happy|strong)',
    '(?:^|\\. |it is |that is |all |it was |was )long over',
    'happily (?:married|remarried|settled)',
    '(?:been|are|we are|we have been) close (?:for years|for decades|ever since|since)',
    '(?:there has been |been |had )?nothing since',
    '(?:not|no longer) in (?:my|our) li(?:fe|ves)',
    '(?:it is |it was |all )?sorted now',
    '(?:went|gone|taken|it went|was taken) to court',
    '(?:got|get) (?:the|his|her|their|my|our) (?:money|savings) back',
    '(?:he is|she is|they are|he has|she has|they have) (?:been )?(?:long )?(?:gone|dead|out of (?:my|our|the) (?:life|lives|picture))(?: [a-z]+){0,2}(?: for (?:[a-z0-9]+ )?(?:years|decades|a decade|ages|a long time))?',
  ]
    // "I'm fine these days": the same as "fine now" (left behind, "these days" would read as a sign of
    // now); "we're close again" is life mended, not the risk back.
    .map((alt) => `(?:${alt})(?: now| these days| nowadays| again)?`)
    .join('|'),
  'g',
);
const DATED_PAST_ALL = new RegExp(DATED_PAST.source, 'g');
const NOW = /(?:^| )(?:(?<!(?:pregnant|married|working|studying|dating|smiling|laughing|happy|well|driving|travelling|running|walking|back at work|in love|locked up|close|friends|talking|speaking|fine|ok|okay|better|together) )again|recently|lately|(?<!(?:i am|im) (?:a |an )?[a-z]+(?: myself)? )these days|this week|this month|last night|last week|yesterday|today|tonight|this morning|this afternoon|this evening|earlier|(?:an|a few|few|two|three|[0-9]+) (?:hour|hours|minutes|mins) ago|(?:a little|a short|little|a) while ago|getting closer|coming closer|is following|are following|right now|just now|now (?:i|he|she|they|it) (?:want|wants|wanna|feel like|feels like|keep|keeps|need|am thinking|is thinking|are back|is back|have started|has started|do it|does it)|at the moment|currently|(?:outside|here|downstairs|upstairs|at the door|at my door|in the house|in my house|at my house|at my work) now|now (?:with(?! (?:a |an |her |his |their |my )?(?:pendant|alarm|care|carer|carers|support|help|family|new|lovely|good|nice|partner|husband|wife|job|baby|kids|children|friends))|outside|at the door|at my door|in the house)|now (?:he|she|they|someone) (?:is|are) (?:outside|at the door|at my door|at the window|in the house|downstairs|upstairs|here|banging|trying to get in|following)|now (?:i|he|she|they) (?:have|has|have got|has got|got) (?:the |my |his |her |their |some |a |all )?(?:[a-z]+ )?(?:ready|saved|stashed|lined up|bought|planned|sorted)|(?<!first )(?:started|starting)(?! (?:a|an|my|the|his|her|their|our|school|uni|university|college|work|ipt|therapy|cbt|counselling|treatment|sessions|medication|meds|antidepressants|it|nursery|year|secondary|primary|training|course|job|new))|coming(?! out(?! (?:all|wrong|jumbled|slurred|funny|weird|strange|garbled|muddled|mixed up|backwards|of (?:his|her|their|my) mouth)(?= |$)))|coming back|come back|came back|returned|(?<!(?:worried about a|about a|no|of a|avoid a|prevent a|preventing a) )relapse|relapsed|relapsing|still(?! (?:anxious|worried|nervous|shaken|jumpy|tense|on edge|get|qualify|apply|be referred|be seen|access|book|join|sign up|tells|tell|talks about|jokes about|brings it up|mentions|affects|affect|impacts|shapes|haunts|bothers|think about|remember|have the scars|have scars|has an effect|feel guilty|feel bad about|feel awful about|feel terrible about|feel ashamed|feel embarrassed|feel responsible|feel sad about|feel upset about|carry|worry|worries|laugh|laughs|talk|talks|best friends|friends|close|miss|misses|in touch|together|married|play|plays|playing|work together|see each other|meet up|go out|hang out))|keep(?! (?:me |myself |him |her |them |us )?(?:well|healthy|on track|on top of|busy|in touch))|keeps|every day|every night|(?:is|are) (?:outside|at the door|at my door|banging on)(?: (?:my|the|our) (?:door|house|flat|window))?|now (?:the|those|these|my) (?:thoughts|urges|feelings)|(?:gone|going|gone all) (?:rock hard|blue|grey|floppy|limp)|(?:theyll|they will|hell|he will|shell|she will|gonna|going to) (?:hurt|kill|stab|shoot|batter|burn|get) (?:my|me|us|him|her|them)|been (?:looking up|searching|googling|researching|saying|talking about|planning|buying|stockpiling|cutting|hurting|drinking|hiding))(?= |$)/;
// A crisis a few days ago is not past and over for a person's own safety, even if they feel OK now;
// a body that was "fine in the morning" after last weekend is.
const DAYS_AGO = /(?:^| )(?:(?:a|two|three|a few|a couple of|[0-9]+) days ago|the other (?:day|night)|(?:on|last|this) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) (?:night|morning|evening)|(?:at|over) the weekend|last weekend)(?= |$)/;
const MEDICAL_CLEARED =
  /(?:^| )(?:(?:they|the doctors?|doctors|the doctor|a and e|a&e|the hospital|hospital|paramedics|the paramedics|the gp|gp|the nurses?|nurses|111|the consultant)(?: [a-z]+){0,2} (?:said|say|says|told (?:us|me)|confirmed|checked (?:him|her|them|me) (?:over|out))(?: [a-z]+){0,8} (?:fine|ok|okay|all clear|nothing wrong|normal|passed|no harm|no damage)|(?:was|were|got|been|is|are) (?:discharged|sent home|given the all clear)|made a (?:good|full|great|really good|amazing) recovery|(?:fully|has|have) recovered|recovered (?:completely|fully|well))(?= |$)/;
const SELF_INFLICTED =
  /(?:^| )(?:overdose|overdosed|overdosing|od|tablets|pills|paracetamol|meds|medication|painkillers|cut|cutting|slit|myself|himself|herself|themselves|on purpose|suicide|attempt)(?= |$)/;
const TURNS_BACK = /(?:^| )(?:but|and|yet|though|although)(?: (?:now|then|since|tonight|today|still)(?: [a-z]+){0,3})? (?:he|she|they|i|it) (?:(?:is|are|has been|have been|keeps?|started|has started|seems?|looks?|feels?|is still|seems still) (?:being |getting |really |very |so |a bit |still )?(?:sick|vomiting|throwing up|worse|unwell|ill|drowsy|sleepy|floppy|unconscious|in pain|bleeding|struggling|confused|pale|grey|blue|not breathing|not waking|not responding|asking the same|repeating))(?= |$)/;
// A neighbouring sentence that speaks of the risk itself ("I feel the same tonight", "the urges are back").
const REFERS_TO_RISK = /(?:^| )(?:the same|again|like that|that way|do it|doing it|did it|thinking about it|think about it|those thoughts|the thoughts|the urges|urges)(?= |$)/;
// A neighbouring sentence that speaks of the risk or of how the writer feels (not "how empty the house feels").
const REFERS_BACK = /(?:^| )(?:i feel|i am feeling|i felt|i have been feeling|i have felt|feeling|the same|again|thoughts|urges|like that|that way|do it|doing it|did it|thinking about it|think about it|want to|wanted to)(?= |$)/;
// Plans ahead say the risk is now only in its own sentence ("I'm still in touch with him, he's visiting
// tomorrow"), not from the next one ("we've got an away day next week").
const SOON = /(?:^| )(?:visiting|staying|moving|soon|tomorrow|next week|next month|this weekend)(?= |$)/;
// Future words about ordinary plans ("I'm starting IPT next week"): set aside before looking for signs of now.
const PLANS = /(?:starting|start|started|begin|beginning|began)(?: [a-z]+){0,2} (?:ipt|therapy|counselling|cbt|treatment|sessions|a course|my course|a new job|new job|a job|my job|work|working|uni|university|college|school|nursing|training|my training|my career)(?: [a-z]+){0,3}(?: next week| next month| soon| tomorrow)?/g;
// What the person hopes for again ("help with trusting people again", "to enjoy life again"): a goal, not the risk back.
const PREVENTING = /(?:stop|prevent|keep|stopping|preventing|keeping) (?:it|them|that|this|those thoughts|the thoughts)(?: from)? (?:coming back|returning|happening again|away)/g;
const GOALS_AGAIN = /(?:help|learn|learning|able|want|hoping|hope|like|start|starting|begin|how) (?:with |to |me )?(?:trust|trusting|feel|feeling|enjoy|enjoying|date|dating|love|loving|live|living|go out|going out|socialise|socialising|sleep|sleeping|be myself|work|working|make friends|making friends|connect|connecting|open up|opening up)(?: [a-z]+){0,3} again/g;
// The risk itself said to be back, which counts wherever it is in the message ("it has all come
// back this month"), unlike the other signs of now, which count only next to the risk words. Low
// mood "that keeps coming back" is the mood, not the risk.
const RECURRING =
  /(?:^| )(?:(?:(?<!(?:mood|depression|anxiety|worry|worries|stress|grief|sadness|panic|panic attacks|low) )(?:it|that)|the (?:urges|thoughts|feelings|cutting|drinking|self harm|harming|voices|flashbacks|nightmares))(?: [a-z]+){0,2} (?:has|have|had|is|are|was|keeps|keep)(?: all)? (?:come back|coming back|came back|crept back|started again|starting again|happening again|returned|back(?! (?:to|on|at|in|from|home|for|with|up|down|out)(?= |$)))|(?<!(?:worried about|scared of|afraid of|fear of|risk of|avoid|prevent|preventing|no|not)(?: a)? )(?:relapse|relapsing)|relapsed|(?:started|starting|begun|began|do|doing|did|thinking about|thought about|feeling|felt|cutting|hurting myself)(?: [a-z]+){0,2} (?:it|that|this|like that|that way) again)(?= |$)/;
// "can I still get IPT" asks about the guide; it says nothing of the risk still being there.
const PRESENT_WANT = /(?:^| )(?:i want|i wanna|i wish|i keep|going to|gonna|(?<!(?:did not|didnt|never|no longer) )want to|i think about|i plan|(?<!(?:can|could|would|will|do|does|did|should|may|might|am|if) )i still)(?= |$)/;
const PRESENT_RISK_VERB = /(?:^| )(?:i am|i want|i wanna|i wish|i feel|i keep|i need|i will|going to|gonna|i can not|(?<!(?:did not|didnt|never|no longer) )want to|i have been|i think about|i plan)(?= |$)/;

const ROLE = new RegExp(
  [
    '(?:i am|im|i work as|working as|training to be|as) (?:a |an )?(?:[a-z0-9]+ ){0,3}(?:nurse|nurses|doctor|gp|paramedic|teacher|teaching assistant|ta|counsellor|therapist|psychologist|psychiatrist|social worker|volunteer|manager|line manager|hr manager|hr adviser|hr advisor|health adviser|health advisor|wellbeing lead|wellbeing adviser|wellbeing officer|safeguarding officer|support worker|youth worker|lecturer|researcher|first aider|mental health first aider|pharmacist|midwife|health visitor|police officer|chaplain|safeguarding lead|dsl|student|head of year|head teacher|headteacher|deputy head|senco|form tutor|care worker|carer|healthcare assistant|hca|nursery worker|childminder|journalist|reporter|writer|novelist|author|hr officer|hr business partner|occupational health nurse|receptionist|trainee|trainer|instructor|call handler|coach|mentor|learning mentor|youth leader|scout leader|team leader|pastoral lead|pastoral worker|librarian|pcso|firefighter|lifeguard|practitioner|caseworker|case worker|key worker|keyworker|advocate|housing officer|probation officer|prison officer|custody officer|officer|care assistant|nursing assistant|clinician|matron|call taker|dispatcher|call operator|control room operator|adviser|advisor|idva|isva|domestic abuse worker|outreach worker)(?= |$)(?! (?:for|to|of) (?:my|our) (?:[a-z]+ )?(?:mum|mam|mom|dad|mother|father|parents|nan|nana|gran|grandad|grandma|grandpa|granny|grandparents|husband|wife|partner|son|daughter|brother|sister|child|kids|children|family|aunt|auntie|uncle|in laws|mother in law|father in law|boyfriend|girlfriend))',
    'samaritans volunteer',
    // "A&E nurse, we see a lot of ...", "support worker here": the role said first, the short way.
    '^(?:[a-z]+ ){0,3}(?:nurse|doctor|paramedic|gp|midwife|teacher|social worker|police officer|pharmacist|counsellor|therapist|support worker|care worker|firefighter|adviser|advisor|psychologist|psychiatrist|health visitor|youth worker|hca|healthcare assistant|idva|isva)(?= (?:here|we|i|and i|by trade|myself|on|at|\\.)(?= |$))',
    // "I'm on a gambling helpline", "I work for the crisis team": where the writer meets the subject.
    '(?:i am|im|i work|i volunteer|i do shifts) (?:on|at|for|with|in) (?:a|an|the|our) (?:[a-z]+ ){0,3}(?:helpline|help line|listening line|crisis line|crisis team|home treatment team|support line|advice line)(?= |$)',
    // "I train new call handlers": the writer teaches or leads the people who take the calls.
    '(?:i|we) (?:train|supervise|manage|mentor|induct|coach) (?:new |our |the )?(?:[a-z]+ ){0,2}(?:call handlers|call takers|volunteers|staff|nurses|students|carers|support workers|advisers|advisors|listeners|operators)(?= |$)',
    // "Night shift lead here", "ward manager here": a role named the short way.
    '(?:shift|night|day|ward|unit|team|care|home|floor|site|duty) (?:lead|leader|manager|supervisor|coordinator) here',
    // "our health and safety day covered ...": a training day at work.
    '(?:health and safety|first aid|training|inset|cpd|induction|awareness) (?:day|morning|afternoon|refresher)',
    '(?:i|we) (?:teach|lecture|tutor)(?= |$)',
    // "I volunteer on a helpline", "we work on a ward": where the writer meets the subject
    '(?:i|we) (?:volunteer|work|help out|do shifts|do nights) (?:on|at|for|with|in) (?:a|an|the|our) (?:[a-z]+ ){0,3}(?:helpline|listening line|crisis line|charity|hospice|ward|prison|shelter|refuge|food bank|listening service|call centre|a and e|emergency department)(?= |$)',
    '(?:first aid|mental health first aid|driving|fitness|yoga) instructor',
    // "Trainee clinical psychologist here", "Student midwife.", "GP trainee", "Journalist here"
    '(?:trainee|student) (?:[a-z]+ ){0,2}(?:psychologist|nurse|paramedic|doctor|midwife|teacher|social worker|counsellor|therapist|pharmacist|gp|police officer)',
    '(?:gp|nursing|medical|psychology|social work|police) (?:trainee|student|students|trainees)',
    '(?:nurse|doctor|gp|paramedic|teacher|counsellor|therapist|psychologist|psychiatrist|social worker|youth worker|support worker|volunteer|manager|journalist|reporter|researcher|lecturer|midwife|instructor|trainer|tutor|carer|care worker|(?:year (?:[7-9]|1[0-3]) |sixth form |a level |uni |university |college )student) here',
    '(?:journalist|reporter|instructor|trainer|care worker|senior carer|form tutor|tutor)(?: here| writing| preparing| planning| teaching)',
    'level [0-9] (?:health and social care|childcare|care)',
    'year (?:1[0-3]|[7-9]) (?:psychology|sociology|health and social care|pshe|biology|english|drama)',
    '(?:(?:i am|im) )?(?:doing|writing|studying for|working on|researching for|revising for) (?:a|an|my|our) (?:[a-z]+ ){0,2}(?:degree|masters|msc|phd|dissertation|essay|thesis|research project|project|presentation|assignment|coursework|exam|exams|osce|osces|viva|finals|mocks|novel|book|article|piece|story|short story|script|screenplay|play|poem|module|cpd module|unit|case study|course)',
    '(?:for|in) (?:my |our |the )?(?:english|drama|history|psychology|sociology|biology|re|pshe|media studies|film studies|health and social care|literature|english lit|english literature|gcse|a level|language|esol|english language|french|spanish|german|science|citizenship) (?:class|lesson|lessons|homework|coursework|revision|essay|course)',
    // ("for my exam results" is a date in the writer's own life, not study talk)
    '(?:for) (?:my|our|a|the)(?: [a-z]+)? (?:degree|masters|phd|dissertation|essay|assignment|coursework|thesis|module|placement|course|exam|research|lesson|lessons|class|lecture|seminar|training|assembly|policy|presentation|project|report|uni work|university work|epq|extended project|blog post|blog|article|newsletter|poster|leaflet|noticeboard|notice board|display board|flyer|handout|staff room|website|resource pack)(?! results| result| grades)',
    // "on my course" or "in my class" is where a student's own life happens, not study talk.
    '(?:in|on) (?:my|our|a|the)(?: [a-z]+)? (?:degree|masters|phd|dissertation|essay|assignment|coursework|thesis|module|research|lesson plan|lecture|seminar|training|assembly|policy|presentation|project|report)',
    '(?:dissertation|essay|assignment|coursework|thesis|research project|literature review)(?: [a-z]+){0,2} (?:on|about|into|covering)',
    '(?:lesson|lesson plan|lessons|assembly|training session|workshop|policy|procedure|guidance|toolkit|leaflet|poster|module) (?:on|about|for|covering)',
    '(?:(?:i am|im|we are) )?(?:drafting|writing|updating|reviewing|planning|preparing|designing|putting together) (?:a|an|our|the|my)(?: [a-z]+){0,3} (?:policy|lesson|lessons|essay|dissertation|training|guidance|procedure|assembly|presentation|session|workshop|leaflet|handbook|pathway|programme|service|refresher)',
    '(?:our|the|my) (?:hr|staff|wellbeing|workplace|company|school|safeguarding) (?:policy|policies|team|training|procedure|guidance)',
    '(?:first aid|mental health first aid|safeguarding|suicide prevention|suicide awareness|self harm awareness) (?:course|training|session|refresher|module)',
    'first aid at work',
    '(?:course|training|session|module) (?:at|for) work',
    // "today in class we covered how to ask about suicide"
    '(?:in (?:class|the lecture|the seminar|training|the session|the course)|(?:today|this week|last week) (?:in (?:class|training) )?(?:we|the class)) (?:we |the class )?(?:covered|learned|learnt|discussed|talked about|studied|looked at|practised|practiced|went over|were taught)',
  ].join('|'),
);
// Back from a training session, a course or a class ("i have just come out of a training session"):
// the writer at work, not an event that happened to anyone.
const TRAINING_ATTENDED =
  '(?:come out of|come back from|got back from|been on|been to|attended|done|did|finished|had|sat through|completed) (?:a |an |the |my |our |some )?(?:[a-z]+ ){0,4}(?:training|session|course|lecture|seminar|workshop|class|meeting|webinar|module|briefing|refresher|induction|talk|assembly|inset)';
// Questions about how to help someone in one's care: set aside before asking whether the writer
// also speaks about themselves.
const ABOUT_OTHERS = new RegExp(
  [
    '(?:how|what) (?:do|should|can|would|could) (?:i|we|staff|managers|teachers|nurses|volunteers) (?:respond|support|handle|talk|speak|ask|help|deal|say|do|tell)(?: [a-z]+){0,4} (?:a|an|my|our|the|someone|somebody)(?: [a-z]+)? (?:student|pupil|employee|colleague|client|patient|caller|staff member|member of staff|team member|service user|young person|person|child|resident)',
    '(?:i am|im|i work as|working as|training to be|as) (?:a |an )?(?:[a-z0-9]+ ){0,3}(?:nurse|doctor|teacher|counsellor|therapist|psychologist|volunteer|manager|student|worker|lecturer|researcher)',
    // Someone else's words reported: "callers say things like ...", "if someone on my team tells me ..."
    '(?:someone|somebody|a colleague|a student|a pupil|a client|a patient|a caller|callers|clients|patients|pupils|students|people|an employee|a member of staff|a team member|they|a resident|a young person|young people|a person|a child|a parent|a learner|a service user|a teenager|a teen|teenagers|a kid|kids|a young man|a young woman|a lad|a girl|a boy)(?: [a-z]+){0,3} (?:tells|tell|told|says|saying|say|said|discloses|disclosed|mentions|mentioned|talk about|talks about|talk of|speak about|speaks about)(?: me| us)?(?: things like| stuff like| that)?(?: [a-z]+){0,8}',
    '(?:i|we) (?:want|need|have|plan|would like) to (?:cover|teach|explain|talk about|discuss|include|address)',
    // "as a paramedic I see overdoses every week": the writer meets it at work
    '(?:i|we)(?: have)? (?:see|seen|saw|treat|treated|meet|met|nurse|nursed|deal with|dealt with|get|support|supported|look after|looked after) (?:a lot of |lots of |many |loads of |so many |plenty of |more )?(?:[a-z]+ )?(?:overdoses|patients|people|clients|students|pupils|callers|cases|admissions|young people|kids|children|residents)',
    // "I've just come out of a training session on ...": the writer at work, not speaking of themselves
    `(?:i have|we have|i|we) (?:just )?${TRAINING_ATTENDED}(?: (?:on|about|in|covering|for))?`,
    '(?:i am|im|we are) (?:drafting|writing|updating|reviewing|planning|preparing|designing|putting together|revising|researching|studying|looking at|looking into|investigating|exploring|focusing on)',
    // "I've been asked to rewrite our policy", "I'm often asked about it by staff"
    '(?:i have been|i was|we have been|we were|i am being|i am) (?:often |always |regularly |sometimes )?asked (?:to|about|for advice)',
    // "how can I talk about self harm safely", "how should I respond if someone tells me"
    '(?:how|what) (?:do|should|can|would|could|is the best way|best way) (?:i|we|to)(?: [a-z]+){0,2} (?:talk|teach|speak|ask|write|cover|explain|respond|recognise|recognize|spot|approach)(?: [a-z]+){0,3}(?: (?:about|if|when|signs|to|of|in|among)|$)(?: (?:someone|somebody|a|an|the|my|our)(?: [a-z]+){0,3} (?:tells|says|tell|discloses|mentions)(?: me| us)?)?',
  ].join('|'),
  'g',
);
const OWN_PEOPLE =
  /(?:^| )(?:my|our) (?:(?!(?:client|clients|patient|patients|pupil|pupils|student|students|caller|callers|resident|residents|colleague|colleagues|service|team)(?= ))[a-z]+ )?(?:neighbour|neighbours|daughter|son|child|children|kids|kid|sister|brother|mum|mam|dad|mother|father|partner|husband|wife|friend|mate|flatmate|housemate|nan|gran|grandad|grandma|niece|nephew|cousin|aunt|auntie|uncle|boyfriend|girlfriend|stepdad|stepmum|stepson|stepdaughter|baby|little one)s?(?= |$)/;
// (Means kept on the writer: "got the insulin from work in my bag".)
const OWN_TIME = /(?:^| )(?:every (?:night|day|morning|evening)|(?:in|on) my (?:bag|pocket|car|locker|coat|drawer|bedside|room)|not going to say more|this week|tonight|last night|this morning|again|lately|these days|i (?:have been|keep|am|have started) (?:wondering|thinking|asking myself) (?:if|whether)|(?:nobody|no one) (?:at work |here )?knows)(?= |$)/;
const FIRST_SELF = /(?:^| )(?:i|me|myself|im|ive)(?= |$)/;
// A real person's disclosure, told as it happened ("a pupil just told me", "one of my team said
// today", "a boy in year 3 came in with a bruise"): someone at work at risk now, not work talk.
// Present tense ("callers say", "if someone tells me") stays work talk.
// ("our teacher said we could include ...", "the tutor said it is rare": teaching, not a disclosure.)
const DISCLOSED = /(?:^| )(?:(?:told|said)(?! (?:that )?(?:(?:we|i|you|us|everyone|the class) (?:could|can|should|must|have to|need to|may|might|had to|are to|were to)|(?:it|this|that|they) (?:is|was|are|were) (?:rare|common|normal|important|usual|unusual|vital|key|essential)))|came in|came to|disclosed|confided|(?<!(?:was|were|been|being|get|got|gets|is|are|patients|people|clients|residents|kids|children|young people|men|women) )admitted(?! (?:to|into|after|with|for|onto|on|overnight)(?= ))|showed me|rang me|messaged me|texted me|(?:i have|i|i have just|i just) (?:seen|saw|witnessed|caught|watched|heard) (?:one of|a colleague|my colleague|a carer|another carer|the other carer|a member of staff|a staff member|a nurse|another nurse|a teacher|someone|somebody|him|her|them|a parent|a mum|a dad))(?= |$)/;
const HYPOTHETICAL = /(?:^| )(?:if|when|what if|in case|whenever|suppose|say)(?= |$)/;

// Something that happened at work today ("a mother came to collect today very drunk").
const HAPPENED_NOW = /(?:^| )(?:today|this morning|this afternoon|this evening|tonight|last night|just now|right now|i have just|have just|has just|just (?:walked|seen|saw|found|heard|caught))(?= |$)/;

// Someone else's words in the first person, reported: "pupils keep saying i am going to kill myself".
const QUOTED_FIRST = /(?:^| )(?:saying|say|says|joking|jokes|joke|shouting|shouts|moaning) (?:things like |stuff like )?(?:i am|i will|i want|i wanna|i could|i feel like|i might)(?: [a-z]+){0,6}/g;

const REPORTED = /(?:^| )(?:if|when|whenever|who (?:says|say|tells|tell|has|have|is|are|present|presents)|someone who|people who|patients who|callers who)(?= |$)/;

// A class or training session today ("today we covered how to ask about suicide") is teaching, not an event.
const LESSON_TODAY = new RegExp(`(?:today|this morning|this afternoon|this evening|tonight)(?: in (?:class|the session|training|the lecture|the seminar|the course))? (?:we|i|the class|the group|our tutor|the trainer|the tutor) (?:covered|learned|learnt|did|had|talked about|discussed|studied|looked at|practised|practiced|went over|were taught|was taught|taught us)(?= |$)|(?:i have|we have|have|i|we) just ${TRAINING_ATTENDED}(?= |$)|${TRAINING_ATTENDED}(?: at work| through work| for work)? (?:today|this morning|this afternoon|this evening|tonight)(?= |$)`, 'g');

// A session the writer had, ran or sat through: its time is the session's, not the risk's.
const TRAINING_HELD = /(?:^| )(?:had|did|do|attended|ran|run|running|gave|delivered|finished|completed|sat|went on|been on) (?:a |an |the |our |my |some |this |that )?(?:[a-z]+ ){0,4}(?:training|course|refresher|workshop|module|lecture|seminar|lesson|briefing|induction)(?= |$)/;

function disclosedToThem(plain: string): boolean {
  if (HAPPENED_NOW.test(plain.replace(LESSON_TODAY, ' '))) return true;
  const m = DISCLOSED.exec(plain);
  if (m === null) return false;
  const { start } = sentenceAround(plain, m.index);
  return !HYPOTHETICAL.test(plain.slice(start, m.index));
}
const ROLE_ALL = new RegExp(ROLE.source, 'g');

// One particular person met through work, at risk now ("my colleague posted ...", "a Year 10
// student handed in ...", "a little boy on my ward keeps turning up with bruises", "one of my
// residents is being ..."): a worker telling us about them needs the routes for helping someone
// else, like any worried friend. People in general ("a student who self-harms", "if a pupil tells
// me", "colleagues in crisis") stay work talk.
const WORK_PERSON = '(?:pupil|student|resident|residents|patient|client|colleague|coworker|co worker|workmate|employee|apprentice|trainee|learner|boy|girl|child|kid|lad|lass|baby|man|woman|lady|gentleman|young person|teenager|team member|member of staff|staff member|service user|caller|customer|tenant)';
const EVENT = '(?:posted|handed|wrote|sent|texted|messaged|told|said|showed|came|turned|turns|keeps|kept|has been|have been|is being|are being|was|were|has|had|tried|took|has taken|left|rang|called|disclosed|admitted|went|is|seems|looked|looks|arrived)';
const PARTICULAR_PERSON = new RegExp(
  [
    `(?:my|our) (?:[a-z0-9]+ )?(?:colleague|coworker|co worker|workmate|manager|boss|employee|apprentice|trainee|pupil|student|resident|patient|client|team member|supervisor|line manager|team leader) ${EVENT}`,
    `one of (?:my|our|the) (?:[a-z0-9]+ )?(?:pupils|students|team|staff|residents|patients|clients|colleagues|employees|apprentices|kids|children|young people|service users|learners|trainees|tenants|carers|care workers|nurses|teachers|drivers|lads|girls|boys)(?: (?:aged )?[0-9]{1,2})?(?: on (?:nights|days|shift|my shift|the ward|the floor))? (?:${EVENT}|be|says|tells me|keeps saying)`,
    `(?:a|the|this|one) (?:[a-z0-9]+ ){0,3}${WORK_PERSON}(?: [a-z0-9]+){0,3} (?:on|in|at|from) (?:my|our|the) (?:ward|unit|class|form|team|group|caseload|shift|floor|home|school|year|office|department|rota|register|wing|corridor)`,
    `(?:a|this|one) (?:[a-z0-9]+ ){0,3}${WORK_PERSON} ${EVENT}`,
  ]
    .map((alt) => `(?:^| )${alt}(?= |$)`)
    .join('|'),
);

// "how do I recognise signs that a resident is being ...": a question about anyone.
const GENERAL_QUESTION = /(?:^| )(?:how (?:do|can|should|would|to|might)|what (?:do|should|are|would|can)|signs|whether|recognise|recognize|spot|spotting|identify|suspect|suspecting|suppose|imagine|example)(?= |$)/;

/** A particular person at risk now, told from work, not in a hypothetical ("if a pupil ..."). */
function particularPersonNow(sentence: string): boolean {
  const m = PARTICULAR_PERSON.exec(sentence);
  if (m === null) return false;
  const before = sentence.slice(0, m.index);
  return !HYPOTHETICAL.test(before) && !REPORTED.test(before) && !GENERAL_QUESTION.test(before);
}

/**
 * Words without which PAST_OVER or ROLE cannot match: the large alternations run only on
 * texts that hold one (they cost more than the rest of the detector when run on every hit).
 */
const PAST_WORDS = new Set([
  'ago', 'since', 'years', 'year', 'months', 'decades', 'decade', 'ages', 'while', 'now', 'used', 'past', 'was', 'behind', 'over', 'time', 'longer', 'left', 'out',
  'escaped', 'away', 'harmed', 'hurt', 'cut', 'done', 'felt', 'tried', 'relapsed', 'thoughts', 'back', 'free',
]);
const PROFESSIONAL_WORDS = new Set([
  'nurse', 'nurses', 'doctor', 'gp', 'paramedic', 'teacher', 'assistant', 'ta', 'counsellor', 'therapist', 'psychologist', 'psychiatrist', 'worker',
  'volunteer', 'manager', 'adviser', 'advisor', 'lecturer', 'researcher', 'aider', 'pharmacist', 'midwife', 'visitor', 'officer', 'chaplain',
  'lead', 'dsl', 'student', 'head', 'senco', 'headteacher', 'samaritans', 'trainee', 'journalist', 'reporter', 'instructor', 'trainer', 'tutor', 'carer', 'level', 'year', 'here', 'degree', 'masters', 'phd', 'aid', 'prevention', 'awareness', 'dissertation', 'essay', 'assignment', 'coursework', 'thesis', 'module', 'placement', 'course', 'exam',
  'research', 'lesson', 'lessons', 'class', 'lecture', 'seminar', 'training', 'assembly', 'policy', 'presentation', 'project', 'report', 'uni',
  'university', 'literature', 'workshop', 'procedure', 'guidance', 'toolkit', 'leaflet', 'poster', 'handbook', 'policies', 'hr', 'staff',
  'wellbeing', 'workplace', 'safeguarding', 'company', 'school', 'pupil', 'employee', 'colleague', 'client', 'patient', 'caller', 'user', 'person',
  'coach', 'mentor', 'leader', 'pastoral', 'librarian', 'pcso', 'firefighter', 'lifeguard', 'practitioner', 'caseworker', 'keyworker', 'advocate', 'clinician', 'matron', 'officer',
  'adviser', 'advisor', 'idva', 'isva', 'handlers', 'train', 'volunteers', 'charity', 'helpline', 'hospice', 'refuge', 'handler', 'taker', 'dispatcher', 'operator', 'safety', 'induction', 'inset', 'epq', 'blog', 'article', 'newsletter', 'covered', 'learned', 'learnt', 'discussed', 'pathway', 'programme', 'refresher', 'cpd', 'unit', 'teach', 'lecture', 'tutor', 'care', 'hca', 'childminder', 'writer', 'novelist', 'author', 'receptionist', 'doing', 'writing', 'researching', 'studying', 'revising', 'reporting', 'msc', 'exams',
]);

function mayMatch(text: string, words: ReadonlySet<string>): boolean {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf(' ', start);
    if (end < 0) end = text.length;
    if (words.has(text.slice(start, end))) return true;
    start = end + 1;
  }
  return false;
}

function sentenceAround(text: string, at: number): { start: number; end: number } {
  const before = text.lastIndexOf(' . ', at);
  const after = text.indexOf(' . ', at);
  return { start: before < 0 ? 0 : before + 3, end: after < 0 ? text.length : after };
}

/** A child or older adult named nearest the risk words, else an adult. */
function kindOfPerson(text: string, at: number): RiskWho {
  const window = text.slice(Math.max(0, at - 160), at + 160);
  const child = CHILD.exec(window);
  const older = OLDER.exec(window);
  if (child && older) return Math.abs(child.index - 160) <= Math.abs(older.index - 160) ? 'child' : 'older_adult';
  if (child) return 'child';
  if (older) return 'older_adult';
  return 'adult';
}

function whoFor(category: RiskCategory, text: string, at: number, span: string, aboutOther: boolean): RiskWho {
  // For harm to others, who may be hurt; otherwise someone the writer is worried about.
  if (category === 'harm_to_others' || aboutOther) return kindOfPerson(text, at);
  if (FIRST_PERSON.test(span)) return 'self';
  const { start, end } = sentenceAround(text, at);
  const inSpan = THIRD_PARTY.exec(span);
  if (inSpan !== null) {
    // "wrote a note for my partner": someone named after the verb is not its subject; the writer
    // is, when "I" is the nearest subject before the words.
    const third = lastIndexOfPattern(text.slice(start, at), THIRD_PARTY);
    const first = lastIndexOfPattern(text.slice(start, at), FIRST_SUBJECT);
    return inSpan.index > 0 && category !== 'abuse' && category !== 'danger' && first > third ? 'self' : kindOfPerson(text, at);
  }
  const sentence = text.slice(start, end);
  if (category === 'abuse' || category === 'danger') {
    // "he hits me" is the writer's; "the dad next door laying into the kids" is someone else's;
    // "a pupil told me her dad hits her": the writer is only who was told.
    if (OBJECT_SELF.test(sentence.replace(TOLD_ME, ' '))) return 'self';
    if (THIRD_PARTY.test(sentence) && (CHILD.test(sentence) || !FIRST_PERSON.test(sentence))) return kindOfPerson(text, at);
    return 'self';
  }
  // Who the clause before the risk words is about: the nearest subject wins.
  const clause = text.slice(start, at);
  const third = lastIndexOfPattern(clause, THIRD_PARTY);
  // "my mate texted me ... goodbye": the writer as the object does not make the risk theirs.
  const first = lastIndexOfPattern(clause, FIRST_SUBJECT);
  if (third > first) return kindOfPerson(text, at);
  return 'self';
}

const GLOBAL = new Map<RegExp, RegExp>();

function lastIndexOfPattern(text: string, re: RegExp): number {
  let global = GLOBAL.get(re);
  if (global === undefined) {
    global = new RegExp(re.source, 'g');
    GLOBAL.set(re, global);
  }
  global.lastIndex = 0;
  let last = -1;
  for (let m = global.exec(text); m !== null; m = global.exec(text)) {
    last = m.index;
    if (m[0].length === 0) global.lastIndex++;
  }
  return last;
}

/** The text without what says past, well now, or ordinary plans: what is left may speak of now. */
function setAside(text: string): string {
  return text.replace(RECOVERED, ' ').replace(PAST_OVER, ' ').replace(PAST_ONLY, ' ').replace(DATED_PAST_ALL, ' ').replace(PLANS, ' ').replace(GOALS_AGAIN, ' ').replace(PREVENTING, ' ');
}

/**
 * A model's guess has no words to read around, and the sentence it finds riskiest may be any
 * ("can I do IPT for feeling lonely"): the message as a whole is past and over when it says the
 * risk is past, says how things are now, and nothing anywhere speaks of now or of wanting.
 */
export function pastAndOverThroughout(text: string): boolean {
  if (!(testOnce(PAST_OVER, text) || DATED_PAST.test(text)) || !testOnce(RECOVERED, text) || DAYS_AGO.test(text)) return false;
  const rest = setAside(text);
  return !NOW.test(rest) && !RECURRING.test(rest) && !PRESENT_WANT.test(rest);
}

function whenFor(category: RiskCategory, text: string, at: number, located: boolean): RiskWhen {
  // A body that was checked and cleared ("we rushed him to A&E and they said he was fine") is over,
  // however recent, unless the message turns back to now ("but now he is being sick"). Never an
  // overdose or a wound someone gave themselves: last night's attempt is not over when A&E lets them go.
  if (category === 'medical' && MEDICAL_CLEARED.test(text) && !TURNS_BACK.test(text) && !SELF_INFLICTED.test(text)) return 'past';
  if (!mayMatch(text, PAST_WORDS) && !DATED_PAST.test(text)) return 'current';
  if (!located && pastAndOverThroughout(text)) return 'past';
  const { start, end } = sentenceAround(text, at);
  const sentence = text.slice(start, end);
  const next = text.indexOf(' . ', end + 3);
  const previous = start > 3 ? text.lastIndexOf(' . ', start - 4) : -1;
  // The neighbouring sentences count too ("I took an overdose at 19. I have been well ever since.")
  const around = text.slice(previous < 0 ? 0 : previous + 3, next < 0 ? text.length : next);
  // Past and over: said so near the risk, or a dated past with the message saying all is well now.
  const datedAndWell = DATED_PAST.test(around) && testOnce(RECOVERED, text);
  const pastHere = testOnce(PAST_OVER, sentence) || (datedAndWell && DATED_PAST.test(sentence));
  if (!pastHere && !testOnce(PAST_OVER, around) && !datedAndWell) return 'current';
  // Signs of now count in the sentence that holds the risk, and in a sentence either side that speaks
  // of it ("Tonight I feel the same"): "my manager keeps changing the rota" says nothing about it.
  const neighbours = [text.slice(previous < 0 ? 0 : previous + 3, Math.max(0, start - 3)), end >= text.length ? '' : text.slice(end + 3, next < 0 ? text.length : next)];
  // Past and over said in the risk's own sentence ("I stopped at 17 and it hasn't been an issue in
  // six years"): a neighbour about a new feeling ("I've started to feel really lonely") is not the
  // risk come back; only one that speaks of the risk itself is.
  const refersBack = pastHere && testOnce(PAST_OVER, sentence) ? REFERS_TO_RISK : REFERS_BACK;
  // A neighbour refers back by its own words, not by a recovery phrase ("it has never happened again").
  const near = setAside([sentence, ...neighbours.filter((n) => n !== '' && refersBack.test(setAside(n)))].join(' . '));
  if (NOW.test(near) || (category !== 'medical' && DAYS_AGO.test(near)) || SOON.test(setAside(sentence)) || RECURRING.test(setAside(text))) return 'current';
  // Present-tense verbs speak of the risk only in the sentence that holds its words; the sentence a
  // model's guess is read at (no words matched) may be any sentence ("I'm a dad of three now").
  if (!located) return 'past';
  if (!pastHere && PRESENT_RISK_VERB.test(sentence.replace(PAST_OVER, ' ').replace(RECOVERED, ' '))) return 'current';
  // A date and "I'm 25" do not make "... and I want to die" in the same sentence past.
  if (!testOnce(PAST_OVER, around) && PRESENT_WANT.test(sentence.replace(RECOVERED, ' '))) return 'current';
  return 'past';
}

function testOnce(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}

// Where a clause about someone else may start: "I refer clients who self-harm".
const CLAUSE_BREAKS = [' . ', ' and ', ' but ', ' who ', ' because ', ' so ', ' which ', ' when ', ' if ', ' whose '];

/** The clause that holds the risk words: from the last break before them to their end. */
function clauseOf(text: string, at: number, span: string): string {
  let start = 0;
  for (const brk of CLAUSE_BREAKS) {
    let i = text.lastIndexOf(brk, at);
    // "i think about letting the van drift and being done with it all": an "and" before a word in
    // -ing goes on with the same subject, so it starts no clause.
    while (brk === ' and ' && i >= 0 && /^[a-z]+ing(?= |$)/.test(text.slice(i + brk.length))) i = i > 0 ? text.lastIndexOf(brk, i - 1) : -1;
    if (i >= 0 && i + brk.length <= at && i + brk.length > start) start = i + brk.length;
  }
  return text.slice(start, at + span.length);
}

/**
 * Work or study talk: a professional role or task is named, and the clause with the risk words
 * (once the role and questions about helping someone are set aside) does not speak of the writer.
 */
function frameFor(plain: string, clause: string, sentence: string, aboutOther: boolean): RiskFrame {
  if (!mayMatch(plain, PROFESSIONAL_WORDS) || !ROLE.test(plain)) return 'personal';
  // Someone in the writer's own life ("my neighbour's kids", "my partner") is not work, whatever job they name.
  if (disclosedToThem(plain) || OWN_PEOPLE.test(sentence)) return 'personal';
  if (particularPersonNow(sentence)) return 'personal';
  // Someone else's risk in a work setting (a pupil, a caller): the writer's own words do not change it.
  if (aboutOther) return 'professional';
  // Risk words with a time of their own and nobody else named ("self-harm every night this week,
  // nobody at work knows") are the writer's own, said without "I".
  // A training or class that had a time of its own ("we had safeguarding training this week") is not that.
  if (OWN_TIME.test(sentence) && !THIRD_PARTY.test(sentence) && !TRAINING_HELD.test(sentence)) return 'personal';
  const rest = clause.replace(ABOUT_OTHERS, ' ').replace(ROLE_ALL, ' ');
  return FIRST_SELF.test(rest) ? 'personal' : 'professional';
}

/**
 * True when a message names a work or study role or task ("im a student nurse", "for my essay"),
 * with no real disclosure told as it happened: the frame a later question in the conversation may
 * carry (src/safety/workFrame.ts). `plain`: lower-case words separated by single spaces.
 */
export function namesWorkFrame(plain: string): boolean {
  return mayMatch(plain, PROFESSIONAL_WORDS) && ROLE.test(plain) && !disclosedToThem(plain);
}

/**
 * `at` and `span`: where the risk words matched in `text` (normalised, figures of speech masked),
 * and what they were. `aboutOther`: the match is about someone else (read in the first person, see
 * pronounShift.ts, or a rule written about someone else). `plain`: the text before masking.
 */
export function readRiskContext(category: RiskCategory, text: string, at: number, span: string, aboutOther: boolean, plain: string = text): RiskContext {
  const who = whoFor(category, text, at, span, aboutOther);
  const when = whenFor(category, text, at, span !== '');
  const { start, end } = sentenceAround(text, at);
  const sentence = text.slice(start, end);
  // Without a match (the backstop), the whole message is what the writer says.
  let frame = frameFor(plain, span === '' ? text : clauseOf(text, at, span), sentence, aboutOther);
  if (frame === 'professional' && span !== '') {
    // A body in danger in front of a professional is an emergency, and a professional who is
    // being hurt ("the man I care for has started grabbing me") speaks for themselves.
    // A caller "who says they have taken an overdose", or "if someone collapses", stays work talk.
    // Words quoted from others ("kids keep saying 'I'm gonna kill myself'") are theirs, not the writer's.
    if ((category === 'medical' && !REPORTED.test(sentence)) || OBJECT_SELF.test(sentence.replace(TOLD_ME, ' ').replace(QUOTED_FIRST, ' '))) frame = 'personal';
  }
  return { who, when, frame };
}

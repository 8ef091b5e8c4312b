/**
 * Questions about the support lines themselves ("what is Shout and is it free from every network?",
 * "is there a helpline for farmers? it's for our notice board"): a request for information, answered
 * like work or study talk (the answer, with a short line of routes), not a plea for help. Anything
 * that speaks of the writer, of now, or of harm keeps the usual safety reply. Pure; reads the
 * normaliser's output (lower-case ASCII words, " . " between sentences).
 */

/** The lines and services by name (what the question is about). */
const LINE = /(?:^| )(?:samaritans|samaritan|shout|85258|116 123|116123|childline|child line|nspcc|papyrus|hopeline|breathing space|lifeline|helpline|helplines|help line|help lines|hotline|hotlines|crisis line|crisis lines|crisis team|crisis teams|111|nhs 111|999|non emergency)(?= |$)/;

/** Asked as a question about what something is, costs or does. */
const ASKS = /(?:^| )(?:what|whats|how|who|which|is there|are there|is it|is that|are they|do they|does it|does|difference between)(?= |$)|(?:^|\. )(?:is|are|can|could|do|will|would)(?= )/;

/**
 * The writer, a time of now, or harm named: "what's the Samaritans number, I can't cope", "is there
 * a line open now", "do you have to be suicidal to ring them" all keep the safety reply.
 */
const NOT_ONLY_ASKING = /(?:^| )(?:i|im|ive|id|ill|me|my|mine|myself|we|us|our|now|tonight|today|asap|urgent|urgently|(?<!non )emergency|quick|quickly|please|scared|frightened|danger|unsafe|safe|hurt|hurting|harm|kill|die|dying|dead|suicidal|suicide|(?:end|ending|ends|take|taking|takes) (?:their|his|her|my|your|a) (?:own )?life|end it|ending it|cope|coping|struggling|crisis(?= (?:now|tonight))|help me|need)(?= |$)/;

/** The whole message asks about the support lines, and says nothing of the writer or of now. */
export function asksAboutSupportLines(text: string): boolean {
  return LINE.test(text) && ASKS.test(text) && !NOT_ONLY_ASKING.test(text);
}

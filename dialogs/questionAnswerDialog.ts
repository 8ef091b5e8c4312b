import { MessageFactory, type Activity } from 'botbuilder';
import { answerWords, nextQuestions, type AnswerContext, type DeploymentValues } from '../src/content/answerReplies';
import { t } from '../src/content/i18n';
import type { KnowledgeBase } from '../src/content/knowledgeBase';
import { OneTurnDialog } from './oneTurnDialog';
import { withButtons } from './replies';

export const QUESTION_ANSWER_DIALOG = 'questionAnswer';

export interface QuestionAnswerOptions {
  questionId: string;
  context: AnswerContext;
  /** 'topic': the topic was clear but the question was not, so say so and offer the closest questions. */
  mode: 'answer' | 'topic';
  /** For 'topic': the closest other questions. */
  closest?: string[];
  /** Lines to say first, such as "You said you're in Scotland". */
  lead?: string[];
  /** The other question of a message that asked two: offered first, and said so. */
  also?: string;
}

/**
 * Answers one knowledge-base question for this person (their nation's and age's variant, with
 * placeholders filled) and offers its follow-ups as buttons (their question text, which
 * MainDialog maps back to the question).
 */
export class QuestionAnswerDialog extends OneTurnDialog<QuestionAnswerOptions> {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly deployment: DeploymentValues,
  ) {
    super(QUESTION_ANSWER_DIALOG);
  }

  protected replies(_context: unknown, locale: string, options?: QuestionAnswerOptions): Partial<Activity>[] {
    const question = options ? this.kb.questions.get(options.questionId) : undefined;
    if (!options || !question) throw new Error('QuestionAnswerDialog needs a known question');
    const replies: Partial<Activity>[] = (options.lead ?? []).map((line) => MessageFactory.text(line));
    const answer = answerWords(locale, question, options.context, this.deployment);
    const also = options.also ? this.kb.questions.get(options.also)?.question : undefined;
    // The other question asked first among the buttons, then the usual ones (three at most).
    const offer = (questions: string[]) => [...new Set([...(also ? [also] : []), ...questions])].slice(0, also ? 3 : questions.length);
    const alsoLine = also ? `\n\n${t(locale, 'answers:alsoAsked', { question: also })}` : '';
    if (options.mode === 'topic') {
      const title = this.kb.topicOf(question.id)?.title.toLowerCase() ?? question.topic;
      const closest = (options.closest ?? []).map((id) => this.kb.questions.get(id)?.question).filter((q): q is string => Boolean(q));
      replies.push(MessageFactory.text(`${t(locale, 'answers:topicLead', { title })}\n\n${answer}${alsoLine}`));
      replies.push(withButtons(t(locale, 'answers:topicMore'), offer(closest)));
      return replies;
    }
    replies.push(withButtons(`${answer}${alsoLine}`, offer(nextQuestions(this.kb, question, options.context).map((q) => q.question))));
    return replies;
  }
}

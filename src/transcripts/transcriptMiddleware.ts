import { randomUUID } from 'node:crypto';
import type { Activity, Middleware, ResourceResponse, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { minimiseActivity, riskEntry, withProfile, type Role, type StoredActivity, type TurnFacts } from './entry';
import { rememberingRedactor, type Redactor } from './redact';
import type { TranscriptWriter } from './transcriptWriter';

const FORGET_TURN = Symbol.for('ipt-guide.forgetTranscriptTurn');

/** Called by erasure: nothing more of this turn (or conversation, in this turn) is written. */
export function forgetThisTurn(context: TurnContext): void {
  context.turnState.set(FORGET_TURN, true);
}

export interface TranscriptMiddlewareDeps {
  writer: TranscriptWriter;
  redactor: Redactor;
  logger: Logger;
  /** What the bot learnt about the turn (risk, nation, age group), read after the turn ran. */
  facts?: (context: TurnContext) => TurnFacts;
  now?: () => Date;
}

/**
 * The transcript logger, first in the middleware chain. Unlike botbuilder's
 * TranscriptLoggerMiddleware it logs a turn that throws (the person's message and every reply they
 * got, including the crisis routes the safety gate sent on the way out and onTurnError's replies,
 * which arrive after the chain has unwound), redacts before anything leaves the process, keeps only
 * what staff need, and waits (bounded) for the write so nothing is lost silently.
 */
export class TranscriptMiddleware implements Middleware {
  /** The bot's replies repeat from turn to turn: their redaction is remembered. */
  private readonly botRedactor: Redactor;

  constructor(private readonly deps: TranscriptMiddlewareDeps) {
    this.botRedactor = rememberingRedactor(deps.redactor);
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    // 12 random hex digits (a v4 UUID's first 48 bits are all random); randomUUID draws from a
    // batched entropy pool, where randomBytes asked the system on every turn (about 1% of a turn's CPU under load).
    const uuid = randomUUID();
    const turnId = uuid.slice(0, 8) + uuid.slice(9, 13);
    let index = 0;
    let flushed = false;
    const pending: StoredActivity[] = [];
    const now = this.deps.now ?? (() => new Date());
    const record = (activity: Partial<Activity>, role: Role): StoredActivity | undefined => {
      const redactor = role === 'bot' ? this.botRedactor : this.deps.redactor;
      const entry = minimiseActivity(activity, role, `${turnId}-${String(index).padStart(3, '0')}`, now(), redactor);
      if (entry) index += 1;
      return entry;
    };

    const incoming = record(context.activity, 'user');
    if (incoming) pending.push(incoming);

    context.onSendActivities(async (_ctx, activities, sendNext): Promise<ResourceResponse[]> => {
      const responses = await sendNext();
      // Read after sending: a later handler (the reply buffer) takes out the replies it holds back
      // until state is saved, and they are logged when they are really sent.
      const entries: StoredActivity[] = [];
      for (const activity of activities) {
        const entry = record(activity, 'bot');
        if (entry) entries.push(entry);
      }
      if (!flushed) pending.push(...entries);
      // A reply sent after the chain unwound (onTurnError's): written on its own.
      else if (incoming && !this.forgotten(context)) await this.deps.writer.write(entries);
      return responses;
    });

    try {
      await next();
    } finally {
      flushed = true;
      // Only turns where the person said something: a welcome on joining is the same for everyone,
      // and every page visit would otherwise leave a transcript with nothing of theirs in it.
      if (incoming && !this.forgotten(context)) await this.deps.writer.write(this.withFacts(context, pending, incoming, turnId));
    }
  }

  private forgotten(context: TurnContext): boolean {
    return context.turnState.get(FORGET_TURN) === true;
  }

  /** Adds the turn's risk event after the person's message, and nation and age group if known. */
  private withFacts(context: TurnContext, entries: StoredActivity[], incoming: StoredActivity, turnId: string): StoredActivity[] {
    if (!this.deps.facts) return entries;
    let facts: TurnFacts;
    try {
      facts = this.deps.facts(context);
    } catch (error) {
      this.deps.logger.warn({ event: 'transcript_facts_failed', error: error instanceof Error ? error.name : typeof error }, 'could not read turn facts');
      return entries;
    }
    const out = entries.map((entry) => (entry === incoming ? withProfile(entry, facts) : entry));
    if (facts.risk) {
      // Same time as the message, ordered right after it.
      const risk = riskEntry(facts.risk, context.activity, `${turnId}-000r`, new Date(incoming.timestamp));
      out.splice(1, 0, risk);
    }
    return out;
  }
}

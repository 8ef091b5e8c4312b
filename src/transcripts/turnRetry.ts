import type { Activity, Middleware, ResourceResponse, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { StateConflictError, StorageUnavailableError } from './optimisticStorage';
import { isUrgent } from './replyMarkers';

export interface TurnRetryDeps {
  logger: Logger;
  /** How many times a turn runs before giving up on saving its state (default 4). */
  maxAttempts?: number;
  /** The words that tell the person the bot cannot remember where they were (localised by the caller). */
  degradedNotice: (locale: string) => string;
  /** True once a turn has become a crisis response: from then on its replies go out at once too. */
  sendAtOnce?: (context: TurnContext) => boolean;
}

/**
 * Last in the middleware chain, right around the bot: the turn-level half of optimistic
 * concurrency (the storage half is OptimisticStorage). Replies are held until the turn's state is
 * saved; if the save finds that another instance changed the state first, the held replies are
 * dropped, everything the attempt put in turn state is cleared, and the turn runs again on the fresh
 * state. Only then are the replies sent. Replies marked urgent (the crisis routes) never wait: they
 * go out at once, and a retried attempt does not send the same one twice.
 *
 * If the store cannot be reached (or conflicts go on past maxAttempts), the person still gets the
 * replies, with a short notice that the bot may not remember where they were; what was saved
 * before stays as it was.
 */
export class TurnRetryMiddleware implements Middleware {
  constructor(private readonly deps: TurnRetryDeps) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const held: Partial<Activity>[] = [];
    /** What earlier attempts of this turn already sent at once, and what this attempt has. */
    const sentBefore = new Set<string>();
    const sentNow = new Set<string>();
    let holding = true;

    context.onSendActivities(async (_ctx, activities, sendNext): Promise<ResourceResponse[]> => {
      if (!holding) return sendNext();
      const responses: ResourceResponse[] = [];
      const now: Partial<Activity>[] = [];
      // An urgent reply takes the replies sent with it (its lead-in, what follows) along, in order.
      const atOnce = activities.some(isUrgent) || this.deps.sendAtOnce?.(context) === true;
      for (const activity of activities) {
        if (!atOnce) {
          held.push(activity);
          responses.push({ id: '' });
          continue;
        }
        const key = fingerprint(activity);
        if (!sentBefore.has(key)) now.push(activity);
        sentNow.add(key);
        responses.push({ id: '' });
      }
      // Later handlers and the transcript logger (which reads this array after sending) see only
      // what is really sent now; held replies are sent, and logged, after the save.
      activities.splice(0, activities.length, ...now);
      if (now.length === 0) return responses;
      const sent = await sendNext();
      return responses.map((response, index) => sent[index] ?? response);
    });

    const release = async (): Promise<void> => {
      holding = false;
      if (held.length > 0) await context.sendActivities(held.splice(0, held.length));
    };

    const baseline = new Set(context.turnState.keys());
    const maxAttempts = this.deps.maxAttempts ?? 4;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await next();
        await release();
        return;
      } catch (error) {
        const conflict = error instanceof StateConflictError;
        if (conflict && attempt < maxAttempts) {
          this.deps.logger.info({ event: 'state_conflict_retry', attempt, conversationId: context.activity.conversation?.id }, 'state changed elsewhere: running the turn again');
          held.length = 0;
          for (const key of sentNow) sentBefore.add(key);
          sentNow.clear();
          for (const key of [...context.turnState.keys()]) if (!baseline.has(key)) context.turnState.delete(key);
          continue;
        }
        if (conflict || error instanceof StorageUnavailableError) {
          this.deps.logger.error(
            { event: 'state_not_saved', reason: conflict ? 'conflicts' : 'unavailable', attempt, conversationId: context.activity.conversation?.id },
            'state could not be saved: replies sent, degraded mode',
          );
          held.push({ type: 'message', text: this.deps.degradedNotice(context.activity.locale ?? '') });
          await release();
          return;
        }
        // Any other fault: the person gets what the turn had said so far, then onTurnError's reply.
        await release();
        throw error;
      }
    }
  }
}

/** The same urgent reply sent again by a retried attempt is not sent twice. */
function fingerprint(activity: Partial<Activity>): string {
  return JSON.stringify([activity.type, activity.name, activity.text, activity.attachments, activity.value]);
}

import { z } from 'zod';

/**
 * The minimum an incoming body must have to be treated as a Bot Framework activity. Everything
 * else is passed through untouched: channels add fields freely.
 */
const account = z.object({ id: z.string().min(1).max(1024) }).passthrough();

export const incomingActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(1024).optional(),
    channelId: z.string().min(1).max(256),
    serviceUrl: z.string().url().max(2048),
    conversation: account,
    from: account.optional(),
    recipient: account.optional(),
    text: z.string().max(100_000).optional(),
    locale: z.string().max(64).optional(),
    timestamp: z.string().optional(),
    localTimestamp: z.string().optional(),
  })
  .passthrough();

export type IncomingActivity = z.infer<typeof incomingActivitySchema>;

/** A one-line description of why a body is not an activity, safe to return to the caller. */
export function describeActivityProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.join('.') || 'body';
  return `Not a valid activity: ${where} ${issue?.message.toLowerCase() ?? 'is invalid'}`;
}

import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs for the service. Message text and personal data stay out unless the operator opted in
 * (LOG_MESSAGE_TEXT); the redact list is a second line of defence for fields that should never
 * appear even by accident.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'ipt-guide' },
      redact: {
        paths: ['text', '*.text', 'activity.text', 'from.name', '*.from.name', 'authorization', '*.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

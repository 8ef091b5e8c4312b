import pino, { type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** LOG_MESSAGE_TEXT: only an operator's explicit opt-in lets message text into the logs. */
  messageText?: boolean;
  destination?: pino.DestinationStream;
}

const ALWAYS_REDACTED = ['from.name', '*.from.name', 'authorization', '*.authorization', 'headers.authorization'];
const TEXT_FIELDS = ['text', '*.text', 'activity.text'];

/**
 * JSON logs for the service. Code never puts message text or personal data in a log line unless
 * the operator opted in; the redact list is a second line of defence for fields that must not
 * appear even by accident.
 */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  return pino(
    {
      level,
      base: { service: 'ipt-guide' },
      redact: {
        paths: options.messageText ? ALWAYS_REDACTED : [...ALWAYS_REDACTED, ...TEXT_FIELDS],
        censor: '[redacted]',
      },
    },
    options.destination,
  );
}

// Structured logs to stderr (stdout carries the console's replies). Logs carry
// ids, command names and error stacks; never command text or resident data.
import pino, { type Logger } from 'pino';

export function createLogger(level: string, destination = 2): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ['text', '*.text', 'options', '*.options'], censor: '[redacted]' },
    },
    pino.destination({ fd: destination, sync: true }),
  );
}

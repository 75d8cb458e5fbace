// Structured logs to stderr (stdout carries the console's replies). Logs carry
// ids, command names and error stacks; never command text or resident data.
import pino, { type Logger } from 'pino';

/** Logs to stderr, or appended to a file (the console at a terminal keeps them away from its prompt). */
export function createLogger(level: string, file?: string): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ['text', '*.text', 'options', '*.options'], censor: '[redacted]' },
    },
    file ? pino.destination({ dest: file, sync: true, mkdir: true, append: true }) : pino.destination({ fd: 2, sync: true }),
  );
}

import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs on stdout (one line per event), as an operator's log shipper expects. */
export function createLogger(level: string, name = 'pantau'): Logger {
  return pino({ name, level, base: { pid: process.pid } });
}

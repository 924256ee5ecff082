/**
 * A plain logger for the main process and the browser host: one line per entry on stderr, with
 * the time. Callers pass details, never inputs: PINs and personal data must not reach a log.
 */
import type { Logger } from './desk-types';

export function createConsoleLogger(scope: string): Logger {
  const write = (level: string, message: string, details?: Record<string, unknown>) => {
    const extra = details ? ` ${JSON.stringify(details)}` : '';
    process.stderr.write(`${new Date().toISOString()} ${level} [${scope}] ${message}${extra}\n`);
  };
  return {
    info: (message, details) => write('info', message, details),
    warn: (message, details) => write('warn', message, details),
    error: (message, details) => write('error', message, details),
  };
}

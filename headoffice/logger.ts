/**
 * Head office's log: one line per entry on stderr (systemd's journal and `docker logs` collect
 * it), in the counter's format (time, level, scope, message, details as JSON), filtered by the
 * level from the settings. Head office does not import the counter's db/log.ts (docs/architecture/layers.md).
 * Lines carry what happened, never a token, a password, a database URL or a customer's name or phone.
 */
import { LOG_LEVELS, type LogLevel } from './settings';

export type HeadOfficeLogger = {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
};

export function headOfficeLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(line),
): HeadOfficeLogger {
  const entry = (wanted: LogLevel) => (message: string, details?: Record<string, unknown>) => {
    if (LOG_LEVELS.indexOf(wanted) > LOG_LEVELS.indexOf(level)) return;
    const extra = details ? ` ${JSON.stringify(details)}` : '';
    write(`${new Date().toISOString()} ${wanted} [headoffice] ${message}${extra}\n`);
  };
  return { info: entry('info'), warn: entry('warn'), error: entry('error') };
}

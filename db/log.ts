/**
 * The app's logger: one line per entry on stderr (for developers and service managers) and, given
 * a log folder, the same entries as JSON lines in rotating files there (db/log-files.ts) for the
 * admin's diagnostics export. Every message and detail passes db/log-scrub.ts first, and pino's
 * `redact` drops the known keys again at the file: no name, phone, PIN or secret reaches either.
 *
 * pino writes straight into the rotating stream on this thread. Its transports run in worker
 * threads that load their target by file path at run time, which a bundled Electron app does not
 * have; the file stream needs no such thing.
 */
import { homedir } from 'node:os';
import type { Writable } from 'node:stream';
import pino from 'pino';
import type { Logger } from './desk-types';
import { openLogFile, type LogFileSize } from './log-files';
import { PINO_REDACT_PATHS, REDACTED, scrubDetails, scrubText, type ScrubOptions } from './log-scrub';

export type ClosableLogger = Logger & {
  /** Writes out what is buffered and closes the file; later entries go to stderr only. */
  close(): Promise<void>;
};

export type LoggerOptions = {
  /** Who logs (`main`, `store`, `host`): the `[scope]` on stderr and the file's name. */
  scope: string;
  /** The log folder (`<data dir>/logs`); without it, stderr only. */
  logDir?: string;
  /** Default true. Tests turn it off to keep their output readable. */
  stderr?: boolean;
  /**
   * How a stderr line is written; default `process.stderr.write`. A worker thread's process.stderr
   * is carried by the parent thread's loop, so the store thread writes file descriptor 2 itself.
   */
  writeLine?: (line: string) => void;
  /** Tests rotate at a few kilobytes. */
  size?: LogFileSize;
};

type Level = 'info' | 'warn' | 'error';

export function createLogger(options: LoggerOptions): ClosableLogger {
  const scrub: ScrubOptions = { home: safeHome() };
  const toStderr = options.stderr !== false;
  const writeLine = options.writeLine ?? ((line: string) => void process.stderr.write(line));
  // Typed as a plain Writable: the stream's own event map names no 'error' under this @types/node.
  const stream: Writable | null = options.logDir ? openOrSay(options.logDir, options.scope, options.size) : null;
  let fileOpen = stream !== null;
  stream?.on('error', (error: unknown) => {
    // A full disk or a removed folder must not take the counter down: stderr still has the entries.
    if (fileOpen)
      process.stderr.write(`${new Date().toISOString()} error [${options.scope}] log file failed: ${String(error)}\n`);
    fileOpen = false;
  });
  const file = stream
    ? pino(
        {
          base: { scope: options.scope, pid: process.pid },
          timestamp: pino.stdTimeFunctions.isoTime,
          formatters: { level: (label) => ({ level: label }) },
          redact: { paths: PINO_REDACT_PATHS, censor: REDACTED },
        },
        stream,
      )
    : null;

  const write = (level: Level, message: string, details?: Record<string, unknown>) => {
    const text = scrubText(message, scrub);
    const clean = scrubDetails(details, scrub);
    if (toStderr) {
      const extra = clean ? ` ${JSON.stringify(clean)}` : '';
      writeLine(`${new Date().toISOString()} ${level} [${options.scope}] ${text}${extra}\n`);
    }
    if (file && fileOpen) file[level](clean ? { details: clean } : {}, text);
  };

  return {
    info: (message, details) => write('info', message, details),
    warn: (message, details) => write('warn', message, details),
    error: (message, details) => write('error', message, details),
    close: () =>
      new Promise<void>((resolve) => {
        if (!stream || !fileOpen) return resolve();
        fileOpen = false;
        stream.once('error', () => resolve());
        stream.end(() => resolve());
      }),
  };
}

/** stderr only, as before: tools and tests that keep no files. */
export function createConsoleLogger(scope: string): Logger {
  return createLogger({ scope });
}

/** The log file, or null when its folder cannot be made (read-only disk, no rights): the app starts anyway, logging to stderr. */
function openOrSay(logDir: string, scope: string, size: LogFileSize | undefined): Writable | null {
  try {
    return openLogFile(logDir, scope, size);
  } catch (error) {
    process.stderr.write(`${new Date().toISOString()} error [${scope}] no log file in ${logDir}: ${String(error)}\n`);
    return null;
  }
}

function safeHome(): string | null {
  try {
    return homedir();
  } catch {
    return null;
  }
}

export { LOG_FOLDER_NAME, logFolder } from './log-files';

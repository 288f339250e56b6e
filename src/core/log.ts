import { redactPersonnummer } from '../domain/personnummer.js';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Structured fields of a log line. Only ids, names, counts and flags: callers pass a
 * conversation id or an intent name, never what a user wrote. The value types stop a
 * whole activity from being logged by accident.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  /** `error` may carry the thrown value; its name, message and stack are logged. */
  error(event: string, fields?: LogFields, error?: unknown): void;
  /** A logger that adds `fields` to every line (e.g. the channel). */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Where a finished JSON line goes; defaults to stderr so stdout stays clean for the CLI. */
  write?: (line: string) => void;
  clock?: () => Date;
}

// Field names that would hold what a user typed; dropped whatever a caller passes, because
// the log must never contain message text (DESIGN.md: never echoed, logged or stored).
const FORBIDDEN_FIELDS = new Set(['text', 'message', 'utterance', 'body', 'value', 'query', 'question']);

function errorFields(error: unknown): LogFields {
  if (error instanceof Error) {
    return { errorName: error.name, errorMessage: error.message, stack: error.stack };
  }
  return { errorName: typeof error };
}

/** A logger writing one JSON object per line: `{ time, level, event, ...fields }`. */
export function createLogger(options: LoggerOptions, bound: LogFields = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level);
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const clock = options.clock ?? (() => new Date());

  const emit = (level: Exclude<LogLevel, 'silent'>, event: string, fields: LogFields = {}, error?: unknown): void => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    const line: LogFields = { time: clock().toISOString(), level, event };
    for (const [key, value] of Object.entries({ ...bound, ...fields })) {
      line[key] = FORBIDDEN_FIELDS.has(key) ? '[utelämnat]' : value;
    }
    if (error !== undefined) Object.assign(line, errorFields(error));
    // Last line of defence: an error message could quote user input.
    write(redactPersonnummer(JSON.stringify(line)).text);
  };

  return {
    debug: (event, fields) => emit('debug', event, fields),
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields, error) => emit('error', event, fields, error),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
  };
}

/** A logger that keeps its lines in memory, for tests that check what was (not) logged. */
export function createMemoryLogger(level: LogLevel = 'debug'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger({ level, write: (line) => lines.push(line) }), lines };
}

/** A logger that drops everything. */
export const silentLogger: Logger = createLogger({ level: 'silent' });

/**
 * A small structured logger: one line per event on stderr, `level message key=value…`.
 * Levels below LOG_LEVEL (default info) are skipped; `silent` turns it off (tests, CLIs with pure stdout).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(scope: string): Logger;
}

function format(fields: Record<string, unknown> | undefined): string {
  if (!fields) return '';
  let out = '';
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    const s = v instanceof Error ? v.message : typeof v === 'string' ? v : JSON.stringify(v);
    out += ` ${k}=${/\s/.test(s) ? JSON.stringify(s) : s}`;
  }
  return out;
}

export function createLogger(level: LogLevel = (process.env.LOG_LEVEL as LogLevel) || 'info', scope = 'fankui'): Logger {
  const min = ORDER[level] ?? ORDER.info;
  const write = (l: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[l] < min) return;
    const time = new Date().toISOString().slice(11, 23);
    process.stderr.write(`${time} ${l.padEnd(5)} [${scope}] ${msg}${format(fields)}\n`);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (s) => createLogger(level, `${scope}/${s}`),
  };
}

export const silentLogger: Logger = createLogger('silent');

import { DefaultLogger, Runtime, type LogEntry, type LogLevel } from '@temporalio/worker';

function jsonLine(entry: LogEntry): string {
  return JSON.stringify({
    time: new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString(),
    level: entry.level.toLowerCase(),
    message: entry.message,
    ...entry.meta,
  });
}

function textLine(entry: LogEntry): string {
  const meta = entry.meta && Object.keys(entry.meta).length ? ` ${JSON.stringify(entry.meta)}` : '';
  return `${new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString()} ${entry.level.padEnd(5)} ${entry.message}${meta}`;
}

/** Structured logs: JSON lines when stdout is not a terminal (or LOG_FORMAT=json), readable text otherwise. */
export function installLogging(level: LogLevel, format: 'json' | 'text' = process.stdout.isTTY ? 'text' : 'json'): DefaultLogger {
  const logger = new DefaultLogger(level, (entry) => process.stdout.write(`${format === 'json' ? jsonLine(entry) : textLine(entry)}\n`));
  Runtime.install({ logger });
  return logger;
}

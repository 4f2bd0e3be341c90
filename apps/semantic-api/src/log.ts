export type Log = (message: string, fields?: Record<string, unknown>) => void;

/** JSON lines when stdout is not a terminal (or LOG_FORMAT=json), readable text otherwise. */
export function createLog(format: 'json' | 'text'): Log {
  return (message, fields = {}) => {
    const time = new Date().toISOString();
    const line = format === 'json' ? JSON.stringify({ time, level: 'info', message, ...fields }) : `${time} ${message}${Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : ''}`;
    process.stdout.write(`${line}\n`);
  };
}

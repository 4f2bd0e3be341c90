/** Formats rows as an aligned plain-text table (numbers right-aligned). */
export function formatTable(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const headers = columns ?? Object.keys(rows[0] ?? {});
  const cells = rows.map((row) => headers.map((header) => display(row[header])));
  const widths = headers.map((header, index) => Math.max(header.length, ...cells.map((line) => line[index]?.length ?? 0)));
  const numeric = headers.map((header) => rows.every((row) => row[header] === null || typeof row[header] === 'number'));
  const render = (line: readonly string[]) =>
    line
      .map((cell, index) => (numeric[index] ? cell.padStart(widths[index] ?? 0) : cell.padEnd(widths[index] ?? 0)))
      .join('  ')
      .trimEnd();
  return [render(headers), render(widths.map((width) => '-'.repeat(width))), ...cells.map(render)].join('\n');
}

function display(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

/** Diagnostics go to stderr so stdout stays clean for --json. */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

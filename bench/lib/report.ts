/** Prints a readable table, then the figures as one JSON object on the very last line. */
export function report(title: string, rows: readonly (readonly [string, string])[], figures: Record<string, unknown>): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n${title}`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  console.log(JSON.stringify(figures));
}

export const seconds = (ms: number) => Math.round(ms) / 1000;

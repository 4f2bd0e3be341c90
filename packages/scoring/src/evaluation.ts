/** Confusion matrix of labels: counts[i][j] = items expected labels[i] and classified labels[j]. */
export interface ConfusionMatrix {
  readonly labels: readonly string[];
  readonly counts: readonly (readonly number[])[];
}

export interface LabelScore {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Items expected to carry the label. */
  readonly support: number;
}

export interface MacroF1 {
  /** Mean F1 over the labels that occur in expected or actual. */
  readonly macro_f1: number;
  readonly labels: readonly LabelScore[];
}

/** Builds the matrix from two aligned lists; `labels` fixes the order (default: sorted union). */
export function confusionMatrix(expected: readonly string[], actual: readonly string[], labels?: readonly string[]): ConfusionMatrix {
  if (expected.length !== actual.length)
    throw new Error(`expected and actual have different lengths (${expected.length} and ${actual.length}); align them item by item`);
  const order = labels ?? [...new Set([...expected, ...actual])].sort();
  const position = new Map(order.map((label, index) => [label, index]));
  const counts = order.map(() => order.map(() => 0));
  expected.forEach((label, index) => {
    const row = position.get(label);
    const column = position.get(actual[index] ?? '');
    if (row === undefined || column === undefined)
      throw new Error(`label "${row === undefined ? label : actual[index]}" is not in the label list ${order.join(', ')}`);
    counts[row]![column]! += 1;
  });
  return { labels: order, counts };
}

/** Per-label precision, recall and F1, and their macro average (F1 is 0 for a label never predicted right). */
export function macroF1(matrix: ConfusionMatrix): MacroF1 {
  const scores = matrix.labels.map((label, index) => {
    const truePositives = matrix.counts[index]![index]!;
    const support = matrix.counts[index]!.reduce((sum, count) => sum + count, 0);
    const predicted = matrix.counts.reduce((sum, row) => sum + row[index]!, 0);
    const precision = predicted > 0 ? truePositives / predicted : 0;
    const recall = support > 0 ? truePositives / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support, predicted };
  });
  const present = scores.filter((score) => score.support > 0 || score.predicted > 0);
  return {
    macro_f1: present.length > 0 ? present.reduce((sum, score) => sum + score.f1, 0) / present.length : 0,
    labels: present.map(({ label, precision, recall, f1, support }) => ({ label, precision, recall, f1, support })),
  };
}

/** A fixed-width table (rows: expected, columns: actual) for test logs. */
export function formatConfusionMatrix(matrix: ConfusionMatrix): string {
  const width = Math.max(8, ...matrix.labels.map((label) => label.length)) + 2;
  const cell = (text: string): string => text.padStart(width);
  const header = `${'expected \\ actual'.padEnd(width)}${matrix.labels.map(cell).join('')}`;
  const lines = matrix.labels.map((label, index) => `${label.padEnd(width)}${matrix.counts[index]!.map((count) => cell(String(count))).join('')}`);
  return [header, ...lines].join('\n');
}

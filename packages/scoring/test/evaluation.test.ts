import { describe, expect, it } from 'vitest';
import { confusionMatrix, formatConfusionMatrix, macroF1 } from '../src/index.js';

describe('confusionMatrix and macroF1', () => {
  const expected = ['grow', 'grow', 'maintain', 'maintain', 'intervene'];
  const actual = ['grow', 'maintain', 'maintain', 'maintain', 'grow'];
  const matrix = confusionMatrix(expected, actual);

  it('counts expected labels (rows) against actual labels (columns)', () => {
    expect(matrix.labels).toEqual(['grow', 'intervene', 'maintain']);
    expect(matrix.counts).toEqual([
      [1, 0, 1],
      [1, 0, 0],
      [0, 0, 2],
    ]);
  });

  it('averages per-label F1 over the labels that occur', () => {
    const score = macroF1(matrix);
    // grow: p 1/2, r 1/2, f1 0.5; intervene: 0; maintain: p 2/3, r 1, f1 0.8.
    expect(score.macro_f1).toBeCloseTo((0.5 + 0 + 0.8) / 3, 10);
    expect(score.labels.map((label) => label.support)).toEqual([2, 1, 2]);
  });

  it('scores a perfect classification 1', () => {
    expect(macroF1(confusionMatrix(['a', 'b'], ['a', 'b'])).macro_f1).toBe(1);
  });

  it('prints a readable table', () => {
    expect(formatConfusionMatrix(matrix).split('\n')[0]).toMatch(/^expected \\ actual\s+grow\s+intervene\s+maintain$/);
  });

  it('refuses lists of different lengths', () => {
    expect(() => confusionMatrix(['a'], [])).toThrowError(/different lengths/);
  });
});

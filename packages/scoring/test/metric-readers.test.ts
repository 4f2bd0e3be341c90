import { metricNames, type MetricName } from '@ppm/core';
import { describe, expect, it } from 'vitest';
import { compileColumnsReader } from '../src/metric-readers.js';
import { metricRow } from './support/rows.js';

describe('compiled column reader', () => {
  it('reads every metric of every row column-major, null as NaN', () => {
    const values = (row: number): Record<MetricName, number | null> =>
      Object.fromEntries(metricNames.map((name, index) => [name, (row + index) % 5 === 0 ? null : row * 1000 + index + 0.25])) as Record<MetricName, number | null>;
    const rows = [0, 1, 2].map((row) => metricRow({ partner_id: `p${row}`, ...values(row) }));
    const into = new Float64Array(metricNames.length * rows.length);
    compileColumnsReader(metricNames)(rows, into);
    metricNames.forEach((name, metric) =>
      rows.forEach((_, row) => expect(into[metric * rows.length + row]).toBe(values(row)[name] ?? NaN)),
    );
  });

  it('keeps the order of the metrics it is given', () => {
    const rows = [metricRow({ partner_id: 'p0', revenue: 7, target: 9 })];
    const into = new Float64Array(2);
    compileColumnsReader(['target', 'revenue'])(rows, into);
    expect([...into]).toEqual([9, 7]);
  });

  it('refuses a name that is not a metric before making code of it', () => {
    expect(() => compileColumnsReader(['revenue', 'revenue; throw 1' as MetricName])).toThrow('not a metric: "revenue; throw 1"');
  });
});

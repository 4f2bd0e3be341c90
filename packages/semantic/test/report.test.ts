import { describe, expect, it } from 'vitest';
import { tierRegionQuery } from '../src/report.js';

describe('tierRegionQuery', () => {
  it('asks for revenue, target and attainment by tier and region for the quarter', () => {
    expect(tierRegionQuery('2026-Q3')).toMatchObject({
      dimensions: ['program_performance.tier', 'program_performance.region'],
      timeDimensions: [{ dimension: 'program_performance.period', granularity: 'quarter', dateRange: ['2026-07-01', '2026-09-30'] }],
    });
    expect(tierRegionQuery('2024-Q1').timeDimensions).toEqual([{ dimension: 'program_performance.period', granularity: 'quarter', dateRange: ['2024-01-01', '2024-03-31'] }]);
  });

  it('refuses what is not a quarter', () => {
    expect(() => tierRegionQuery('2026-09')).toThrow(/YYYY-Qn/);
  });
});

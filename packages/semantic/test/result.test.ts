import { describe, expect, it } from 'vitest';
import { finalResult, isResultWrapper, type MultiResultWrapper, type QueryResultWrapper, type TransformData } from '../src/offline/result.js';

const transform: TransformData = {
  aliasToMemberNameMap: { v__region: 'v.region', v__period_month: 'v.period.month', v__revenue: 'v.revenue' },
  annotation: { 'v.region': { type: 'string' }, 'v.period.month': { type: 'time' }, 'v.period': { type: 'time' }, 'v.revenue': { type: 'number' } },
  query: { dimensions: ['v.region'], timeDimensions: [{ dimension: 'v.period', granularity: 'month' }] },
  queryType: 'regularQuery',
};

function wrapper(rows: Record<string, unknown>[], data: TransformData = transform): QueryResultWrapper {
  return {
    isWrapper: true,
    getArray: () => rows,
    getTransformData: () => [data],
    getRootResultObject: () => [{ query: data.query, annotation: {}, usedPreAggregations: { t: { preAggregationId: 'v.rollup' } } }],
  };
}

const rows = [
  { v__region: 'EMEA', v__period_month: '2026-09-01T00:00:00.000', v__revenue: '12.50' },
  { v__region: 'NA', v__period_month: new Date('2026-08-01T00:00:00Z'), v__revenue: null },
];

describe('finalResult (the JSON of /load that Cube\'s native module builds)', () => {
  it('keys rows by member, adds the plain time dimension and keeps the root object', () => {
    expect(finalResult(wrapper(rows))).toEqual({
      query: transform.query,
      annotation: {},
      usedPreAggregations: { t: { preAggregationId: 'v.rollup' } },
      data: [
        { 'v.region': 'EMEA', 'v.period.month': '2026-09-01T00:00:00.000', 'v.period': '2026-09-01T00:00:00.000', 'v.revenue': '12.50' },
        { 'v.region': 'NA', 'v.period.month': '2026-08-01T00:00:00.000', 'v.period': '2026-08-01T00:00:00.000', 'v.revenue': null },
      ],
    });
  });

  it('writes time values as local ISO timestamps with milliseconds', () => {
    const data = finalResult(wrapper([{ v__region: 'x', v__period_month: '2026-09-01 10:20:30', v__revenue: '1' }])).data as Record<string, unknown>[];
    expect(data[0]?.['v.period.month']).toBe('2026-09-01T10:20:30.000');
  });

  it('answers the compact format', () => {
    expect(finalResult(wrapper(rows, { ...transform, resType: 'compact' })).data).toEqual({
      members: ['v.region', 'v.period.month', 'v.period', 'v.revenue'],
      dataset: [
        ['EMEA', '2026-09-01T00:00:00.000', '2026-09-01T00:00:00.000', '12.50'],
        ['NA', '2026-08-01T00:00:00.000', '2026-08-01T00:00:00.000', null],
      ],
    });
  });

  it('wraps several queries for queryType=multi, as @cubejs-client/core asks', () => {
    const multi: MultiResultWrapper = { isWrapper: true, results: [wrapper(rows)], rootResultObject: { queryType: 'regularQuery', slowQuery: false } };
    const body = finalResult(multi);
    expect(body).toMatchObject({ queryType: 'regularQuery', slowQuery: false, pivotQuery: { ...transform.query, queryType: 'regularQuery' } });
    expect((body.results as unknown[]).length).toBe(1);
  });

  it('adds compareDateRange to the rows of a compare-date-range query', () => {
    const data: TransformData = { ...transform, queryType: 'compareDateRangeQuery', query: { ...transform.query, timeDimensions: [{ dimension: 'v.period', granularity: 'month', dateRange: ['2026-01-01', '2026-03-31'] }] } };
    expect((finalResult(wrapper(rows, data)).data as Record<string, unknown>[])[0]?.compareDateRange).toBe('2026-01-01 - 2026-03-31');
  });

  it('refuses columns that are not members of the query', () => {
    expect(() => finalResult(wrapper([{ v__secret: 1 }]))).toThrow(/hidden member/);
  });

  it('recognises Cube\'s result wrappers only', () => {
    expect(isResultWrapper(wrapper([]))).toBe(true);
    expect(isResultWrapper({ error: 'x' })).toBe(false);
    expect(isResultWrapper(null)).toBe(false);
  });
});

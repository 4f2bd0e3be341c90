/**
 * The last step of Cube's /load response that Cube 1.7 runs inside its native module
 * (`getFinalQueryResult`): rows keyed by SQL alias become rows keyed by member name, time
 * values are written as local ISO timestamps, and a time dimension with a granularity is
 * also given under its plain name. A port of the JavaScript Cube used before the native
 * result pipeline (api-gateway 0.35 `transformData`), so the response is the one
 * `@cubejs-client/core` expects.
 */
import { apiGatewayQuery } from '../cube-modules.js';

type Row = Record<string, unknown>;

interface Annotation {
  readonly type: string;
}

interface TimeDimension {
  readonly dimension: string;
  readonly granularity?: string;
  readonly dateRange?: unknown;
}

interface NormalizedQuery {
  readonly dimensions?: readonly string[];
  readonly timeDimensions?: readonly TimeDimension[];
}

/** What Cube's ApiGateway hands to the result pipeline (ResultWrapper.setTransformData). */
export interface TransformData {
  readonly aliasToMemberNameMap: Record<string, string>;
  readonly annotation: Record<string, Annotation | undefined>;
  readonly query: NormalizedQuery;
  readonly queryType: string;
  readonly resType?: string;
}

/** Cube's ResultWrapper (one query) as far as this module reads it. */
export interface QueryResultWrapper {
  readonly isWrapper: true;
  getArray(): Row[];
  getTransformData(): TransformData[];
  getRootResultObject(): Row[];
}

/** Cube's ResultMultiWrapper (queryType=multi, what @cubejs-client/core asks for). */
export interface MultiResultWrapper {
  readonly isWrapper: true;
  readonly results: QueryResultWrapper[];
  readonly rootResultObject: { readonly queryType: string; readonly slowQuery: boolean };
}

const compareDateRangeQuery = 'compareDateRangeQuery';
const blendingQuery = 'blendingQuery';

export class ResultTransformError extends Error {
  override readonly name = 'UserError';
  readonly type = 'UserError';
}

/** 2026-09-01T00:00:00.000 (Cube's DATETIME_LOCAL_MS, in the query's time zone already). */
function timeValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 23);
  if (typeof value !== 'string' || value === '') return value;
  const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`;
  const parsed = new Date(zoned);
  return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString().slice(0, 23);
}

const transformValue = (value: unknown, type: string) => (value && type === 'time' ? timeValue(value) : value);

function memberOf(data: TransformData, alias: string): { member: string; annotation: Annotation } {
  const member = data.aliasToMemberNameMap[alias];
  const annotation = member === undefined ? undefined : data.annotation[member];
  if (member === undefined || !annotation) throw new ResultTransformError(`You requested hidden member: '${alias}'.`);
  return { member, annotation };
}

/** "view.period.month" -> "view.period" when the query does not list that dimension itself. */
function withoutGranularity(member: string, query: NormalizedQuery): string | undefined {
  const path = member.split('.');
  const plain = `${path[0]}.${path[1]}`;
  return path.length === 3 && !(query.dimensions ?? []).includes(plain) ? plain : undefined;
}

function dateRangeLabel(query: NormalizedQuery): string {
  const range = query.timeDimensions?.[0]?.dateRange;
  if (!Array.isArray(range)) throw new ResultTransformError('A compare date range query needs a dateRange on its first time dimension.');
  return range.join(' - ');
}

function blendingKeys(query: NormalizedQuery): { key: string; source: string } {
  const td = query.timeDimensions?.[0];
  if (!td?.granularity) throw new ResultTransformError('A blending query needs a granularity on its first time dimension.');
  return { key: `time.${td.granularity}`, source: `${td.dimension}.${td.granularity}` };
}

function vanillaRow(data: TransformData, dbRow: Row): Row {
  const row: Row = {};
  for (const [alias, value] of Object.entries(dbRow)) {
    const { member, annotation } = memberOf(data, alias);
    const transformed = transformValue(value, annotation.type);
    row[member] = transformed;
    const plain = withoutGranularity(member, data.query);
    if (plain) row[plain] = transformed;
  }
  if (data.queryType === compareDateRangeQuery) row.compareDateRange = dateRangeLabel(data.query);
  if (data.queryType === blendingQuery) {
    const { key, source } = blendingKeys(data.query);
    row[key] = row[source];
  }
  return row;
}

function compactData(data: TransformData, rows: Row[]): { members: string[]; dataset: unknown[][] } {
  const first = rows[0];
  if (!first) return { members: [], dataset: [] };
  const columns: [string, string][] = [];
  for (const alias of Object.keys(first)) {
    const { member } = memberOf(data, alias);
    columns.push([member, alias]);
    const plain = withoutGranularity(member, data.query);
    if (plain) columns.push([plain, alias]);
  }
  const members = columns.map(([member]) => member);
  const dataset = rows.map((dbRow) => {
    const row = columns.map(([member, alias]) => transformValue(dbRow[alias], data.annotation[member]?.type ?? 'string'));
    if (data.queryType === compareDateRangeQuery) row.push(dateRangeLabel(data.query));
    if (data.queryType === blendingQuery) row.push(dbRow[columns.find(([member]) => member === blendingKeys(data.query).source)?.[1] ?? '']);
    return row;
  });
  if (data.queryType === compareDateRangeQuery) members.push('compareDateRange');
  if (data.queryType === blendingQuery) members.push(blendingKeys(data.query).key);
  return { members, dataset };
}

function singleResult(result: QueryResultWrapper): Row {
  const [data] = result.getTransformData();
  const [root] = result.getRootResultObject();
  if (!data || !root) throw new Error('Cube returned a result without transform data');
  const rows = result.getArray();
  return { ...root, data: data.resType === 'compact' ? compactData(data, rows) : rows.map((row) => vanillaRow(data, row)) };
}

const isMulti = (message: QueryResultWrapper | MultiResultWrapper): message is MultiResultWrapper => Array.isArray((message as MultiResultWrapper).results);

/** The JSON body Cube's REST API sends for a /load result. */
export function finalResult(message: QueryResultWrapper | MultiResultWrapper): Row {
  if (!isMulti(message)) return singleResult(message);
  const results = message.results.map(singleResult);
  const queries = results.map((result) => result.query as Row);
  const { queryType, slowQuery } = message.rootResultObject;
  return { queryType, results, pivotQuery: apiGatewayQuery.getPivotQuery(queryType, queries), slowQuery };
}

/** Cube's ResultWrapper objects mark themselves with isWrapper. */
export function isResultWrapper(message: unknown): message is QueryResultWrapper | MultiResultWrapper {
  return typeof message === 'object' && message !== null && (message as { isWrapper?: unknown }).isWrapper === true;
}

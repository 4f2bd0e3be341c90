/**
 * The acceptance report of docs/bi.md, for the demo: revenue, target and attainment by tier
 * and region for one quarter, read from a running semantic API over REST (what any BI tool
 * does), so it shows the API works end to end.
 */
export interface TierRegionRow {
  readonly tier: string;
  readonly region: string;
  readonly revenue: number;
  readonly target: number;
  readonly attainment: number | null;
}

/** The REST query behind the report; `quarter` is YYYY-Qn. */
export function tierRegionQuery(quarter: string): Record<string, unknown> {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) throw new Error(`expected a quarter as YYYY-Qn, got "${quarter}"`);
  const year = Number(match[1]);
  const first = (Number(match[2]) - 1) * 3 + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  const month = (value: number) => String(value).padStart(2, '0');
  return {
    measures: ['program_performance.revenue', 'program_performance.target', 'program_performance.attainment'],
    dimensions: ['program_performance.tier', 'program_performance.region'],
    timeDimensions: [{ dimension: 'program_performance.period', granularity: 'quarter', dateRange: [`${year}-${month(first)}-01`, `${year}-${month(first + 2)}-${last}`] }],
    order: [['program_performance.tier', 'asc'], ['program_performance.region', 'asc']],
  };
}

/** Loads the report from `apiUrl` (…/cubejs-api/v1) with a token; retries while Cube answers "Continue wait". */
export async function tierRegionReport(apiUrl: string, token: string, quarter: string): Promise<TierRegionRow[]> {
  const url = `${apiUrl}/load?query=${encodeURIComponent(JSON.stringify(tierRegionQuery(quarter)))}`;
  for (;;) {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { error?: string; data?: Record<string, string | null>[] };
    if (body.error === 'Continue wait') continue;
    if (!response.ok || !body.data) throw new Error(`semantic API ${response.status}: ${body.error ?? 'no data'}`);
    return body.data.map((row) => ({
      tier: String(row['program_performance.tier']),
      region: String(row['program_performance.region']),
      revenue: Number(row['program_performance.revenue']),
      target: Number(row['program_performance.target']),
      attainment: row['program_performance.attainment'] === null ? null : Number(row['program_performance.attainment']),
    }));
  }
}

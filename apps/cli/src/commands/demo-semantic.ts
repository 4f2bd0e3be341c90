import { randomBytes } from 'node:crypto';
import { createSemanticCore, mintToken, startOfflineServer, tierRegionQuery, tierRegionReport } from '@ppm/semantic';
import { addMonths } from '@ppm/core';
import { formatTable } from '../lib/output.js';
import type { PipelineSession } from '../lib/pipeline.js';

export interface DemoSemanticApi {
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

/** The last quarter (YYYY-Qn) complete by the end of a month (YYYY-MM): a partial quarter would compare part of its revenue with all of its target. */
export function lastCompleteQuarter(period: string): string {
  const month = Number(period.slice(5, 7));
  const end = month % 3 === 0 ? period : addMonths(period, -(month % 3));
  return `${end.slice(0, 4)}-Q${Number(end.slice(5, 7)) / 3}`;
}

/** First day (YYYY-MM-DD) of a quarter written YYYY-Qn. */
export const quarterStart = (quarter: string) => `${quarter.slice(0, 4)}-${String((Number(quarter.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;

/**
 * Serves the semantic layer's REST API for the demo (offline mode: Cube's compiler and
 * orchestrator, no native module needed), with a secret made up for this session and a
 * program-admin token signed with it.
 */
export async function startDemoSemanticApi(pipeline: PipelineSession): Promise<DemoSemanticApi> {
  const secret = randomBytes(32).toString('hex');
  const core = createSemanticCore({ databaseUrl: pipeline.session.services.databaseUrl, apiSecret: secret, fiscalYearStartMonth: pipeline.config.program.fiscal_year_start_month });
  const server = await startOfflineServer({ core, port: Number(process.env.PPM_SEMANTIC_PORT ?? 0) });
  const token = mintToken({ role: 'program_admin' }, { secret, expiresIn: '12h', subject: 'demo' });
  return {
    url: `${server.url}/cubejs-api/v1`,
    token,
    async close() {
      await server.close();
      await core.close();
    },
  };
}

/** Revenue and attainment by tier and region from the semantic API, as a BI tool would ask. */
export async function printSemanticReport(api: DemoSemanticApi, period: string): Promise<void> {
  const quarter = lastCompleteQuarter(period);
  const rows = await tierRegionReport(api.url, api.token, quarter);
  console.log(`\nRevenue and attainment by tier and region, ${quarter}, from the semantic API (${api.url}):`);
  console.log(
    formatTable(
      rows.map((row) => ({
        tier: row.tier,
        region: row.region,
        revenue_usd: Math.round(row.revenue),
        target_usd: Math.round(row.target),
        attainment: row.attainment === null ? null : `${(row.attainment * 100).toFixed(1)}%`,
      })),
    ),
  );
  const query = encodeURIComponent(JSON.stringify(tierRegionQuery(quarter)));
  console.log(`\nThe same query yourself (token valid 12 hours):\n  curl -H "Authorization: Bearer ${api.token}" '${api.url}/load?query=${query}'`);
}

import { refreshPreAggregations, type RefreshSummary } from '@ppm/semantic';
import { Context } from '@temporalio/activity';
import type { PlatformConfig } from '../config.js';
import { withHeartbeat } from './heartbeat.js';

export function createSemanticActivities(dependencies: { databaseUrl: string; config: PlatformConfig }) {
  return {
    /**
     * Rebuilds the semantic layer's rollups whose marts changed (refresh key: max(updated_at)),
     * so BI queries read the new month at once; unchanged rollups are left alone.
     */
    async refreshSemanticLayer(): Promise<RefreshSummary> {
      const signal = Context.current().cancellationSignal;
      return withHeartbeat<RefreshSummary, { preAggregation: string }>({ preAggregation: 'starting' }, (report) =>
        refreshPreAggregations({
          databaseUrl: dependencies.databaseUrl,
          fiscalYearStartMonth: dependencies.config.program.fiscal_year_start_month,
          onProgress: (progress) => report({ preAggregation: progress.preAggregation }),
          signal,
        }),
      );
    },
  };
}

import type { Warehouse } from '@ppm/warehouse';
import type { PlatformConfig } from '../config.js';
import { createAlertActivities, type AlertWebhook } from './alerts.js';
import { createScoringActivities } from './scoring.js';
import { createSemanticActivities } from './semantic.js';
import { createLoadActivities } from './load.js';
import { createModelActivities } from './models.js';
import { createRunActivities } from './runs.js';

export interface ActivityDependencies {
  readonly db: Warehouse;
  /** The same warehouse, for the semantic layer's own connections. */
  readonly databaseUrl: string;
  readonly config: PlatformConfig;
  /** Where alerts are POSTed; without it the scores.alerts table is the only sink. */
  readonly alertWebhook?: AlertWebhook;
}

/** Every activity the pipeline workflows call, built from their dependencies (the worker supplies them). */
export function createActivities(dependencies: ActivityDependencies) {
  return {
    ...createRunActivities(dependencies.db),
    ...createLoadActivities(dependencies),
    ...createModelActivities(dependencies),
    ...createScoringActivities(dependencies),
    ...createAlertActivities(dependencies),
    ...createSemanticActivities(dependencies),
  };
}

export type PipelineActivities = ReturnType<typeof createActivities>;

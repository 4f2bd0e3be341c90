import type { Warehouse } from '@ppm/warehouse';
import type { PlatformConfig } from '../config.js';
import { createLoadActivities } from './load.js';
import { createModelActivities } from './models.js';
import { createRunActivities } from './runs.js';

export interface ActivityDependencies {
  readonly db: Warehouse;
  readonly config: PlatformConfig;
}

/** Every activity the pipeline workflows call, built from their dependencies (the worker supplies them). */
export function createActivities(dependencies: ActivityDependencies) {
  return {
    ...createRunActivities(dependencies.db),
    ...createLoadActivities(dependencies),
    ...createModelActivities(dependencies),
  };
}

export type PipelineActivities = ReturnType<typeof createActivities>;

import type { Warehouse } from '@ppm/warehouse';
import { createRunActivities } from './runs.js';

export interface ActivityDependencies {
  readonly db: Warehouse;
}

/** Every activity the pipeline workflows call, built from their dependencies (the worker supplies them). */
export function createActivities(dependencies: ActivityDependencies) {
  return {
    ...createRunActivities(dependencies.db),
  };
}

export type PipelineActivities = ReturnType<typeof createActivities>;

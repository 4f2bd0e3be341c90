export { createActivities, type ActivityDependencies, type PipelineActivities } from './activities/index.js';
export { connectClient, startPipeline } from './client.js';
export { installWorkerLogging } from './logging.js';
export { createPipelineWorker, workflowsPath, type PipelineWorkerOptions } from './worker.js';
export type { PipelineInput, PipelineProgress, PipelineStep, PipelineSummary } from './types.js';
export type { EntityLoadCounts, LoadResult } from './activities/load.js';
export { configDir, loadPlatformConfig, sourceNamed, type PlatformConfig } from './config.js';

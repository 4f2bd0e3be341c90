export { backfill, backfillProgressQuery } from './backfill.js';
export { partnerPipeline, progressQuery } from './pipeline.js';
export { scheduledPipeline } from './scheduled.js';

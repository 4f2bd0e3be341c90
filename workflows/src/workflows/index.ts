export { partnerPipeline, progressQuery } from './pipeline.js';

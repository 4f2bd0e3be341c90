export * from './contract/index.js';
export * from './config.js';
export * from './countries.js';
export * from './metrics.js';
export * from './metrics-catalog.js';
export * from './ids.js';
export * from './periods.js';

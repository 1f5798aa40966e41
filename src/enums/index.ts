export * from './flow-category.js';
export * from './flow-status.js';
export * from './flow-action.js';
export * from './flow-metric.js';

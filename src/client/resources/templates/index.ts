export * from './templates.js';
export * from './types.js';

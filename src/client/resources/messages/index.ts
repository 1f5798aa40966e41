export * from './messages.js';
export * from './types.js';
export * from './flow-message.js';
export * from './template.js';

export * from './messages.js';
export * from './types.js';
export * from './flow-message.js';
export * from './template.js';
export { isBusinessScopedUserId, isParentBusinessScopedUserId, isPhoneNumber } from '../../../platform/recipient-forms.js';

/**
 * What `messages.ts` needs only when a message is sent: Meta's flow-message and recipient rules
 * (src/platform/messages.ts, src/platform/recipients.ts) and the builders on top of them. `messages.ts` loads this
 * module with a dynamic import on the first send, so a client that never sends a message (and a client-only
 * bundle's startup code) does not carry them (issue 12: client-only bundle under 40 KB).
 */
export { checkFlowInteractive } from '../../../platform/messages.js';
export { addressFor } from '../../../platform/recipients.js';
export { flowActionWithDefaults } from './flow-message.js';
export { flowButtonComponent, templateBody } from './template.js';

import type { FlowStatus } from '../enums/flow-status.js';
import { lifecycleOutcome, type FlowOperation } from '../platform/lifecycle.js';
import { flowError } from './graph-error.js';
import type { FlowRecord } from './state.js';

/**
 * The status a flow has after `operation`, by the operation matrix of src/platform/lifecycle.ts (flows-platform
 * §1.5); throws Meta's Graph error (§1.9) when the matrix refuses it.
 */
export function allowedNext(flow: FlowRecord, operation: FlowOperation): FlowStatus | 'DELETED' {
  const outcome = lifecycleOutcome(flow.status, operation);
  if (!outcome.allowed) throw flowError(outcome.refusal.code, outcome.refusal.title, outcome.refusal.detail);
  return outcome.next;
}

/**
 * One table of flow lifecycle cases (flows-platform §1.5 operation matrix, new behaviour; codes of §1.9), to run
 * through every consumer: the platform module itself (test/platform/lifecycle.test.ts) and the emulator through
 * the real client (test/emulator/lifecycle.test.ts, "whole matrix"). The client makes no lifecycle refusals of
 * its own, so there every refusal comes from the emulator.
 *
 * `send-*` cases assume a flow as `flowIn()` makes it: with Flow JSON, and with a published version unless DRAFT.
 */
import type { FlowStatus } from '../../src/enums/flow-status.js';

export type LifecycleCaseOperation = 'update' | 'upload' | 'publish' | 'deprecate' | 'delete' | 'send-draft' | 'send-published';

export interface LifecycleCase {
  status: FlowStatus;
  operation: LifecycleCaseOperation;
  /** Allowed: the status afterwards (`DELETED`: gone). Refused: the Graph code, and the message when it matters. */
  expected: { next: FlowStatus | 'DELETED' } | { code: number; message?: string };
}

const row = (status: FlowStatus, outcomes: Record<LifecycleCaseOperation, LifecycleCase['expected']>): LifecycleCase[] =>
  Object.entries(outcomes).map(([operation, expected]) => ({ status, operation: operation as LifecycleCaseOperation, expected }));

const invalidState = { code: 139002, message: 'Publishing Flow in invalid state' };
const cantUpdate = { code: 139001, message: "Flow can't be updated" };
const cantDeletePublished = { code: 139004, message: "Can't delete published Flow" };

export const LIFECYCLE_CASES: LifecycleCase[] = [
  ...row('DRAFT', {
    update: { next: 'DRAFT' },
    upload: { next: 'DRAFT' },
    publish: { next: 'PUBLISHED' },
    deprecate: { code: 139003, message: "Can't deprecate unpublished flow" },
    delete: { next: 'DELETED' },
    'send-draft': { next: 'DRAFT' },
    'send-published': { code: 131009 },
  }),
  ...row('PUBLISHED', {
    update: { next: 'DRAFT' },
    upload: { next: 'DRAFT' },
    publish: invalidState,
    deprecate: { next: 'DEPRECATED' },
    delete: cantDeletePublished,
    'send-draft': { next: 'PUBLISHED' },
    'send-published': { next: 'PUBLISHED' },
  }),
  ...row('THROTTLED', {
    update: cantUpdate,
    upload: cantUpdate,
    publish: invalidState,
    deprecate: { next: 'DEPRECATED' },
    delete: cantDeletePublished,
    'send-draft': { next: 'THROTTLED' },
    'send-published': { next: 'THROTTLED' },
  }),
  ...row('BLOCKED', {
    update: cantUpdate,
    upload: cantUpdate,
    publish: invalidState,
    deprecate: { next: 'DEPRECATED' },
    delete: cantDeletePublished,
    'send-draft': { code: 132068 },
    'send-published': { code: 132068 },
  }),
  ...row('DEPRECATED', {
    update: cantUpdate,
    upload: cantUpdate,
    publish: invalidState,
    deprecate: { code: 139003, message: 'Flow is already deprecated' },
    // The error says the flow is deprecated, not "published" (issue 9).
    delete: { code: 139004, message: "Can't delete deprecated Flow" },
    'send-draft': { code: 131009 },
    'send-published': { code: 131009 },
  }),
];

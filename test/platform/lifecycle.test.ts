/** The lifecycle case table through the platform module itself (src/platform/lifecycle.ts). */
import { describe, expect, it } from 'vitest';
import { FLOW_OPERATIONS, FLOW_STATUSES, lifecycleOutcome, sendRefusal } from '../../src/platform/lifecycle.js';
import { LIFECYCLE_CASES, type LifecycleCase } from './lifecycle-cases.js';

function verdict(c: LifecycleCase): LifecycleCase['expected'] {
  if (c.operation === 'send-draft' || c.operation === 'send-published') {
    const refusal = sendRefusal(c.status, c.operation === 'send-draft' ? 'draft' : 'published', { hasJson: true, hasPublishedVersion: c.status !== 'DRAFT', sendsLastHour: 0 });
    return refusal ? { code: refusal.code } : { next: c.status };
  }
  const outcome = lifecycleOutcome(c.status, c.operation === 'upload' ? 'update' : c.operation);
  return outcome.allowed ? { next: outcome.next } : { code: outcome.refusal.code, message: outcome.refusal.title };
}

describe('lifecycle cases through src/platform/lifecycle.ts', () => {
  it('covers every status and operation', () => {
    for (const status of FLOW_STATUSES) {
      for (const op of [...FLOW_OPERATIONS, 'upload', 'send-draft', 'send-published']) {
        expect(LIFECYCLE_CASES.some((c) => c.status === status && c.operation === op), `${status} ${op}`).toBe(true);
      }
    }
  });

  it.each(LIFECYCLE_CASES.map((c) => [`${c.status} ${c.operation}`, c] as const))('%s', (_name, c) => {
    const got = verdict(c);
    if ('code' in c.expected && c.expected.message === undefined) expect({ code: (got as { code?: number }).code }).toEqual(c.expected);
    else expect(got).toEqual(c.expected);
  });

  it('a THROTTLED flow takes 10 published sends an hour (§1.9 132069)', () => {
    const context = { hasJson: true, hasPublishedVersion: true };
    expect(sendRefusal('THROTTLED', 'published', { ...context, sendsLastHour: 9 })).toBeUndefined();
    expect(sendRefusal('THROTTLED', 'published', { ...context, sendsLastHour: 10 })?.code).toBe(132069);
    expect(sendRefusal('PUBLISHED', 'published', { ...context, sendsLastHour: 10 })).toBeUndefined();
  });
});

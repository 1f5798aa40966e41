/**
 * Owns: the flow status lifecycle and operation matrix (flows-platform §1.5, "new behaviour" since Nov 2024: an
 * edited published flow goes back to DRAFT), the Graph errors of refused operations (§1.9), who may send or open
 * a flow in each status (§1.4 `health_status`, §1.5, §1.9 132068/132069, `cannot_be_served`), and what status a
 * migrated copy gets (§1.3.9).
 * Consumers: the emulator's handlers (src/emulator/handlers/flows.ts, lifecycle.ts, assets.ts, messages.ts,
 * templates.ts, migrate.ts), its flow view (health_status) and completion (src/emulator/complete.ts). The client
 * makes no lifecycle refusals of its own: it cannot know a flow's status without asking Meta. Flows as code
 * (src/deploy/plan-flow.ts, apply.ts) reads the status first, then predicts with `lifecycleOutcome`.
 *
 * Data plus pure functions: nothing here reads or changes state.
 */
import type { FlowStatus } from '../enums/flow-status.js';

/** §1.3.1, §1.5: every new flow (created, cloned, or from a template's flow_json) starts as DRAFT. */
export const INITIAL_STATUS: FlowStatus = 'DRAFT';

/** Operations a caller asks for (system-set statuses THROTTLED/BLOCKED are not operations). */
export type FlowOperation = 'update' | 'publish' | 'deprecate' | 'delete';

export const FLOW_OPERATIONS: readonly FlowOperation[] = ['update', 'publish', 'deprecate', 'delete'];
export const FLOW_STATUSES: readonly FlowStatus[] = ['DRAFT', 'PUBLISHED', 'THROTTLED', 'BLOCKED', 'DEPRECATED'];

/** A refusal as Meta words it: Graph `code`, the literal title of §1.9 (the error message) and an explanation. */
export interface LifecycleRefusal {
  code: number;
  title: string;
  detail: string;
}

/** `next` is the status after the operation; `'DELETED'` when the flow no longer exists. */
export type LifecycleOutcome = { allowed: true; next: FlowStatus | 'DELETED' } | { allowed: false; refusal: LifecycleRefusal };

const ok = (next: FlowStatus | 'DELETED'): LifecycleOutcome => ({ allowed: true, next });
const no = (code: number, title: string, detail: string): LifecycleOutcome => ({ allowed: false, refusal: { code, title, detail } });

/**
 * The operation matrix of flows-platform §1.5. `update` is editing metadata (`POST /{flow}`) or uploading Flow
 * JSON (`POST /{flow}/assets`); `publish` also needs the publishing checks of §1.8, which depend on more than the
 * status (src/emulator/publishing-checks.ts).
 */
export function lifecycleOutcome(status: FlowStatus, operation: FlowOperation): LifecycleOutcome {
  switch (operation) {
    case 'update':
      // §1.5 new behaviour: editing a published flow returns it to DRAFT. THROTTLED and BLOCKED are UNVERIFIED in
      // the reference; they are refused like DEPRECATED (139001, the old "Flow can't be updated"): clone instead.
      if (status === 'DRAFT' || status === 'PUBLISHED') return ok('DRAFT');
      return no(139001, "Flow can't be updated", `A flow in ${status} status cannot be modified. Clone it instead.`);
    case 'publish':
      if (status === 'DRAFT') return ok('PUBLISHED');
      return no(139002, 'Publishing Flow in invalid state', `Only DRAFT flows can be published; this flow is ${status}.`);
    case 'deprecate':
      if (status === 'DRAFT') return no(139003, "Can't deprecate unpublished flow", 'Only published flows can be deprecated. Delete the draft instead.');
      if (status === 'DEPRECATED') return no(139003, 'Flow is already deprecated', 'This flow was deprecated before; nothing changed.');
      return ok('DEPRECATED');
    case 'delete':
      if (status === 'DRAFT') return ok('DELETED');
      // §1.9 words 139004 for published flows; a deprecated flow is refused with the same code, saying what it is.
      if (status === 'DEPRECATED') return no(139004, "Can't delete deprecated Flow", 'Only flows in DRAFT status can be deleted; this flow is DEPRECATED (deprecated flows stay, and can no longer be sent).');
      return no(139004, "Can't delete published Flow", `Only flows in DRAFT status can be deleted; this flow is ${status}. Deprecate it instead.`);
  }
}

/** §1.5: THROTTLED flows may be sent 10 times per hour (§1.9 132069). */
export const THROTTLED_SENDS_PER_HOUR = 10;

/** Why a send is refused, before the flow's JSON is looked at (§1.5 "send" rows, §1.9). */
export interface SendRefusal {
  /** Cloud API code: 132068 blocked, 132069 throttled, 131009 otherwise. */
  code: 131009 | 132068 | 132069;
  detail: string;
}

export interface SendContext {
  /** Whether the flow has a published version (a published flow edited back to DRAFT still has one). */
  hasPublishedVersion: boolean;
  /** Whether the flow has Flow JSON at all. */
  hasJson: boolean;
  /** Accepted sends in the last hour while THROTTLED. */
  sendsLastHour: number;
}

/**
 * Whether a message with this flow may be sent in `mode` (§1.5 send rows; §4.1: `mode: "published"` keeps sending
 * the last published version of a flow edited back to DRAFT, `mode: "draft"` sends the current JSON).
 */
export function sendRefusal(status: FlowStatus, mode: 'draft' | 'published', context: SendContext): SendRefusal | undefined {
  if (status === 'BLOCKED') return { code: 132068, detail: 'The flow is blocked and cannot be sent.' };
  if (status === 'DEPRECATED') return { code: 131009, detail: 'The flow is deprecated and can no longer be sent.' };
  if (mode === 'draft') return context.hasJson ? undefined : { code: 131009, detail: 'The flow has no Flow JSON to send.' };
  if (!context.hasPublishedVersion) return { code: 131009, detail: 'The flow has not been published: send it with mode "draft", or publish it.' };
  if (status === 'THROTTLED' && context.sendsLastHour >= THROTTLED_SENDS_PER_HOUR) {
    return { code: 132069, detail: `${THROTTLED_SENDS_PER_HOUR} messages with this flow were already sent in the last hour.` };
  }
  return undefined;
}

/** §1.9 `cannot_be_served`, §1.5: DEPRECATED and BLOCKED flows cannot be opened (delivered messages included). */
export function canOpen(status: FlowStatus): boolean {
  return status !== 'DEPRECATED' && status !== 'BLOCKED';
}

/** §1.4 `health_status.can_send_message` of the flow entity. */
export function canSendMessage(status: FlowStatus, failingPublishingChecks: number): 'AVAILABLE' | 'LIMITED' | 'BLOCKED' {
  if (status === 'THROTTLED') return 'LIMITED';
  if (status === 'BLOCKED' || status === 'DEPRECATED') return 'BLOCKED';
  if (status === 'DRAFT' && failingPublishingChecks > 0) return 'BLOCKED';
  return 'AVAILABLE';
}

/** §1.3.9: published sources arrive published (a throttled one too: it is published), others as drafts. */
export function migratedStatus(status: FlowStatus): 'PUBLISHED' | 'DRAFT' {
  return status === 'PUBLISHED' || status === 'THROTTLED' ? 'PUBLISHED' : 'DRAFT';
}

/**
 * §1.3.1: `publish: true` on create "only takes effect if flow_json is present and valid" (and, as for publish, the
 * publishing checks of §1.8 pass). Otherwise the flow is created as DRAFT: Meta answers success, not an error, so
 * neither the client nor the emulator refuses it.
 */
export function publishesOnCreate(requested: boolean, hasFlowJson: boolean, failingPublishingChecks: number): boolean {
  return requested && hasFlowJson && failingPublishingChecks === 0;
}

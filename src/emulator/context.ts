import type { FlowStatus } from '../enums/flow-status.js';
import { stateAccess } from './committed-view.js';
import { compareFlowKeys, type FlowKey } from './flow-index.js';
import type { EmulatorState, FlowJsonVersionRecord, FlowRecord, PhoneRecord, WabaRecord } from './state.js';

/**
 * What every handler gets: the state, the clock, and the side effects. In a change, `state` is the request's own
 * draft and side effects wait for its commit; in a read, `state` is the committed state, frozen (store.ts).
 */
export interface EmulatorContext {
  state: EmulatorState;
  now(): Date;
  /** ISO-8601 with Meta's `+0000` offset, e.g. `2026-11-24T10:00:00+0000`. */
  timestamp(date?: Date): string;
  /** Reports a status change (create: no old status) as a `flows` webhook, when one is configured. */
  flowStatusChanged(flow: FlowRecord, oldStatus: FlowStatus | undefined): void;
  /** Origin of the current request, for URLs the emulator serves (asset downloads, previews). */
  origin: string;
  /** How long a new message template stays PENDING before it is APPROVED (0: approved at once). */
  templateApprovalDelayMs: number;
  /** Answer as Meta answers an app created since 2026-11-04 (no `date_format`; flows-platform §6.3). */
  newApp: boolean;
}

export function metaTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+0000');
}

/** WABAs are created on first use (flows-platform: any WABA id is accepted). */
export function wabaFor(ctx: EmulatorContext, id: string): WabaRecord {
  let waba = ctx.state.wabas[id];
  if (!waba) waba = ctx.state.wabas[id] = { id, createdAt: ctx.timestamp() };
  return waba;
}

/** Phone numbers are created on first use. */
export function phoneFor(ctx: EmulatorContext, id: string): PhoneRecord {
  let phone = ctx.state.phones[id];
  if (!phone) phone = ctx.state.phones[id] = { id, createdAt: ctx.timestamp() };
  return phone;
}

/** Every flow of a WABA (reads every flow: O(all flows); listing and name checks use the helpers below). */
export function flowsOfWaba(ctx: EmulatorContext, wabaId: string): FlowRecord[] {
  return Object.values(ctx.state.flows).filter((f) => f.wabaId === wabaId);
}

/**
 * Whether a flow of this WABA other than `exceptId` has this name (Meta refuses a second one: "Flow name is not
 * unique", flows-platform §1.3.1). O(1) through the store's name index (flow-index.ts).
 */
export function flowNameTaken(ctx: EmulatorContext, wabaId: string, name: string, exceptId?: string): boolean {
  const access = stateAccess(ctx.state);
  const ids = access ? access.flowIdsNamed(wabaId, name) : flowsOfWaba(ctx, wabaId).filter((f) => f.name === name).map((f) => f.id);
  return ids.some((id) => id !== exceptId);
}

/** The WABA's flows in listing order, oldest first, without reading them (the store's index, flow-index.ts). */
export function orderedFlowKeys(ctx: EmulatorContext, wabaId: string): readonly FlowKey[] {
  return stateAccess(ctx.state)?.orderedFlows(wabaId) ?? flowsOfWaba(ctx, wabaId).map(({ id, createdAt }) => ({ id, createdAt })).sort(compareFlowKeys);
}

export function setStatus(ctx: EmulatorContext, flow: FlowRecord, status: FlowStatus): void {
  const old = flow.status;
  if (old === status) return;
  flow.status = status;
  flow.updatedAt = ctx.timestamp();
  ctx.flowStatusChanged(flow, old);
}

/** Keeps a replaced Flow JSON version for messages already delivered with it (Meta keeps the 5 latest). */
export function retireJson(flow: FlowRecord, json: FlowJsonVersionRecord | undefined): void {
  if (!json) return;
  if ([flow.json, flow.published].some((j) => j?.assetId === json.assetId)) return;
  const history = (flow.history ??= []);
  if (!history.some((j) => j.assetId === json.assetId)) history.push(json);
  if (history.length > 5) history.splice(0, history.length - 5);
}

/** The version of a flow's JSON with this asset id, wherever it is kept. */
export function jsonByAsset(flow: FlowRecord, assetId: string | undefined): FlowJsonVersionRecord | undefined {
  if (!assetId) return undefined;
  return [flow.json, flow.published, ...(flow.history ?? [])].find((j) => j?.assetId === assetId);
}

import type { FlowStatus } from '../enums/flow-status.js';
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

export function flowsOfWaba(ctx: EmulatorContext, wabaId: string): FlowRecord[] {
  return Object.values(ctx.state.flows).filter((f) => f.wabaId === wabaId);
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

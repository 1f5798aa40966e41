/** The emulator's whole state: plain JSON, so it can be persisted and inspected as is. */
import type { FlowStatus } from '../enums/flow-status.js';
import type { FlowValidationError } from '../client/resources/flows/types.js';

/** Meta's `validation_errors` item, as the SDK types it, always with `pointers` here. */
export type FlowValidationItem = FlowValidationError & { pointers: NonNullable<FlowValidationError['pointers']> };

/** One version of a flow's JSON. */
export interface FlowJsonVersionRecord {
  text: string;
  assetId: string;
  /** The random token of this asset's signed `download_url` (states saved before it existed have none). */
  downloadToken?: string;
  version?: string;
  dataApiVersion?: string;
  validationErrors: FlowValidationItem[];
  uploadedAt: string;
}

export interface FlowRecord {
  id: string;
  wabaId: string;
  name: string;
  categories: string[];
  status: FlowStatus;
  endpointUri?: string;
  applicationId?: string;
  /** The current (draft) JSON. */
  json?: FlowJsonVersionRecord;
  /** The last published JSON: what `mode: "published"` sends after a published flow was edited back to DRAFT. */
  published?: FlowJsonVersionRecord;
  /** Earlier versions that messages already delivered may still show (Meta keeps the 5 latest). */
  history?: FlowJsonVersionRecord[];
  preview?: { token: string; expiresAt: string };
  /** Sends in the last hour while THROTTLED (10 allowed). */
  throttledSends?: string[];
  createdAt: string;
  updatedAt: string;
}

export interface PhoneRecord {
  id: string;
  publicKey?: string;
  createdAt: string;
}

export interface WabaRecord {
  id: string;
  createdAt: string;
}

export interface TemplateRecord {
  id: string;
  wabaId: string;
  name: string;
  language: string;
  category: string;
  /** As created: `PENDING` when the emulator has an approval delay (the status shown then follows `approvesAt`). */
  status: 'APPROVED' | 'PENDING' | 'REJECTED';
  /** Why Meta's review refused it (`POST /_emulator/templates/{id}/review`), shown as `rejected_reason`. */
  rejectedReason?: string;
  /** When a `PENDING` template counts as `APPROVED` (ISO time). */
  approvesAt?: string;
  components: unknown[];
  createdAt: string;
}

export interface MessageRecord {
  id: string;
  phoneNumberId: string;
  /** Whom Meta delivers to: the phone number, or the BSUID when the message was sent by `recipient` alone. */
  to: string;
  /** The business-scoped user ID (or parent BSUID) of the body's `recipient`, when given (Meta: Business-scoped user IDs). */
  recipient?: string;
  type: string;
  /** The body as received. */
  body: Record<string, unknown>;
  /** For flow messages and FLOW-button templates: which flow, which version (asset) and token. */
  flow?: { id: string; mode: 'draft' | 'published'; token: string; action: string; screen?: string; data?: unknown; jsonVersion?: string; assetId?: string };
  sentAt: string;
}

export interface EmulatorState {
  format: 1;
  nextId: number;
  wabas: Record<string, WabaRecord>;
  phones: Record<string, PhoneRecord>;
  flows: Record<string, FlowRecord>;
  templates: Record<string, TemplateRecord>;
  messages: MessageRecord[];
}

/**
 * Maps keyed by ids that come from requests have no prototype: an id such as `__proto__` or `toString` is then
 * just a key, never Object.prototype's property.
 */
function dict<T>(from?: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, from);
}

export function emptyState(): EmulatorState {
  return { format: 1, nextId: 1, wabas: dict(), phones: dict(), flows: dict(), templates: dict(), messages: [] };
}

/** A loaded state with prototype-less maps (JSON.parse makes ordinary objects). */
export function normalizeState(state: EmulatorState): EmulatorState {
  return { ...state, wabas: dict(state.wabas), phones: dict(state.phones), flows: dict(state.flows), templates: dict(state.templates) };
}

/** Ids look like Meta's (numeric strings of 15-16 digits) and never repeat within a state. */
export function newId(state: EmulatorState): string {
  const n = state.nextId++;
  return String(1_200_000_000_000_000 + n * 7919);
}

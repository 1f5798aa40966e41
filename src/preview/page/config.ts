/** What the preview server hands the page (JSON in the page, and again from `/__preview/flow` after the file changes). Never a private key or a secret. */
import type { FlowJsonDiagnostic } from '../../flow-json/diagnostics.js';

export interface PreviewFlowState {
  /** Changes whenever the Flow JSON file changes (live reload). */
  revision: number;
  fileName: string;
  flowText: string;
  diagnostics: FlowJsonDiagnostic[];
}

export interface PreviewConfig extends PreviewFlowState {
  /** A data endpoint is configured (requests go through the preview server's `/__preview/endpoint`). */
  endpoint: boolean;
  /** How the flow message opens the flow: its first screen and data, or INIT to the endpoint. */
  open: { action: 'navigate' | 'data_exchange'; screen?: string; data?: Record<string, unknown> };
  flowToken: string;
}

/** Routes of the preview server the page calls. */
export const ROUTES = {
  flow: '/__preview/flow',
  endpoint: '/__preview/endpoint',
  publicKey: '/__preview/public-key',
} as const;

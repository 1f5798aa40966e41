/**
 * Flows as code: the shapes of `flows.config.json` (or `.mjs`/`.ts` exporting the same object), of
 * `flows.lock.json`, and of a plan. Access tokens never appear here: they come from the environment
 * (`CLOUD_API_ACCESS_TOKEN` or `<ENV>_CLOUD_API_ACCESS_TOKEN`, environment.ts).
 */
import type { FlowCategory } from '../enums/flow-category.js';

/** One WhatsApp Business Account a set of flows is deployed to (a test WABA, production). */
export interface DeployEnvironment {
  wabaId: string;
  /** The phone number whose business public key publishing needs (Meta: Flow health and monitoring, publishing checks; 139002). */
  phoneNumberId?: string;
  /** Graph origin, e.g. the emulator's `http://127.0.0.1:4010`. Default `https://graph.facebook.com`. */
  baseUrl?: string;
  /** Graph API version, e.g. `v25.0`. */
  apiVersion?: string;
}

export interface DeployFlow {
  /** The Flow JSON file, relative to the config file. */
  file: string;
  /** The flow's name in WhatsApp Manager (unique per WABA). Default: the key. */
  name?: string;
  /** Default `["OTHER"]`. */
  categories?: Array<FlowCategory | `${FlowCategory}`>;
  /** The data endpoint: one URL, or one per environment. */
  endpointUri?: string | Record<string, string>;
  /** Publish after each change. Default false (the flow stays DRAFT). */
  publish?: boolean;
}

export interface DeployTemplateFlowButton {
  /** Button text, at most 25 characters. */
  text: string;
  /** The key of a flow in `flows`. */
  flow: string;
  /** The screen the button opens (default: the flow's first entry screen). */
  screen?: string;
  /** Default `navigate`. */
  action?: 'navigate' | 'data_exchange';
  icon?: 'DOCUMENT' | 'PROMOTION' | 'REVIEW';
}

export interface DeployTemplate {
  /** Default: the key. Lowercase letters, digits and underscores. */
  name?: string;
  language: string;
  category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  /** The BODY text. */
  body: string;
  flowButton?: DeployTemplateFlowButton;
}

export interface DeployConfig {
  environments: Record<string, DeployEnvironment>;
  flows: Record<string, DeployFlow>;
  templates?: Record<string, DeployTemplate>;
}

/** A loaded config: the object and where it came from (paths in it are relative to `dir`). */
export interface LoadedConfig {
  config: DeployConfig;
  /** The config file's path. */
  file: string;
  dir: string;
  /** `json` configs can be updated by `pull`; `.mjs`/`.ts` ones cannot. */
  format: 'json' | 'mjs' | 'ts';
}

/** `flows.lock.json`: per environment and flow what was deployed, per template its id and status. */
export interface LockFile {
  lockfileVersion: 1;
  environments: Record<string, EnvironmentLock>;
}

export interface EnvironmentLock {
  flows: Record<string, FlowLock>;
  templates: Record<string, TemplateLock>;
}

export interface FlowLock {
  id: string;
  name: string;
  /** SHA-256 (hex) of the Flow JSON text last uploaded. */
  uploaded_sha256?: string;
  /** SHA-256 (hex) of the Flow JSON text last published. */
  published_sha256?: string;
  status: string;
  json_version?: string;
  endpoint_uri?: string;
}

export interface TemplateLock {
  id: string;
  name: string;
  language: string;
  status: string;
}

/** One thing a plan says: an error stops it (exit 1), a warning says what Meta or WhatsApp will do. */
export interface PlanMessage {
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** For annotations: the file and position it is about. */
  file?: string;
  line?: number;
  column?: number;
}

export type FlowStep =
  | { kind: 'create' }
  | { kind: 'upload' }
  | { kind: 'update-metadata'; fields: { name?: string; categories?: string[]; endpoint_uri?: string } }
  | { kind: 'publish' };

export interface FlowPlan {
  key: string;
  name: string;
  file: string;
  /** The remote flow, when there is one. */
  id?: string;
  status?: string;
  /** SHA-256 of the local Flow JSON text. */
  sha256: string;
  jsonVersion?: string;
  endpointUri?: string;
  steps: FlowStep[];
  messages: PlanMessage[];
}

export type TemplateStep = { kind: 'create' };

export interface TemplatePlan {
  key: string;
  name: string;
  language: string;
  id?: string;
  status?: string;
  steps: TemplateStep[];
  messages: PlanMessage[];
}

export interface Plan {
  environment: string;
  flows: FlowPlan[];
  templates: TemplatePlan[];
  /** Problems not tied to one flow or template. */
  messages: PlanMessage[];
  /** Whether any step would send a write request. */
  changes: boolean;
  /** Whether any message is an error (then nothing is applied). */
  errors: boolean;
}

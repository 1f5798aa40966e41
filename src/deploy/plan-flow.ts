import type { Flow } from '../client/resources/flows/types.js';
import type { FlowStatus } from '../enums/flow-status.js';
import type { FlowJsonDiagnostic } from '../flow-json/diagnostics.js';
import { lifecycleOutcome } from '../platform/lifecycle.js';
import { PUBLISHING_ERROR_CODE, publishingProblemsFor } from '../platform/publishing.js';
import type { DeployFlow, FlowLock, FlowPlan, FlowStep, PlanMessage } from './types.js';

/** A flow of the config as found on disk, validated locally. */
export interface LocalFlow {
  key: string;
  config: DeployFlow;
  /** The file as written in the config (relative), for messages and annotations. */
  file: string;
  text: string;
  sha256: string;
  /** The parsed JSON (undefined when the text is not JSON: validation then has the syntax error). */
  json: Record<string, unknown> | undefined;
  errors: FlowJsonDiagnostic[];
  warnings: FlowJsonDiagnostic[];
}

export interface FlowPlanInput {
  environment: string;
  local: LocalFlow;
  lock: FlowLock | undefined;
  /** The remote flow (by the lock's id, else by name). */
  remote: Flow | undefined;
  /** SHA-256 of the remote Flow JSON (undefined: none uploaded). */
  remoteSha: string | undefined;
  /** Whether the environment's phone has a business public key (undefined: unknown, no phone configured). */
  hasBusinessPublicKey: boolean | undefined;
  phoneNumberId?: string | undefined;
}

/** The endpoint URI a flow wants in an environment (undefined: the config says nothing, leave it as it is). */
export function wantedEndpointUri(flow: DeployFlow, environment: string): string | undefined {
  const uri = flow.endpointUri;
  return typeof uri === 'string' ? uri : uri?.[environment];
}

/**
 * What to do for one flow in one environment, with the lifecycle consequences (src/platform/lifecycle.ts,
 * flows-platform §1.5) and the publishing checks (src/platform/publishing.ts, §1.8) that would refuse a publish.
 * Pure: the caller reads the disk and the remote state.
 */
export function planFlow(input: FlowPlanInput): FlowPlan {
  const { local, lock, remote } = input;
  const plan = localFlowPlan(input.environment, local);
  const { name, steps, messages, endpointUri } = plan;
  const jsonVersion = plan.jsonVersion;
  const dataApiVersion = typeof local.json?.data_api_version === 'string' ? local.json.data_api_version : undefined;
  if (local.errors.length > 0) return plan;
  const categories = local.config.categories ?? ['OTHER'];

  if (!remote) {
    if (lock) messages.push({ severity: 'warning', message: `Flow ${lock.id} of the lock is gone from the WhatsApp Business Account: it will be created again.` });
    // Created without JSON, then uploaded as a file: the upload keeps the file's bytes (a form field would not).
    steps.push({ kind: 'create' }, { kind: 'upload' });
  } else {
    plan.id = remote.id;
    if (remote.status) plan.status = remote.status;
    driftMessages(input, messages);
    if (input.remoteSha !== local.sha256) steps.push({ kind: 'upload' });
    const fields: Extract<FlowStep, { kind: 'update-metadata' }>['fields'] = {};
    if (remote.name !== name) fields.name = name;
    if (!sameSet(remote.categories ?? [], categories)) fields.categories = [...categories];
    if (endpointUri !== undefined && remote.endpoint_uri !== endpointUri) fields.endpoint_uri = endpointUri;
    if (Object.keys(fields).length > 0) steps.push({ kind: 'update-metadata', fields });
  }

  let status = (remote?.status ?? 'DRAFT') as FlowStatus;
  if (remote && steps.length > 0) {
    // §1.5: editing metadata or JSON; a PUBLISHED flow goes back to DRAFT, a DEPRECATED one is refused.
    const outcome = lifecycleOutcome(status, 'update');
    if (!outcome.allowed) {
      messages.push({ severity: 'error', message: `Flow "${name}" is ${status}: Meta refuses changes (${outcome.refusal.code} ${outcome.refusal.title}). ${outcome.refusal.detail}` });
      return plan;
    }
    if (outcome.next !== status) {
      const then = local.config.publish ? 'apply publishes it again' : 'publish is not set for it, so it stays DRAFT (mode "published" sends keep the last published version)';
      messages.push({ severity: 'warning', message: `Flow "${name}" is ${status}: ${describe(steps)} returns it to DRAFT until it is published again; ${then}.` });
      status = outcome.next as FlowStatus;
    }
  }
  // §1.5: THROTTLED and BLOCKED are statuses Meta sets on published flows; publishing them again is not an operation.
  if (local.config.publish && status !== 'PUBLISHED' && status !== 'THROTTLED' && status !== 'BLOCKED') {
    const outcome = lifecycleOutcome(status, 'publish');
    if (!outcome.allowed) {
      messages.push({ severity: 'error', message: `Flow "${name}" cannot be published: ${outcome.refusal.title} (${outcome.refusal.code}). ${outcome.refusal.detail}` });
      return plan;
    }
    const problems = publishingProblemsFor({
      hasJson: true,
      validationErrorCount: 0,
      jsonVersion,
      dataApiVersion,
      endpointUri: endpointUri ?? remote?.endpoint_uri,
      hasBusinessPublicKey: input.hasBusinessPublicKey ?? true,
    });
    for (const p of problems) {
      const where = p.check === 'public_key' ? `no business public key on phone ${input.phoneNumberId ?? '(none configured)'}` : p.description;
      messages.push({ severity: 'error', message: `Publishing flow "${name}" would fail: ${where} (${PUBLISHING_ERROR_CODE} "${p.title}"). ${p.solution}` });
    }
    if (dataApiVersion !== undefined && input.hasBusinessPublicKey === undefined) {
      messages.push({ severity: 'warning', message: `Flow "${name}" is an endpoint flow: publishing needs a business public key on a phone number (139002); set phoneNumberId for ${input.environment} so plan can check it.` });
    }
    if (problems.length === 0) steps.push({ kind: 'publish' });
  }
  return plan;
}

/** A flow's plan from the local file alone: its validation findings, no steps (plan stops here on local errors). */
export function localFlowPlan(environment: string, local: LocalFlow): FlowPlan {
  const messages: PlanMessage[] = [];
  const plan: FlowPlan = { key: local.key, name: local.config.name ?? local.key, file: local.file, sha256: local.sha256, steps: [], messages };
  const jsonVersion = typeof local.json?.version === 'string' ? local.json.version : undefined;
  const endpointUri = wantedEndpointUri(local.config, environment);
  if (jsonVersion) plan.jsonVersion = jsonVersion;
  if (endpointUri) plan.endpointUri = endpointUri;
  for (const d of [...local.errors, ...local.warnings]) {
    messages.push({ severity: d.severity === 'error' ? 'error' : 'warning', message: `${d.message} (${d.error})`, file: local.file, line: d.line_start, column: d.column_start });
  }
  return plan;
}

function driftMessages(input: FlowPlanInput, messages: PlanMessage[]): void {
  const { lock, remote, remoteSha } = input;
  if (!lock || !remote || lock.id !== remote.id) return;
  if (lock.uploaded_sha256 && remoteSha !== lock.uploaded_sha256) {
    messages.push({ severity: 'warning', message: `Drift: the Flow JSON of "${remote.name}" (${remote.id}) was changed outside this repository (it no longer matches the lock); apply uploads the local file over it.` });
  }
  if (lock.status && remote.status && lock.status !== remote.status) {
    messages.push({ severity: 'warning', message: `Drift: "${remote.name}" (${remote.id}) is ${remote.status}, the lock says ${lock.status}.` });
  }
  if (lock.endpoint_uri !== undefined && remote.endpoint_uri !== lock.endpoint_uri) {
    messages.push({ severity: 'warning', message: `Drift: the endpoint_uri of "${remote.name}" (${remote.id}) was changed outside this repository.` });
  }
}

function describe(steps: FlowStep[]): string {
  return steps.some((s) => s.kind === 'upload') ? 'uploading its JSON' : 'updating its metadata';
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

import { lifecycleOutcome } from '../platform/lifecycle.js';
import type { FlowUpdateMetadataParams } from '../client/resources/flows/flows.js';
import type { TemplateComponent } from '../client/resources/templates/types.js';
import type { FlowStatus } from '../enums/flow-status.js';
import { DeployError } from './errors.js';
import { environmentLock, writeLock } from './lock-file.js';
import type { PlanContext } from './plan.js';
import type { LocalFlow } from './plan-flow.js';
import { templateComponents } from './plan-template.js';
import type { FlowLock, FlowPlan, FlowStep, Plan } from './types.js';

export interface ApplyOptions {
  /** Told before each write request, e.g. `create flow order_form`. */
  onStep?: (description: string) => void;
}

export interface ApplyResult {
  /** Write requests sent. */
  steps: number;
}

/**
 * Does what the plan says, one step at a time, writing the lock after each (atomically: lock-file.ts). Each step
 * is idempotent given the remote state, so an interrupted apply can be re-run: the next plan starts from what
 * was done (a flow created just before the kill is found again by its name). Entries of unchanged flows and
 * templates are refreshed in the lock without any request.
 */
export async function applyPlan(plan: Plan, context: PlanContext, options: ApplyOptions = {}): Promise<ApplyResult> {
  if (plan.errors) throw new DeployError('The plan has errors: nothing was applied. Fix them (meta-cloud-api plan shows them) and run apply again.');
  const client = context.client;
  if (!client) throw new DeployError('The plan was not read from an environment: nothing to apply.');
  const env = environmentLock(context.lock, plan.environment);
  const save = () => writeLock(context.lockFile, context.lock);
  let done = 0;
  for (const flow of plan.flows) {
    const local = context.locals.find((l) => l.key === flow.key)!;
    const entry = refreshedFlowLock(flow, env.flows[flow.key]);
    if (entry) env.flows[flow.key] = entry;
    for (const step of flow.steps) {
      options.onStep?.(`${describeStep(step)} flow ${flow.key}`);
      try {
        env.flows[flow.key] = await runFlowStep(context, flow, local, step, env.flows[flow.key]);
      } catch (error) {
        throw stopped(`${describeStep(step)} flow ${flow.key}`, error);
      }
      done++;
      await save();
    }
  }
  for (const template of plan.templates) {
    const config = context.loaded.config.templates![template.key]!;
    if (template.steps.length === 0) {
      if (template.id) env.templates[template.key] = { id: template.id, name: template.name, language: template.language, status: template.status ?? 'PENDING' };
      continue;
    }
    const flowKey = config.flowButton?.flow;
    const flowId = flowKey === undefined ? '' : env.flows[flowKey]?.id;
    if (flowKey !== undefined && !flowId) throw new DeployError(`Template ${template.key}: flow ${flowKey} has no id in the lock; apply its flow first.`);
    options.onStep?.(`create template ${template.key}`);
    try {
      const created = await client.templates.create({ name: template.name, language: template.language, category: config.category, components: templateComponents(config, flowId!) as TemplateComponent[] }, context.environment.wabaId);
      env.templates[template.key] = { id: created.id, name: template.name, language: template.language, status: String(created.status) };
    } catch (error) {
      throw stopped(`create template ${template.key}`, error);
    }
    done++;
    await save();
  }
  await save();
  return { steps: done };
}

async function runFlowStep(context: PlanContext, flow: FlowPlan, local: LocalFlow, step: FlowStep, entry: FlowLock | undefined): Promise<FlowLock> {
  const client = context.client!;
  if (step.kind === 'create') {
    const created = await client.flows.createFlow(context.environment.wabaId, {
      name: flow.name,
      categories: local.config.categories ?? ['OTHER'],
      ...(flow.endpointUri ? { endpoint_uri: flow.endpointUri } : {}),
    });
    return withOptional({ id: created.id, name: flow.name, status: 'DRAFT' }, undefined, flow.endpointUri);
  }
  const current: FlowLock = entry ?? { id: flow.id!, name: flow.name, status: flow.status ?? 'DRAFT' };
  if (step.kind === 'publish') {
    await client.flows.publishFlow(current.id);
    return { ...current, status: 'PUBLISHED', published_sha256: current.uploaded_sha256 ?? local.sha256 };
  }
  // §1.5 (src/platform/lifecycle.ts): an edit returns a PUBLISHED flow to DRAFT.
  const outcome = lifecycleOutcome(current.status as FlowStatus, 'update');
  const status = outcome.allowed ? String(outcome.next) : current.status;
  if (step.kind === 'upload') {
    await client.flows.uploadFlowJson(current.id, local.text);
    return withOptional({ ...current, status, uploaded_sha256: local.sha256 }, flow.jsonVersion, current.endpoint_uri);
  }
  await client.flows.updateFlowMetadata(current.id, step.fields as FlowUpdateMetadataParams);
  return { ...current, status, name: step.fields.name ?? current.name, ...(step.fields.endpoint_uri ? { endpoint_uri: step.fields.endpoint_uri } : {}) };
}

/** The lock entry of a flow as the plan found it (before any step): id, status, and the hashes it proves. */
function refreshedFlowLock(flow: FlowPlan, entry: FlowLock | undefined): FlowLock | undefined {
  if (!flow.id) return entry;
  const next: FlowLock = { ...(entry?.id === flow.id ? entry : {}), id: flow.id, name: flow.name, status: flow.status ?? entry?.status ?? 'DRAFT' };
  if (!flow.steps.some((s) => s.kind === 'upload')) {
    // The remote JSON is the local file: it is what was uploaded, and what a PUBLISHED flow publishes.
    next.uploaded_sha256 = flow.sha256;
    if (next.status === 'PUBLISHED') next.published_sha256 = flow.sha256;
    if (flow.jsonVersion) next.json_version = flow.jsonVersion;
  }
  if (!flow.steps.some((s) => s.kind === 'update-metadata') && flow.endpointUri) next.endpoint_uri = flow.endpointUri;
  return next;
}

function withOptional(entry: FlowLock, jsonVersion: string | undefined, endpointUri: string | undefined): FlowLock {
  const out = { ...entry };
  if (jsonVersion) out.json_version = jsonVersion;
  if (endpointUri) out.endpoint_uri = endpointUri;
  return out;
}

function describeStep(step: FlowStep): string {
  return step.kind === 'update-metadata' ? 'update metadata of' : step.kind;
}

function stopped(what: string, error: unknown): DeployError {
  return new DeployError(`apply stopped at "${what}": ${(error as Error).message} The steps before it are in the lock; fix the cause and run apply again (it continues from there).`);
}

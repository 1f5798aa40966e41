import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { WhatsApp } from '../client/client.js';
import type { Flow } from '../client/resources/flows/types.js';
import { validateFlowJson } from '../flow-json/validate.js';
import { loadDeployConfig, LOCK_FILE_NAME } from './config.js';
import { clientFor, environmentOf, type EnvironmentAccess } from './environment.js';
import { DeployError } from './errors.js';
import { readLock, sha256 } from './lock-file.js';
import { localFlowPlan, planFlow, type LocalFlow } from './plan-flow.js';
import { planTemplate } from './plan-template.js';
import { readRemoteState, type RemoteState } from './remote.js';
import type { DeployEnvironment, EnvironmentLock, LoadedConfig, LockFile, Plan } from './types.js';

export interface PlanOptions extends EnvironmentAccess {
  /** The config file or its directory (default: the current directory). */
  config?: string;
  /** The environment (may be left out when the config has one). */
  environment?: string;
}

/** Everything apply needs besides the plan: where the lock is, the client, the local files. */
export interface PlanContext {
  loaded: LoadedConfig;
  environment: DeployEnvironment & { name: string };
  lockFile: string;
  lock: LockFile;
  locals: LocalFlow[];
  client: WhatsApp | undefined;
  remote: RemoteState | undefined;
}

/**
 * Builds the plan for one environment: validates every flow locally (errors stop there, before any request),
 * reads the remote state with GET requests only, and says per flow and template what apply would do.
 */
export async function createPlan(options: PlanOptions = {}): Promise<{ plan: Plan; context: PlanContext }> {
  const loaded = await loadDeployConfig(options.config);
  const environment = environmentOf(loaded.config, options.environment);
  const lockFile = join(loaded.dir, LOCK_FILE_NAME);
  const lock = await readLock(lockFile);
  const plan: Plan = { environment: environment.name, flows: [], templates: [], messages: [], changes: false, errors: false };
  const locals: LocalFlow[] = [];
  for (const [key, flow] of Object.entries(loaded.config.flows)) {
    const local = await readLocalFlow(loaded.dir, key, flow);
    if (typeof local === 'string') plan.messages.push({ severity: 'error', message: local, file: flow.file });
    else locals.push(local);
  }
  const context: PlanContext = { loaded, environment, lockFile, lock, locals, client: undefined, remote: undefined };
  if (plan.messages.length > 0 || locals.some((l) => l.errors.length > 0)) {
    // Local errors stop the plan before any request: a pull request can be checked without a token.
    plan.flows = locals.map((local) => localFlowPlan(environment.name, local));
    return { plan: finish(plan), context };
  }
  const client = clientFor(environment, options);
  context.client = client;
  const envLock: EnvironmentLock = lock.environments[environment.name] ?? { flows: {}, templates: {} };
  const match = (flows: Flow[], local: LocalFlow) => {
    const id = envLock.flows?.[local.key]?.id;
    return flows.find((f) => f.id === id) ?? flows.find((f) => f.name === (local.config.name ?? local.key));
  };
  const templates = Object.entries(loaded.config.templates ?? {});
  const needsKey = locals.some((l) => l.config.publish && typeof l.json?.data_api_version === 'string');
  let remote: RemoteState;
  try {
    remote = await readRemoteState(client, environment, (flows) => locals.map((l) => match(flows, l)?.id).filter((id): id is string => id !== undefined), {
      templates: templates.length > 0,
      publicKey: needsKey,
    });
  } catch (error) {
    throw new DeployError(`Reading environment "${environment.name}" (WABA ${environment.wabaId}) failed: ${(error as Error).message}`);
  }
  context.remote = remote;
  for (const local of locals) {
    const found = match(remote.flows, local);
    plan.flows.push(
      planFlow({
        environment: environment.name,
        local,
        lock: envLock.flows?.[local.key],
        remote: found,
        remoteSha: found ? remote.jsonSha.get(found.id) : undefined,
        hasBusinessPublicKey: remote.hasBusinessPublicKey,
        phoneNumberId: environment.phoneNumberId,
      }),
    );
  }
  for (const [key, config] of templates) {
    const name = config.name ?? key;
    const flowKey = config.flowButton?.flow;
    plan.templates.push(
      planTemplate({
        key,
        config,
        lock: envLock.templates?.[key],
        remote: remote.templates.find((t) => t.name === name && t.language === config.language),
        flowId: flowKey === undefined ? undefined : plan.flows.find((f) => f.key === flowKey)?.id,
      }),
    );
  }
  return { plan: finish(plan), context };
}

function finish(plan: Plan): Plan {
  const all = [...plan.messages, ...plan.flows.flatMap((f) => f.messages), ...plan.templates.flatMap((t) => t.messages)];
  plan.errors = all.some((m) => m.severity === 'error');
  plan.changes = [...plan.flows, ...plan.templates].some((x) => x.steps.length > 0);
  return plan;
}

/** Reads and validates one flow file; a string is what is wrong with it. */
async function readLocalFlow(dir: string, key: string, config: LoadedConfig['config']['flows'][string]): Promise<LocalFlow | string> {
  let text: string;
  try {
    text = await readFile(resolve(dir, config.file), 'utf8');
  } catch (error) {
    return `flows.${key}: cannot read ${config.file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`;
  }
  const result = validateFlowJson(text);
  let json: Record<string, unknown> | undefined;
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) json = value as Record<string, unknown>;
  } catch {
    json = undefined; // the validator reported the syntax error
  }
  return { key, config, file: config.file, text, sha256: sha256(text), json, errors: result.errors, warnings: result.warnings };
}

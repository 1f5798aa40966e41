import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, LOCK_FILE_NAME, loadDeployConfig } from './config.js';
import { checkDeployConfig } from './config-check.js';
import { clientFor, type EnvironmentAccess } from './environment.js';
import { DeployError } from './errors.js';
import { environmentLock, readLock, sha256, writeLock } from './lock-file.js';
import { templateEntry } from './pull-templates.js';
import { listRemoteFlows, listRemoteTemplates, remoteFlowJson } from './remote.js';
import type { DeployConfig, DeployFlow, DeployTemplate, LoadedConfig } from './types.js';

export interface PullOptions extends EnvironmentAccess {
  /** The config file or its directory (default: the current directory). A missing config is created (JSON). */
  config?: string;
  environment: string;
  /** Where new flow files go, relative to the config's directory. Default `flows`. */
  out?: string;
  /** For an environment the config does not have yet. */
  wabaId?: string;
  phoneNumberId?: string;
  baseUrl?: string;
}

export interface PullResult {
  configFile: string;
  /** Flow files written, relative to the config's directory. */
  written: string[];
  /** Config keys added. */
  added: string[];
  /** Whether the config file was written (JSON configs); otherwise `snippet` has the entries to add by hand. */
  configUpdated: boolean;
  snippet?: string;
  /** Flows with no Flow JSON uploaded, left out. */
  skipped: string[];
  /** Template config keys added. */
  templatesAdded: string[];
  /** Templates the config cannot express, left out: `name (language): why`. */
  templatesSkipped: string[];
}

/**
 * Adopts an account: downloads every flow of the environment's WABA into files, and creates or updates the
 * config entries (JSON configs; `.mjs`/`.ts` ones get a snippet to paste) and the lock entries, so that the next
 * plan shows no change; then the templates the config can express (`pull-templates.ts`). GET requests only.
 */
export async function pullFlows(options: PullOptions): Promise<PullResult> {
  const loaded = await loadOrStart(resolve(options.config ?? '.'), options);
  const config = loaded.config;
  let environment = config.environments[options.environment];
  if (!environment) {
    if (!options.wabaId) throw new DeployError(`No environment "${options.environment}" in ${loaded.file}: give --waba-id (and --phone-number-id) to add it.`);
    environment = { wabaId: options.wabaId };
    if (options.phoneNumberId) environment.phoneNumberId = options.phoneNumberId;
    if (options.baseUrl) environment.baseUrl = options.baseUrl;
    config.environments[options.environment] = environment;
  }
  const client = clientFor({ ...environment, name: options.environment }, options);
  const lockFile = join(loaded.dir, LOCK_FILE_NAME);
  const lock = await readLock(lockFile);
  const envLock = environmentLock(lock, options.environment);
  const result: PullResult = { configFile: loaded.file, written: [], added: [], configUpdated: false, skipped: [], templatesAdded: [], templatesSkipped: [] };
  const added: Record<string, DeployFlow> = {};
  let flows;
  try {
    flows = await listRemoteFlows(client, environment);
  } catch (error) {
    throw new DeployError(`Reading environment "${options.environment}" (WABA ${environment.wabaId}) failed: ${(error as Error).message}`);
  }
  for (const flow of flows) {
    const name = flow.name ?? flow.id;
    const text = await remoteFlowJson(client, flow.id);
    if (text === undefined) {
      result.skipped.push(name);
      continue;
    }
    let key = Object.keys(config.flows).find((k) => envLock.flows[k]?.id === flow.id) ?? Object.keys(config.flows).find((k) => (config.flows[k]!.name ?? k) === name);
    let entry: DeployFlow;
    if (key) entry = config.flows[key]!;
    else {
      key = uniqueKey(slug(name), config.flows);
      entry = { file: `${(options.out ?? 'flows').replace(/\/+$/, '')}/${key}.flow.json` };
      if (key !== name) entry.name = name;
      config.flows[key] = entry;
      added[key] = entry;
      result.added.push(key);
    }
    if (flow.categories?.length) entry.categories = [...flow.categories];
    if (flow.endpoint_uri) entry.endpointUri = typeof entry.endpointUri === 'object' ? { ...entry.endpointUri, [options.environment]: flow.endpoint_uri } : { [options.environment]: flow.endpoint_uri };
    const published = flow.status === 'PUBLISHED' || flow.status === 'THROTTLED' || flow.status === 'BLOCKED';
    if (published) entry.publish = true;
    const path = resolve(loaded.dir, entry.file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, 'utf8');
    result.written.push(relative(loaded.dir, path));
    const sha = sha256(text);
    envLock.flows[key] = {
      id: flow.id,
      name,
      status: flow.status ?? 'DRAFT',
      uploaded_sha256: sha,
      ...(flow.status === 'PUBLISHED' ? { published_sha256: sha } : {}),
      ...(flow.json_version ? { json_version: flow.json_version } : {}),
      ...(flow.endpoint_uri ? { endpoint_uri: flow.endpoint_uri } : {}),
    };
  }
  const addedTemplates = await pullTemplates(client, environment, config, envLock, result);
  checkDeployConfig(config, loaded.file);
  if (loaded.format === 'json') {
    await writeFile(loaded.file, `${JSON.stringify(config, null, 2)}\n`, 'utf8');
    result.configUpdated = true;
  } else if (result.added.length > 0 || result.templatesAdded.length > 0) {
    result.snippet = JSON.stringify({ flows: added, ...(result.templatesAdded.length ? { templates: addedTemplates } : {}) }, null, 2);
  }
  await writeLock(lockFile, lock);
  return result;
}

/** Adopts the templates the config can express (their flows adopted first); returns the entries added. */
async function pullTemplates(
  client: Parameters<typeof listRemoteTemplates>[0],
  environment: Parameters<typeof listRemoteTemplates>[1],
  config: DeployConfig,
  envLock: ReturnType<typeof environmentLock>,
  result: PullResult,
): Promise<Record<string, DeployTemplate>> {
  let templates;
  try {
    templates = await listRemoteTemplates(client, environment);
  } catch (error) {
    throw new DeployError(`Reading the templates of WABA ${environment.wabaId} failed: ${(error as Error).message}`);
  }
  const flowKeys = new Map(Object.entries(envLock.flows).map(([key, flow]) => [flow.id, key]));
  const added: Record<string, DeployTemplate> = {};
  for (const template of templates) {
    const entry = templateEntry(template, (id) => flowKeys.get(id));
    if (typeof entry === 'string') {
      result.templatesSkipped.push(`${template.name} (${template.language}): ${entry}`);
      continue;
    }
    const own = config.templates ?? {};
    let key = Object.keys(own).find((k) => (own[k]!.name ?? k) === template.name && own[k]!.language === template.language);
    if (!key) {
      key = uniqueKey(slug(template.name), own);
      if (key !== template.name) entry.name = template.name;
      config.templates = { ...own, [key]: entry };
      added[key] = entry;
      result.templatesAdded.push(key);
    }
    envLock.templates[key] = { id: template.id, name: template.name, language: template.language, status: template.status };
  }
  return added;
}

async function loadOrStart(path: string, options: PullOptions): Promise<LoadedConfig> {
  const info = await stat(path).catch(() => undefined);
  const dir = info?.isFile() ? dirname(path) : path;
  const exists = info?.isFile() || (await Promise.all(CONFIG_FILE_NAMES.map((n) => stat(join(dir, n)).catch(() => undefined)))).some((s) => s?.isFile());
  if (exists) return loadDeployConfig(path);
  if (!options.wabaId) throw new DeployError(`No config in ${dir}: give --waba-id (and --phone-number-id) to create flows.config.json for environment "${options.environment}".`);
  await mkdir(dir, { recursive: true });
  // pullFlows adds the environment from --waba-id, --phone-number-id and --base-url.
  const config: DeployConfig = { environments: {}, flows: {} };
  return { config, file: join(dir, 'flows.config.json'), dir, format: 'json' };
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'flow';
}

function uniqueKey(base: string, taken: Record<string, unknown>): string {
  let key = base;
  for (let i = 2; key in taken; i++) key = `${base}_${i}`;
  return key;
}

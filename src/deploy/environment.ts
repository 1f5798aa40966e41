import { WhatsApp } from '../client/client.js';
import { DeployError } from './errors.js';
import type { DeployConfig, DeployEnvironment } from './types.js';

/** Options for reaching an environment, besides the config (tests inject `fetch`). */
export interface EnvironmentAccess {
  /** Where tokens are read (default: process.env). */
  env?: Record<string, string | undefined>;
  fetch?: typeof fetch;
  maxRetries?: number;
}

/** `staging` → `STAGING_CLOUD_API_ACCESS_TOKEN` (letters upper-cased, anything else an underscore). */
export function tokenVariable(environment: string): string {
  return `${environment.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_CLOUD_API_ACCESS_TOKEN`;
}

export function environmentOf(config: DeployConfig, name: string | undefined): DeployEnvironment & { name: string } {
  const names = Object.keys(config.environments);
  if (name === undefined) {
    if (names.length === 1) return { ...config.environments[names[0]!]!, name: names[0]! };
    throw new DeployError(`Choose an environment with --env: ${names.join(', ')}.`);
  }
  const env = config.environments[name];
  if (!env) throw new DeployError(`No environment "${name}" in the config; it has ${names.join(', ')}.`);
  return { ...env, name };
}

/**
 * A client for one environment. The token comes from `<ENV>_CLOUD_API_ACCESS_TOKEN`, else
 * `CLOUD_API_ACCESS_TOKEN`: never from the config file.
 */
export function clientFor(environment: DeployEnvironment & { name: string }, access: EnvironmentAccess = {}): WhatsApp {
  const vars = access.env ?? process.env;
  const specific = tokenVariable(environment.name);
  const token = vars[specific] || vars.CLOUD_API_ACCESS_TOKEN;
  if (!token) throw new DeployError(`No access token for environment "${environment.name}": set ${specific} (or CLOUD_API_ACCESS_TOKEN) in the environment.`);
  return new WhatsApp({
    accessToken: token,
    businessAcctId: environment.wabaId,
    ...(environment.phoneNumberId ? { phoneNumberId: environment.phoneNumberId } : {}),
    ...(environment.baseUrl ? { baseUrl: environment.baseUrl } : {}),
    ...(environment.apiVersion ? { apiVersion: environment.apiVersion } : {}),
    ...(access.fetch ? { fetch: access.fetch } : {}),
    ...(access.maxRetries !== undefined ? { maxRetries: access.maxRetries } : {}),
  });
}

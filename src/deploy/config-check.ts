import { categoriesProblem } from '../platform/categories.js';
import { FLOW_BUTTON_ICONS, FLOW_BUTTON_TEXT_MAX } from '../platform/template-flow-buttons.js';
import { DeployError } from './errors.js';
import type { DeployConfig } from './types.js';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const TOKEN_KEYS = /token|secret|password/i;
const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];

/**
 * Checks a config object's shape and cross-references (a template's flow is one of `flows`); throws DeployError
 * listing every problem, each with where it is and how to fix it. Never looks at the network or the disk.
 */
export function checkDeployConfig(value: unknown, where: string): DeployConfig {
  const problems: string[] = [];
  const add = (path: string, message: string) => problems.push(`${path}: ${message}`);
  if (!isObject(value)) throw new DeployError(`${where} must hold an object: { "environments": {...}, "flows": {...}, "templates"?: {...} }.`);
  findSecrets(value, '', add);
  const envs = value.environments;
  if (!isObject(envs) || Object.keys(envs).length === 0) add('environments', 'needs at least one environment, e.g. { "staging": { "wabaId": "123", "phoneNumberId": "456" } }.');
  else {
    for (const [name, env] of Object.entries(envs)) {
      const at = `environments.${name}`;
      if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(name)) add(at, 'environment names are letters, digits, - and _ (they name the token variable <ENV>_CLOUD_API_ACCESS_TOKEN).');
      if (!isObject(env)) add(at, 'must be an object: { "wabaId": "...", "phoneNumberId"?: "...", "baseUrl"?: "..." }.');
      else {
        if (!isDigits(env.wabaId)) add(`${at}.wabaId`, 'is required: the WhatsApp Business Account id (digits, as a string).');
        if (env.phoneNumberId !== undefined && !isDigits(env.phoneNumberId)) add(`${at}.phoneNumberId`, 'must be a phone number id (digits, as a string).');
        if (env.baseUrl !== undefined && !isUrl(env.baseUrl)) add(`${at}.baseUrl`, 'must be an http(s) URL, e.g. http://127.0.0.1:4010 for the emulator.');
        if (env.apiVersion !== undefined && typeof env.apiVersion !== 'string') add(`${at}.apiVersion`, 'must be a string such as "v25.0".');
      }
    }
  }
  const flows = value.flows;
  if (!isObject(flows)) add('flows', 'must be an object: { "<key>": { "file": "flows/x.flow.json", ... } }.');
  else {
    const names = new Map<string, string>();
    for (const [key, flow] of Object.entries(flows)) {
      const at = `flows.${key}`;
      if (!isObject(flow)) {
        add(at, 'must be an object: { "file": "...", "categories"?: [...], "endpointUri"?: ..., "publish"?: true }.');
        continue;
      }
      if (typeof flow.file !== 'string' || flow.file === '') add(`${at}.file`, 'is required: the Flow JSON file, relative to the config file.');
      const name = flow.name ?? key;
      if (typeof name !== 'string' || name.trim() === '') add(`${at}.name`, 'must be a non-empty string.');
      else if (names.has(name)) add(`${at}.name`, `"${name}" is also the name of flows.${names.get(name)}: flow names are unique per WhatsApp Business Account.`);
      else names.set(name, key);
      if (flow.categories !== undefined) {
        const problem = Array.isArray(flow.categories) ? categoriesProblem(flow.categories) : { message: 'must be an array, e.g. ["OTHER"].' };
        if (problem) add(`${at}.categories`, problem.message + ('suggestion' in problem && problem.suggestion ? ` Did you mean ${problem.suggestion}?` : ''));
      }
      const uri = flow.endpointUri;
      if (uri !== undefined) {
        if (typeof uri === 'string') {
          if (!isUrl(uri)) add(`${at}.endpointUri`, 'must be an https URL.');
        } else if (isObject(uri)) {
          for (const [env, u] of Object.entries(uri)) {
            if (isObject(envs) && !(env in envs)) add(`${at}.endpointUri.${env}`, `names no environment (environments: ${Object.keys(envs).join(', ')}).`);
            if (!isUrl(u)) add(`${at}.endpointUri.${env}`, 'must be an https URL.');
          }
        } else add(`${at}.endpointUri`, 'must be a URL, or an object of one URL per environment.');
      }
      if (flow.publish !== undefined && typeof flow.publish !== 'boolean') add(`${at}.publish`, 'must be true or false.');
    }
  }
  const templates = value.templates;
  if (templates !== undefined) {
    if (!isObject(templates)) add('templates', 'must be an object: { "<name>": { "language": "en_US", "category": "MARKETING", "body": "...", "flowButton"?: {...} } }.');
    else for (const [key, template] of Object.entries(templates)) checkTemplate(key, template, isObject(flows) ? flows : {}, add);
  }
  if (problems.length > 0) throw new DeployError(`${where} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n  ${problems.join('\n  ')}`);
  return value as unknown as DeployConfig;
}

function checkTemplate(key: string, template: unknown, flows: Record<string, unknown>, add: (path: string, message: string) => void): void {
  const at = `templates.${key}`;
  if (!isObject(template)) return add(at, 'must be an object: { "language", "category", "body", "flowButton"? }.');
  const name = template.name ?? key;
  if (typeof name !== 'string' || !/^[a-z0-9_]{1,512}$/.test(name)) add(`${at}.name`, 'template names are lowercase letters, digits and underscores (set "name" when the key is not one).');
  if (typeof template.language !== 'string' || template.language === '') add(`${at}.language`, 'is required, e.g. "en_US".');
  if (!TEMPLATE_CATEGORIES.includes(template.category as string)) add(`${at}.category`, `must be one of ${TEMPLATE_CATEGORIES.join(', ')}.`);
  if (typeof template.body !== 'string' || template.body.trim() === '') add(`${at}.body`, 'is required: the text of the BODY component.');
  const button = template.flowButton;
  if (button === undefined) return;
  if (!isObject(button)) return add(`${at}.flowButton`, 'must be an object: { "text", "flow", "screen"?, "action"?, "icon"? }.');
  // The button rules are Meta's (src/platform/messages.ts); they are checked again on create.
  if (typeof button.text !== 'string' || button.text.trim() === '' || button.text.length > FLOW_BUTTON_TEXT_MAX) add(`${at}.flowButton.text`, `is required, at most ${FLOW_BUTTON_TEXT_MAX} characters.`);
  if (typeof button.flow !== 'string' || !(button.flow in flows)) add(`${at}.flowButton.flow`, `must be the key of a flow in "flows" (${Object.keys(flows).join(', ') || 'none'}).`);
  if (button.action !== undefined && button.action !== 'navigate' && button.action !== 'data_exchange') add(`${at}.flowButton.action`, 'must be "navigate" or "data_exchange".');
  if (button.icon !== undefined && !(FLOW_BUTTON_ICONS as readonly unknown[]).includes(button.icon)) add(`${at}.flowButton.icon`, `must be one of ${FLOW_BUTTON_ICONS.join(', ')}.`);
  if (button.screen !== undefined && (typeof button.screen !== 'string' || button.screen === '')) add(`${at}.flowButton.screen`, 'must be a screen id.');
}

/** Tokens come from the environment only: a config that carries one is refused before it can be committed twice. */
function findSecrets(value: Record<string, unknown>, path: string, add: (path: string, message: string) => void): void {
  for (const [key, v] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    // Keys of the top level and of each environment; environment names themselves are free.
    if (path !== 'environments' && TOKEN_KEYS.test(key)) {
      add(at, 'access tokens and secrets never go in the config file: set CLOUD_API_ACCESS_TOKEN or <ENV>_CLOUD_API_ACCESS_TOKEN in the environment.');
    } else if (isObject(v) && (path === '' ? key === 'environments' : path === 'environments')) findSecrets(v, at, add);
  }
}

function isDigits(v: unknown): boolean {
  return typeof v === 'string' && /^\d{1,20}$/.test(v);
}

function isUrl(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkDeployConfig } from './config-check.js';
import { DeployError } from './errors.js';
import type { LoadedConfig } from './types.js';

/** The names a config may have, in the order they are looked for in a directory. */
export const CONFIG_FILE_NAMES = ['flows.config.json', 'flows.config.mjs', 'flows.config.ts'] as const;
export const LOCK_FILE_NAME = 'flows.lock.json';

/**
 * Finds and loads the config: `path` is a config file or a directory holding one (default: the current
 * directory). A `.mjs`/`.ts` config exports the object as its default export (or as `config`). `.ts` needs a
 * Node.js that strips types (22.18 and later, or 22.6 with --experimental-strip-types) or a loader such as tsx.
 */
export async function loadDeployConfig(path = '.'): Promise<LoadedConfig> {
  const file = await findConfigFile(resolve(path));
  const format = file.endsWith('.json') ? 'json' : file.endsWith('.ts') ? 'ts' : 'mjs';
  let value: unknown;
  if (format === 'json') {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new DeployError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new DeployError(`${file} is not valid JSON: ${(error as Error).message}.`);
    }
  } else {
    value = await importConfig(file, format);
  }
  return { config: checkDeployConfig(value, file), file, dir: dirname(file), format };
}

async function findConfigFile(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) {
    if (!/\.(json|mjs|ts)$/.test(path)) throw new DeployError(`${path}: a config file ends in .json, .mjs or .ts (flows.config.json).`);
    return path;
  }
  if (!info) throw new DeployError(`${path} does not exist: give the config file or its directory (${CONFIG_FILE_NAMES.join(', ')}).`);
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = join(path, name);
    if ((await stat(candidate).catch(() => undefined))?.isFile()) return candidate;
  }
  throw new DeployError(`No ${CONFIG_FILE_NAMES.join(', ')} in ${path}. Create one (see the README, "Flows as code"), or adopt an existing account with \`meta-cloud-api pull --env <name> --waba-id <id>\`.`);
}

async function importConfig(file: string, format: 'mjs' | 'ts'): Promise<unknown> {
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (format === 'ts' && (code === 'ERR_UNKNOWN_FILE_EXTENSION' || code === 'ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING')) {
      throw new DeployError(
        `${basename(file)}: this Node.js (${process.version}) cannot load TypeScript. Use Node.js 22.18 or later, run through a loader (npx tsx), or rename it to flows.config.mjs (plain JavaScript).`,
      );
    }
    throw new DeployError(`${file} could not be loaded: ${(error as Error).message}`);
  }
  const value = module.default ?? module.config;
  if (value === undefined) throw new DeployError(`${file} must export the config: \`export default { environments, flows, templates }\`.`);
  return value;
}

import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { DeployError } from './errors.js';
import type { EnvironmentLock, LockFile } from './types.js';

/**
 * SHA-256 (hex) of a Flow JSON text as uploaded (UTF-8 bytes), with CRLF line breaks counted as LF: a text sent
 * as a multipart form field comes back with CRLF, and a checkout on Windows may have them; neither is a change.
 */
export function sha256(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

export function emptyLock(): LockFile {
  return { lockfileVersion: 1, environments: {} };
}

/** Reads `flows.lock.json`; a missing file is an empty lock, a corrupt one an error (never silently replaced). */
export async function readLock(file: string): Promise<LockFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyLock();
    throw new DeployError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DeployError(`${file} is not valid JSON (${(error as Error).message}). Restore it from git, or move it away and run \`meta-cloud-api pull\` to rebuild it.`);
  }
  const lock = value as LockFile;
  if (!lock || lock.lockfileVersion !== 1 || typeof lock.environments !== 'object' || lock.environments === null) {
    throw new DeployError(`${file} is not a flows lock file of version 1 ({ "lockfileVersion": 1, "environments": {...} }).`);
  }
  return lock;
}

export function environmentLock(lock: LockFile, environment: string): EnvironmentLock {
  const env = (lock.environments[environment] ??= { flows: {}, templates: {} });
  env.flows ??= {};
  env.templates ??= {};
  return env;
}

/**
 * Writes the lock atomically: a temporary file next to it, then a rename over it, so a kill at any moment leaves
 * either the old lock or the new one, never half a file. Keys are written in a stable order (clean diffs).
 */
export async function writeLock(file: string, lock: LockFile): Promise<void> {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(sorted(lock), null, 2)}\n`, 'utf8');
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw new DeployError(`Cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
  );
}

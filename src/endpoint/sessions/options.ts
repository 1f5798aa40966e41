/**
 * Checks the endpoint options `flowTokens` and `flowSessions` when the endpoint is created (a mistake throws
 * InvalidArgumentError saying what to pass). The code behind the options
 * (`flow-state.ts`, `flow-tokens/guard.ts`) uses the same checks.
 */
import { InvalidArgumentError } from '../../core/base-errors.js';

/** Largest session kept, as JSON: sessions are small state between screens, not a database. */
export const MAX_FLOW_SESSION_BYTES = 64 * 1024;

/** At least 256 bits of key material, written as text. */
export const MIN_FLOW_TOKEN_SECRET_LENGTH = 32;

/** Checks a flow-token secret option: one string or a non-empty list, each at least 32 characters. */
export function readSecrets(owner: string, secret: unknown): string[] {
  const list = typeof secret === 'string' ? [secret] : Array.isArray(secret) ? (secret as unknown[]) : [];
  if (list.length === 0 || !list.every((s): s is string => typeof s === 'string' && s.length >= MIN_FLOW_TOKEN_SECRET_LENGTH)) {
    throw new InvalidArgumentError(
      `${owner} needs a secret of at least ${MIN_FLOW_TOKEN_SECRET_LENGTH} characters (or a list of them during a rotation), e.g. 32 random bytes as hex. Keep it out of your code.`,
    );
  }
  return list;
}

const hasMethods = (value: unknown, names: string[]) => !!value && typeof value === 'object' && names.every((n) => typeof (value as Record<string, unknown>)[n] === 'function');

/** Whether either option is set, after checking both. */
export function checkFlowStateOptions(options: { flowTokens?: unknown; flowSessions?: unknown }): boolean {
  const tokens = options.flowTokens as { secret?: unknown; store?: unknown; message?: unknown } | undefined;
  if (tokens !== undefined) {
    if (!tokens || typeof tokens !== 'object') throw new InvalidArgumentError('flowTokens must be { secret, store?, message? }.');
    readSecrets('flowTokens', tokens.secret);
    if (tokens.store !== undefined && !hasMethods(tokens.store, ['isUsed', 'markUsed'])) {
      throw new InvalidArgumentError('flowTokens.store must be { isUsed(id), markUsed(id, ttlMs) } (e.g. redisFlowTokens from meta-cloud-api/stores/redis).');
    }
    const runTtlMs = (tokens as { runTtlMs?: unknown }).runTtlMs;
    if (runTtlMs !== undefined && !(typeof runTtlMs === 'number' && Number.isFinite(runTtlMs) && runTtlMs > 0)) {
      throw new InvalidArgumentError(`flowTokens.runTtlMs must be a positive number of milliseconds (e.g. 2 days: ${2 * 86_400_000}); got ${String(runTtlMs)}.`);
    }
    if (runTtlMs !== undefined && tokens.store !== undefined && !hasMethods(tokens.store, ['firstUse'])) {
      throw new InvalidArgumentError('flowTokens.runTtlMs needs a store that records first use (firstUse(id, now, keepMs)): memoryFlowTokens() or redisFlowTokens({ client }).');
    }
    if (tokens.message !== undefined && typeof tokens.message !== 'string' && typeof tokens.message !== 'function') {
      throw new InvalidArgumentError('flowTokens.message must be the text shown to the user, or a function (reason) => text.');
    }
  }
  if (options.flowSessions !== undefined && !hasMethods(options.flowSessions, ['get', 'set', 'delete'])) {
    throw new InvalidArgumentError('flowSessions must be a session store { get(key), set(key, session), delete(key) }: memoryFlowSessions() or redisFlowSessions({ client }).');
  }
  return tokens !== undefined || options.flowSessions !== undefined;
}

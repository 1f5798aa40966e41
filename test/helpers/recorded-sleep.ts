import type { HttpContext } from '../../src/internal/http.js';
import { graphError } from './graph-server.js';

/**
 * An HTTP context for the client's request layer against a test server, whose `sleep` records each wait instead of
 * waiting, so a retry schedule is read exactly and instantly.
 */
export function recordingContext(baseUrl: string, slept: number[], maxRetries = 2): HttpContext {
  return {
    baseUrl,
    apiVersion: 'v23.0',
    fetch: globalThis.fetch,
    timeout: 5_000,
    maxRetries,
    redact: (text) => text,
    accessToken: () => 'token',
    appSecretProof: () => undefined,
    sleep: async (ms) => {
      slept.push(ms);
    },
  };
}

/** A 429 throttling answer (Graph code 130429), with a Retry-After header when given. */
export const throttled = (retryAfter?: string) => ({
  status: 429,
  json: graphError(130429, 'Rate limit hit'),
  ...(retryAfter === undefined ? {} : { headers: { 'retry-after': retryAfter } }),
});

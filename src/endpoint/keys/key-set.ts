// Evidence: flows-platform §3.3/§3.6 (421 when the AES key cannot be decrypted: the client refetches the key and
// retries) and §6.8 (multi-tenant platforms need one key pair per WABA).
/**
 * The endpoint's private keys (option `privateKey`): one PEM, a list (a rotation: each is tried in turn, and the
 * answer is 421 only when none decrypts; Meta: Flows error codes), or a resolver `(request) => pem | pem[]` that
 * picks the keys per request (one endpoint serving several WABAs, by path or host). Every PEM
 * is imported once and cached.
 */
import { InvalidArgumentError } from '../../core/base-errors.js';
import type { FlowCrypto } from '../crypto/types.js';
import { EndpointError } from '../errors.js';
import { loadEndpointKey, type EndpointKey } from '../key-readiness.js';
import { decryptRequest, type DecryptedExchange, type EncryptedRequestBody } from '../protocol.js';
import type { RawExchangeRequest } from '../../internal/raw-exchange.js';
import type { KeyFormatError } from './errors.js';

/**
 * What a key resolver sees of a request: its method, its URL (absolute; on Node, built from the `Host` header and
 * the request path) and its headers. A Web `Request` satisfies it.
 */
export interface KeyResolverRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
}

/** Chooses the private key(s) for one request (one endpoint serving several WABAs, by path or host). */
export type PrivateKeyResolver = (request: KeyResolverRequest) => string | readonly string[] | Promise<string | readonly string[]>;

/** One PEM, a list of them, or a resolver choosing them per request. */
export type PrivateKeyOption = string | readonly string[] | PrivateKeyResolver;

/** The keys as the request path sees them. */
export interface KeySet {
  /** Decrypts the request with the first key that can; 421 when none can. */
  decrypt(request: RawExchangeRequest, envelope: EncryptedRequestBody): Promise<DecryptedExchange>;
  /** Resolves once the fixed keys are imported (a resolver's keys are imported at their first use). */
  ready(): Promise<void>;
}

const PEM_HINT = 'the PEM of your business private key ("-----BEGIN ... PRIVATE KEY-----")';

function isPem(value: unknown): value is string {
  return typeof value === 'string' && value.includes('PRIVATE KEY');
}

/** Checks the option's shape up front; throws InvalidArgumentError saying what to pass. */
export function checkPrivateKeyOption(option: unknown): asserts option is PrivateKeyOption {
  if (typeof option === 'function' || isPem(option)) return;
  if (Array.isArray(option) && option.length > 0 && option.every(isPem)) return;
  throw new InvalidArgumentError(
    `createFlowEndpoint needs { privateKey }: ${PEM_HINT}, a list of them during a key rotation, or a function (request) => PEM | PEM[] choosing them per request.`,
  );
}

/** A 500 for keys that could not be loaded (already reported once when loading failed). */
export class KeyNotLoadedError extends EndpointError {}
Object.defineProperty(KeyNotLoadedError, 'name', { value: 'EndpointError' });

/** Loads the fixed keys now (node:crypto throws a bad one from here); a resolver's keys load at first use. */
export function createKeySet(crypto: FlowCrypto, option: PrivateKeyOption, passphrase: string | undefined, onFailure: (error: KeyFormatError) => void): KeySet {
  const cache = new Map<string, EndpointKey>();
  const load = (pem: string): EndpointKey => {
    let key = cache.get(pem);
    if (!key) {
      key = loadEndpointKey(crypto, pem, passphrase, onFailure);
      cache.set(pem, key);
    }
    return key;
  };
  const fixed = typeof option === 'function' ? undefined : (typeof option === 'string' ? [option] : option).map(load);
  const ready = fixed ? Promise.all(fixed.map((k) => k.ready())).then(() => undefined) : Promise.resolve();
  ready.catch(() => undefined);

  let resolver: Promise<typeof import('./key-resolver.js')> | undefined;
  async function keysFor(request: RawExchangeRequest): Promise<EndpointKey[]> {
    if (fixed) return fixed;
    // A resolver's path loads with its first request, off the startup path (issue 12: the endpoint's bundle size).
    resolver ??= import('./key-resolver.js');
    const pems = await (await resolver).resolveKeys(option as PrivateKeyResolver, request);
    if (pems.length === 0 || !pems.every(isPem)) throw new EndpointError(500, `The privateKey resolver must return ${PEM_HINT} or a non-empty list of them.`);
    // A resolver may return keys it builds per call: the cache stays bounded by forgetting the oldest.
    if (cache.size > 1_000) cache.delete(cache.keys().next().value as string);
    return pems.map(load);
  }

  return {
    async decrypt(request, envelope) {
      const keys = await keysFor(request);
      let lastError: unknown;
      for (const endpointKey of keys) {
        let pk: unknown;
        try {
          pk = await endpointKey.key();
        } catch (cause) {
          throw new KeyNotLoadedError(500, `The private key could not be loaded: ${(cause as Error).message}`, { cause });
        }
        try {
          return await decryptRequest(crypto, pk, envelope);
        } catch (error) {
          // Only "this key cannot decrypt it" moves on to the next key; a malformed envelope fails the same with any.
          if (!(error instanceof EndpointError) || error.status !== 421) throw error;
          lastError = error;
        }
      }
      throw lastError;
    },
    ready: () => ready,
  };
}

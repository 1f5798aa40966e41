/**
 * Loads the endpoint's private key when `createFlowEndpoint` is called, so a wrong key or passphrase fails at start
 * and not at WhatsApp's first request. Where the backend can import synchronously (node:crypto) a bad key throws
 * from `createFlowEndpoint`; elsewhere (Web Crypto) the import starts at once and `ready()` settles with it.
 */
import type { FlowCrypto } from './crypto/types.js';
import { KeyFormatError } from './keys/errors.js';

/** The key as the request path and `ready()` see it. */
export interface EndpointKey {
  /** The imported key (the same promise every time: imported once). */
  key(): Promise<unknown>;
  /** Resolves once the key is imported; rejects with the KeyFormatError naming the option to fix. */
  ready(): Promise<void>;
}

/** Codes that point at `passphrase`; every other key failure points at `privateKey`. */
const PASSPHRASE_CODES = new Set(['PASSPHRASE_REQUIRED', 'WRONG_PASSPHRASE', 'NODE_REQUIRED']);

/**
 * Starts loading the key. Throws at once (a KeyFormatError naming `privateKey` or `passphrase`) when the backend
 * imports synchronously; otherwise the failure is kept for `ready()` and every request (answered 500).
 */
export function loadEndpointKey(crypto: FlowCrypto, privateKey: string, passphrase: string | undefined, onFailure: (error: KeyFormatError) => void | Promise<void>): EndpointKey {
  let imported: Promise<unknown>;
  if (crypto.importPrivateKeySync) {
    let key: unknown;
    try {
      key = crypto.importPrivateKeySync(privateKey, passphrase);
    } catch (error) {
      throw namingTheOption(error, passphrase);
    }
    imported = Promise.resolve(key);
  } else {
    // Reported once, here, before ready() rejects (each request then answers 500 without reporting it again).
    imported = crypto.importPrivateKey(privateKey, passphrase).catch(async (error: unknown) => {
      const named = namingTheOption(error, passphrase);
      await onFailure(named);
      throw named;
    });
  }
  const ready = imported.then(() => undefined);
  ready.catch(() => undefined);
  return { key: () => imported, ready: () => ready };
}

/** The key error restated for `createFlowEndpoint`, naming the option to fix (the key and passphrase never appear). */
function namingTheOption(error: unknown, passphrase: string | undefined): KeyFormatError {
  if (!(error instanceof KeyFormatError)) {
    return new KeyFormatError(`createFlowEndpoint: the privateKey option could not be loaded (${error instanceof Error ? error.name : 'unknown error'}).`, 'INVALID_PEM', { cause: error });
  }
  const option = PASSPHRASE_CODES.has(error.code) && (error.code !== 'NODE_REQUIRED' || passphrase) ? 'passphrase' : 'privateKey';
  return new KeyFormatError(`createFlowEndpoint: the ${option} option is wrong: ${error.message}`, error.code, { cause: error });
}

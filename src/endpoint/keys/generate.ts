import { InvalidArgumentError, WhatsAppError } from '../../core/base-errors.js';
import { KeyFormatError } from './errors.js';
import { REQUIRED_MODULUS_BITS } from './modulus.js';
import { derToPem } from './pem.js';
import { pkcs8ToPkcs1Private } from './rsa-der.js';

/** Options of `generateKeyPair`. */
export interface GenerateKeyPairOptions {
  /**
   * Encrypt the private key with this passphrase (Node only). Store the passphrase apart from the key,
   * e.g. in an environment variable.
   */
  passphrase?: string;
  /**
   * Private key format. `pkcs1` (`RSA PRIVATE KEY`; with a passphrase: legacy OpenSSL DES-EDE3-CBC encryption,
   * as `openssl genrsa -des3` and Meta's keyGenerator.js write it) or `pkcs8` (`PRIVATE KEY`; with a passphrase:
   * `ENCRYPTED PRIVATE KEY`, AES-256-CBC). Default: `pkcs1` with a passphrase, `pkcs8` without.
   */
  format?: 'pkcs1' | 'pkcs8';
}

/** A generated key pair, both halves PEM. */
export interface GeneratedKeyPair {
  /** SPKI PEM (`-----BEGIN PUBLIC KEY-----`): what `encryption.setBusinessPublicKey` uploads. */
  publicKey: string;
  /** PEM in the requested format; keep it secret. */
  privateKey: string;
}

/**
 * Generates the business encryption key pair for a flow endpoint: RSA-2048, e = 65537.
 * Without a passphrase it uses Web Crypto only (every runtime). With one it needs Node (`node:crypto`,
 * loaded lazily) and throws `KeyFormatError` (`NODE_REQUIRED`) elsewhere.
 */
export async function generateKeyPair(options: GenerateKeyPairOptions = {}): Promise<GeneratedKeyPair> {
  const { passphrase, format } = options;
  if (passphrase !== undefined && (typeof passphrase !== 'string' || passphrase === '')) {
    throw new InvalidArgumentError('generateKeyPair: `passphrase` must be a non-empty string (or omitted for an unencrypted key).');
  }
  if (format !== undefined && format !== 'pkcs1' && format !== 'pkcs8') {
    throw new InvalidArgumentError(`generateKeyPair: \`format\` must be 'pkcs1' or 'pkcs8'; got ${JSON.stringify(format)}.`);
  }
  return passphrase === undefined ? generateWithWebCrypto(format ?? 'pkcs8') : generateWithNode(passphrase, format ?? 'pkcs1');
}

async function generateWithWebCrypto(format: 'pkcs1' | 'pkcs8'): Promise<GeneratedKeyPair> {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) throw new WhatsAppError('generateKeyPair needs Web Crypto (globalThis.crypto.subtle): use Node 20 or later, Deno, Bun or a Worker.');
  const pair = await subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength: REQUIRED_MODULUS_BITS, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['encrypt', 'decrypt'],
  );
  const spki = new Uint8Array(await subtle.exportKey('spki', pair.publicKey));
  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
  return {
    publicKey: derToPem(spki, 'PUBLIC KEY'),
    privateKey: format === 'pkcs1' ? derToPem(pkcs8ToPkcs1Private(pkcs8), 'RSA PRIVATE KEY') : derToPem(pkcs8, 'PRIVATE KEY'),
  };
}

async function generateWithNode(passphrase: string, format: 'pkcs1' | 'pkcs8'): Promise<GeneratedKeyPair> {
  let nodeCrypto: typeof import('node:crypto');
  try {
    nodeCrypto = await import('node:crypto');
  } catch (error) {
    throw new KeyFormatError(
      'generateKeyPair({ passphrase }) needs Node.js (node:crypto) to encrypt the private key. Generate the pair on Node (`npx meta-cloud-api keys generate --passphrase-env NAME`) or omit the passphrase.',
      'NODE_REQUIRED',
      { cause: error },
    );
  }
  const cipher = format === 'pkcs1' ? 'des-ede3-cbc' : 'aes-256-cbc';
  return new Promise((resolve, reject) => {
    nodeCrypto.generateKeyPair(
      'rsa',
      {
        modulusLength: REQUIRED_MODULUS_BITS,
        publicExponent: 0x10001,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: format, format: 'pem', cipher, passphrase },
      },
      (error, publicKey, privateKey) => (error ? reject(error) : resolve({ publicKey, privateKey })),
    );
  });
}

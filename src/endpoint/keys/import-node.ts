import { createPrivateKey, type KeyObject } from 'node:crypto';
import { KeyFormatError } from './errors.js';
import { assertModulusBits } from './modulus.js';
import type { WebCryptoKey } from './web-crypto-key.js';
import { derToPem, parseKeyPem, type PemKey } from './pem.js';

/**
 * Node only (`node:crypto`). Loads the business private key in any PEM format: PKCS#8 (`PRIVATE KEY`),
 * PKCS#1 (`RSA PRIVATE KEY`), passphrase-protected PKCS#1 with legacy OpenSSL encryption
 * (`Proc-Type: 4,ENCRYPTED`, DES-EDE3-CBC or AES: Meta's `openssl genrsa -des3`) and encrypted PKCS#8
 * (`ENCRYPTED PRIVATE KEY`, what OpenSSL 3's `genrsa -des3` writes).
 * @param passphrase needed for encrypted keys; ignored for unencrypted ones.
 * @throws KeyFormatError: `PASSPHRASE_REQUIRED`, `WRONG_PASSPHRASE`, `WRONG_KEY_TYPE` (a public key),
 *   `UNSUPPORTED_KEY` (not RSA), `WRONG_KEY_SIZE` (not 2048 bits), `INVALID_PEM`. Messages never contain the key or the passphrase.
 */
export function importPrivateKeyNode(pem: string, passphrase?: string): KeyObject {
  const key = parseKeyPem(pem);
  if (!key.isPrivate) {
    throw new KeyFormatError('This is a public key: the endpoint needs the private key (private.pem) to decrypt requests.', 'WRONG_KEY_TYPE');
  }
  if (key.isEncrypted && (passphrase === undefined || passphrase === '')) {
    throw new KeyFormatError(
      'This private key is passphrase-protected: pass its passphrase (e.g. from an environment variable), or store it unencrypted with: openssl pkcs8 -topk8 -nocrypt -in private.pem -out private-pkcs8.pem',
      'PASSPHRASE_REQUIRED',
    );
  }
  let keyObject: KeyObject;
  try {
    keyObject = createPrivateKey(key.isEncrypted ? { ...source(key), passphrase: passphrase! } : source(key));
  } catch (error) {
    if (key.isEncrypted) {
      throw new KeyFormatError('Could not decrypt the private key: the passphrase is wrong (or the key file is damaged).', 'WRONG_PASSPHRASE', {
        cause: error,
      });
    }
    throw new KeyFormatError('The private key could not be read: the PEM body is damaged or not an RSA key.', 'INVALID_PEM', { cause: error });
  }
  if (keyObject.asymmetricKeyType !== 'rsa') {
    throw new KeyFormatError(
      `The private key is a ${keyObject.asymmetricKeyType ?? 'non-RSA'} key: WhatsApp Flows needs a 2048-bit RSA key pair (rsaEncryption).`,
      'UNSUPPORTED_KEY',
    );
  }
  assertModulusBits(keyObject.asymmetricKeyDetails?.modulusLength, 'private');
  return keyObject;
}

/** What `createPrivateKey` reads: DER where the format allows it, PEM with its headers for legacy encryption. */
function source(key: PemKey): { key: string | Buffer; format: 'pem' | 'der'; type?: 'pkcs1' | 'pkcs8' } {
  switch (key.kind) {
    case 'pkcs1-encrypted':
      return { key: derToPem(key.der, key.label, key.headers), format: 'pem' };
    case 'pkcs1':
      return { key: Buffer.from(key.der), format: 'der', type: 'pkcs1' };
    default:
      return { key: Buffer.from(key.der), format: 'der', type: 'pkcs8' };
  }
}

/** Exports a private `KeyObject` as unencrypted PKCS#8 PEM (`PRIVATE KEY`), the format `importPrivateKeyWeb` reads on every runtime. */
export function exportPkcs8Pem(keyObject: KeyObject): string {
  if (keyObject.type !== 'private') throw new KeyFormatError('exportPkcs8Pem needs a private key.', 'WRONG_KEY_TYPE');
  return keyObject.export({ type: 'pkcs8', format: 'pem' }) as string;
}

/**
 * Converts a `KeyObject` into a Web Crypto RSA-OAEP SHA-256 key: a private key becomes a `decrypt` key
 * (so passphrase-protected keys, loaded with `importPrivateKeyNode`, work with the Web Crypto endpoint code on Node),
 * a public key an `encrypt` key.
 * @throws KeyFormatError when the key is not a 2048-bit RSA key.
 */
export async function toWebCryptoKey(keyObject: KeyObject, options: { extractable?: boolean } = {}): Promise<WebCryptoKey> {
  // The Web Crypto importer loads with this call, off the startup path of the node:crypto endpoint (issue 12).
  const { importPkcs8Der, importSpkiDer } = await import('./import-web.js');
  if (keyObject.type === 'private') return importPkcs8Der(new Uint8Array(keyObject.export({ type: 'pkcs8', format: 'der' })), options.extractable ?? false);
  if (keyObject.type === 'public') return importSpkiDer(new Uint8Array(keyObject.export({ type: 'spki', format: 'der' })));
  throw new KeyFormatError('toWebCryptoKey needs an RSA private or public key, not a secret key.', 'WRONG_KEY_TYPE');
}

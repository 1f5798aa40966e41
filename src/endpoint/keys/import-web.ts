import { WhatsAppError } from '../../core/base-errors.js';
import { KeyFormatError } from './errors.js';
import { assertModulusBits, REQUIRED_MODULUS_BITS } from './modulus.js';
import { parseKeyPem } from './pem.js';
import { isRsaEncryptionKey, pkcs1PrivateToPkcs8, pkcs1PublicToSpki } from './rsa-der.js';
import type { WebCryptoKey } from './web-crypto-key.js';


/** The algorithm of every key imported here: RSA-OAEP with SHA-256 (OAEP hash and MGF1), as WhatsApp encrypts. */
export const RSA_OAEP_SHA256 = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;

const CONVERT_HINT = 'openssl pkcs8 -topk8 -nocrypt -in private.pem -out private-pkcs8.pem';

/** Options of `importPrivateKeyWeb`. */
export interface ImportPrivateKeyWebOptions {
  /** Let the key be exported again (default false: the endpoint only decrypts with it). */
  extractable?: boolean;
}

/**
 * Imports the business private key for Web Crypto (any runtime: Node, Deno, Bun, Workers, browsers)
 * as an RSA-OAEP SHA-256 `decrypt` key. Accepts unencrypted PKCS#8 (`PRIVATE KEY`) and PKCS#1 (`RSA PRIVATE KEY`).
 * @throws KeyFormatError: passphrase-protected key (`PASSPHRASE_REQUIRED`: use `importPrivateKeyNode` or convert it),
 *   a public key (`WRONG_KEY_TYPE`), not RSA (`UNSUPPORTED_KEY`), not 2048 bits (`WRONG_KEY_SIZE`), damaged PEM (`INVALID_PEM`).
 */
export async function importPrivateKeyWeb(pem: string, options: ImportPrivateKeyWebOptions = {}): Promise<WebCryptoKey> {
  const key = parseKeyPem(pem);
  if (!key.isPrivate) {
    throw new KeyFormatError('This is a public key: the endpoint needs the private key (private.pem) to decrypt requests.', 'WRONG_KEY_TYPE');
  }
  if (key.isEncrypted) {
    throw new KeyFormatError(
      `This private key is passphrase-protected; pass \`passphrase\` (Node only) or convert it: ${CONVERT_HINT}`,
      'PASSPHRASE_REQUIRED',
    );
  }
  return importPkcs8Der(key.kind === 'pkcs1' ? pkcs1PrivateToPkcs8(key.der) : key.der, options.extractable ?? false);
}

/**
 * Imports a business public key (SPKI `PUBLIC KEY` or PKCS#1 `RSA PUBLIC KEY`) as an RSA-OAEP SHA-256 `encrypt` key:
 * what WhatsApp does with the uploaded key, so a simulator can encrypt requests the same way.
 * @throws KeyFormatError: a private key (`WRONG_KEY_TYPE`), not RSA, not 2048 bits, damaged PEM.
 */
export async function importPublicKeyWeb(pem: string): Promise<WebCryptoKey> {
  const key = parseKeyPem(pem);
  if (key.isPrivate) {
    throw new KeyFormatError('This is a private key: pass the public key (public.pem, "-----BEGIN PUBLIC KEY-----").', 'WRONG_KEY_TYPE');
  }
  return importSpkiDer(key.kind === 'pkcs1-public' ? pkcs1PublicToSpki(key.der) : key.der);
}

/** Imports an unencrypted RSA PKCS#8 DER as an RSA-OAEP SHA-256 `decrypt` key, checking it is 2048 bits. @throws KeyFormatError */
export async function importPkcs8Der(der: Uint8Array<ArrayBuffer>, extractable = false): Promise<WebCryptoKey> {
  if (!isRsaEncryptionKey(der, 'pkcs8')) throw notRsa('private');
  let key: CryptoKey;
  try {
    key = await subtle().importKey('pkcs8', der, RSA_OAEP_SHA256, extractable, ['decrypt']);
  } catch (error) {
    throw new KeyFormatError('The private key could not be imported as an RSA key: the PEM body is damaged.', 'INVALID_PEM', { cause: error });
  }
  return checkModulus(key, 'private');
}

/** Imports an RSA SubjectPublicKeyInfo DER as an RSA-OAEP SHA-256 `encrypt` key, checking it is 2048 bits. @throws KeyFormatError */
export async function importSpkiDer(der: Uint8Array<ArrayBuffer>): Promise<WebCryptoKey> {
  if (!isRsaEncryptionKey(der, 'spki')) throw notRsa('public');
  let key: CryptoKey;
  try {
    key = await subtle().importKey('spki', der, RSA_OAEP_SHA256, true, ['encrypt']);
  } catch (error) {
    throw new KeyFormatError('The public key could not be imported as an RSA key: the PEM body is damaged.', 'INVALID_PEM', { cause: error });
  }
  return checkModulus(key, 'public');
}

function checkModulus(key: CryptoKey, which: 'private' | 'public'): CryptoKey {
  assertModulusBits((key.algorithm as RsaHashedKeyAlgorithm).modulusLength, which);
  return key;
}

function notRsa(which: 'private' | 'public'): KeyFormatError {
  return new KeyFormatError(`The ${which} key is not an RSA key: WhatsApp Flows needs a ${REQUIRED_MODULUS_BITS}-bit RSA key pair.`, 'UNSUPPORTED_KEY');
}

function subtle(): SubtleCrypto {
  const s = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!s) throw new WhatsAppError('Web Crypto (globalThis.crypto.subtle) is not available in this runtime: use Node 20 or later, Deno, Bun or a Worker.');
  return s;
}

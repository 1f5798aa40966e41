import { bytesEqual, DER_BIT_STRING, DER_INTEGER, DER_OCTET_STRING, DER_SEQUENCE, encodeDer, isDerSequence, readDer, readDerChildren } from './der.js';
import { KeyFormatError } from './errors.js';

/** `AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }`, as PKCS#8 and SPKI carry it for RSA keys. */
const RSA_ENCRYPTION_ALGORITHM = new Uint8Array([0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00]);
/** The OID element alone (`06 09 ...`), to recognise the algorithm whatever its parameters. */
const RSA_ENCRYPTION_OID = RSA_ENCRYPTION_ALGORITHM.subarray(2, 13);

function expectSequence(der: Uint8Array<ArrayBuffer>, what: string): void {
  if (!isDerSequence(der)) throw new KeyFormatError(`The ${what} is not valid DER: the PEM body is damaged or truncated.`, 'INVALID_PEM');
}

/**
 * Wraps a PKCS#1 `RSAPrivateKey` (PEM `RSA PRIVATE KEY`, unencrypted) into a PKCS#8 `PrivateKeyInfo`
 * (PEM `PRIVATE KEY`), the only private-key format Web Crypto imports.
 */
export function pkcs1PrivateToPkcs8(der: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  expectSequence(der, 'PKCS#1 private key');
  return encodeDer(DER_SEQUENCE, encodeDer(DER_INTEGER, new Uint8Array([0])), RSA_ENCRYPTION_ALGORITHM, encodeDer(DER_OCTET_STRING, der));
}

/**
 * Wraps a PKCS#1 `RSAPublicKey` (PEM `RSA PUBLIC KEY`) into an X.509 `SubjectPublicKeyInfo` (PEM `PUBLIC KEY`),
 * the public-key format Web Crypto imports and Meta's `setBusinessPublicKey` expects.
 */
export function pkcs1PublicToSpki(der: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  expectSequence(der, 'PKCS#1 public key');
  return encodeDer(DER_SEQUENCE, RSA_ENCRYPTION_ALGORITHM, encodeDer(DER_BIT_STRING, new Uint8Array([0]), der));
}

/** Unwraps the PKCS#1 `RSAPrivateKey` from an RSA PKCS#8 `PrivateKeyInfo` (the reverse of `pkcs1PrivateToPkcs8`). */
export function pkcs8ToPkcs1Private(der: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  expectSequence(der, 'PKCS#8 private key');
  const [, algorithm, key] = readDerChildren(readDer(der).content);
  if (!algorithm || !key || key.tag !== DER_OCTET_STRING || !hasRsaOid(algorithm.content)) {
    throw new KeyFormatError('The PKCS#8 private key is not an RSA key.', 'UNSUPPORTED_KEY');
  }
  return new Uint8Array(key.content);
}

/**
 * True when a PKCS#8 `PrivateKeyInfo` or SPKI `SubjectPublicKeyInfo` names the rsaEncryption algorithm
 * (false for EC, Ed25519, RSA-PSS-only keys, ...).
 */
export function isRsaEncryptionKey(der: Uint8Array<ArrayBuffer>, kind: 'pkcs8' | 'spki'): boolean {
  try {
    const fields = readDerChildren(readDer(der).content);
    const algorithm = fields[kind === 'pkcs8' ? 1 : 0];
    return algorithm?.tag === DER_SEQUENCE && hasRsaOid(algorithm.content);
  } catch {
    return false;
  }
}

function hasRsaOid(algorithmContent: Uint8Array<ArrayBuffer>): boolean {
  const oid = readDer(algorithmContent);
  return bytesEqual(algorithmContent.subarray(0, oid.end), RSA_ENCRYPTION_OID);
}

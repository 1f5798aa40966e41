/**
 * The business encryption key pair of a flow endpoint (flows-platform §1.3.11, §3.3): parse PEM in every
 * format, import it for Web Crypto, generate a pair. Runtime-neutral; the Node-only loader for
 * passphrase-protected keys is `./import-node.js`, imported directly by Node-only code.
 */
export { KeyFormatError, type KeyFormatErrorCode } from './errors.js';
export {
  derToPem,
  detectKeyKind,
  parseKeyPem,
  parsePem,
  pemToDer,
  type PemBlock,
  type PemKey,
  type PemKeyKind,
} from './pem.js';
export { isRsaEncryptionKey, pkcs1PrivateToPkcs8, pkcs1PublicToSpki, pkcs8ToPkcs1Private } from './rsa-der.js';
export { assertModulusBits, REQUIRED_MODULUS_BITS } from './modulus.js';
export {
  importPkcs8Der,
  importPrivateKeyWeb,
  importPublicKeyWeb,
  importSpkiDer,
  RSA_OAEP_SHA256,
  type ImportPrivateKeyWebOptions,
} from './import-web.js';
export { generateKeyPair, type GenerateKeyPairOptions, type GeneratedKeyPair } from './generate.js';
export type { WebCryptoKey, WebCryptoKeyInput, WebCryptoKeyUsage } from './web-crypto-key.js';

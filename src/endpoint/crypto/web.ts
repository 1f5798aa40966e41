import { KeyFormatError } from '../keys/errors.js';
import { hmacSha256 } from '../../internal/hmac.js';
import type { FlowCrypto } from './types.js';

const subtle = () => globalThis.crypto.subtle;
const buf = (b: Uint8Array) => b as Uint8Array<ArrayBuffer>;

/** Web Crypto backend: Node 20+, Bun, Deno, Cloudflare Workers, browsers. */
export const webCrypto: FlowCrypto = {
  name: 'web-crypto',
  importPrivateKey: (pem, passphrase) => {
    // A passphrase matters only for an encrypted key (an empty one, or one given for a plain key, is ignored).
    if (passphrase && /ENCRYPTED/.test(pem)) {
      return Promise.reject(
        new KeyFormatError('Passphrase-protected keys need node:crypto: import meta-cloud-api/endpoint on Node, or store the key unencrypted (PKCS#8) in your secret manager.', 'NODE_REQUIRED'),
      );
    }
    // The PEM/DER reader loads with the import (asynchronous here anyway), off the startup path (issue 12).
    return import('../keys/import-web.js').then((m) => m.importPrivateKeyWeb(pem));
  },
  async rsaOaepDecrypt(privateKey, data) {
    return new Uint8Array(await subtle().decrypt({ name: 'RSA-OAEP' }, privateKey as CryptoKey, buf(data)));
  },
  async aesGcmDecrypt(key, iv, data) {
    const k = await subtle().importKey('raw', buf(key), 'AES-GCM', false, ['decrypt']);
    return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: buf(iv), tagLength: 128 }, k, buf(data)));
  },
  async aesGcmEncrypt(key, iv, plaintext) {
    const k = await subtle().importKey('raw', buf(key), 'AES-GCM', false, ['encrypt']);
    return new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv: buf(iv), tagLength: 128 }, k, buf(plaintext)));
  },
  hmacSha256: (secret, data) => hmacSha256(secret, data),
};

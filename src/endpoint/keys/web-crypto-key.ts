/**
 * A Web Crypto key as this package's public signatures name it. Declared structurally instead of using the DOM
 * library's `CryptoKey`, so projects compiled without `lib: ["DOM"]` (the usual Node setup) type-check our
 * declarations. Every runtime's real `CryptoKey` (Node's webcrypto, Deno, Bun, Workers, browsers) is one, and the
 * keys this package returns are real `CryptoKey`s at run time, and they pass to `crypto.subtle` as they are.
 */
export interface WebCryptoKey {
  readonly algorithm: { name: string };
  readonly extractable: boolean;
  readonly type: 'private' | 'public' | 'secret';
  readonly usages: WebCryptoKeyUsage[];
}

/** The Web Crypto key usages (the same union as the DOM's and Node's `KeyUsage`, so a key passes to `crypto.subtle`). */
export type WebCryptoKeyUsage = 'decrypt' | 'deriveBits' | 'deriveKey' | 'encrypt' | 'sign' | 'unwrapKey' | 'verify' | 'wrapKey';

/**
 * What functions that take a Web Crypto key accept: any runtime's `CryptoKey` (its usages may name values newer than
 * `WebCryptoKeyUsage`, such as Node 24's `encapsulateBits`), checked by Web Crypto itself when used.
 */
export interface WebCryptoKeyInput {
  readonly algorithm: { name: string };
  readonly type: string;
}

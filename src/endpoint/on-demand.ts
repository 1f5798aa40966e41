/**
 * Public functions of `meta-cloud-api/endpoint` whose code loads on their first call (they are asynchronous
 * anyway): an app that only serves flows does not carry them in its startup bundle, and the endpoint itself loads
 * them only when an option needs them (`appSecret`, `flowTokens`, a Web Crypto key). Issue 12: the endpoint's bundle size. Each has
 * the signature and behaviour of the function it loads; the documentation is that function's.
 */
import type * as Signature from './signature.js';
import type * as Token from './flow-tokens/token.js';
import type * as Generate from './keys/generate.js';
import type * as ImportWeb from './keys/import-web.js';

/**
 * Checks `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw body, app secret)>` against each secret (several during
 * a rotation), comparing in constant time.
 */
export const verifyHubSignature: typeof Signature.verifyHubSignature = async (...args) => (await import('./signature.js')).verifyHubSignature(...args);

/**
 * Verifies `flow_token_signature` (Data API 4.0, Flow JSON 7.3 and later): an HS256 JWT signed with the app secret
 * whose payload carries the flow token; verified only when it is the request's own token.
 */
export const verifyFlowTokenSignature: typeof Signature.verifyFlowTokenSignature = async (...args) => (await import('./signature.js')).verifyFlowTokenSignature(...args);

/** Issues a signed flow token to put in a flow message's `flow_token`. */
export const issueFlowToken: typeof Token.issueFlowToken = async (...args) => (await import('./flow-tokens/token.js')).issueFlowToken(...args);

/** Verifies a token's signature (against each secret) and expiry. Any malformed token is `forged`. */
export const readFlowToken: typeof Token.readFlowToken = async (...args) => (await import('./flow-tokens/token.js')).readFlowToken(...args);

/**
 * Generates the business encryption key pair for a flow endpoint: RSA-2048, e = 65537.
 * Without a passphrase it uses Web Crypto only (every runtime). With one it needs Node (`node:crypto`,
 * loaded lazily) and throws `KeyFormatError` (`NODE_REQUIRED`) elsewhere.
 */
export const generateKeyPair: typeof Generate.generateKeyPair = async (...args) => (await import('./keys/generate.js')).generateKeyPair(...args);

/**
 * Imports the business private key for Web Crypto (any runtime: Node, Deno, Bun, Workers, browsers)
 * as an RSA-OAEP SHA-256 `decrypt` key. Accepts unencrypted PKCS#8 (`PRIVATE KEY`) and PKCS#1 (`RSA PRIVATE KEY`).
 * @throws KeyFormatError: passphrase-protected key (`PASSPHRASE_REQUIRED`: use `importPrivateKeyNode` or convert it),
 *   a public key (`WRONG_KEY_TYPE`), not RSA (`UNSUPPORTED_KEY`), not 2048 bits (`WRONG_KEY_SIZE`), damaged PEM (`INVALID_PEM`).
 */
export const importPrivateKeyWeb: typeof ImportWeb.importPrivateKeyWeb = async (...args) => (await import('./keys/import-web.js')).importPrivateKeyWeb(...args);

/**
 * Imports a business public key (SPKI `PUBLIC KEY` or PKCS#1 `RSA PUBLIC KEY`) as an RSA-OAEP SHA-256 `encrypt` key:
 * what WhatsApp does with the uploaded key, so a simulator can encrypt requests the same way.
 * @throws KeyFormatError: a private key (`WRONG_KEY_TYPE`), not RSA, not 2048 bits, damaged PEM.
 */
export const importPublicKeyWeb: typeof ImportWeb.importPublicKeyWeb = async (...args) => (await import('./keys/import-web.js')).importPublicKeyWeb(...args);

import { constants, createCipheriv, createDecipheriv, createHmac, generateKeyPairSync, publicEncrypt, randomBytes } from 'node:crypto';

/**
 * WhatsApp's side of the data-channel exchange, written from Meta's algorithm (flows-platform §3.2, §3.3) with
 * node:crypto, independently of the SDK's code: encrypt a request, sign it, decrypt a response.
 */
export const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

export interface SealedRequest {
  body: string;
  aesKey: Buffer;
  iv: Buffer;
}

/** A request payload given as JSON text (for shapes JSON.stringify cannot produce, such as 100 000 levels). */
export class RawJson {
  constructor(readonly text: string) {}
}

export function sealRequest(payload: unknown, publicKey: string = keys.publicKey): SealedRequest {
  const aesKey = randomBytes(16);
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-128-gcm', aesKey, iv);
  const data = Buffer.concat([cipher.update(payload instanceof RawJson ? payload.text : JSON.stringify(payload), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const encryptedKey = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, aesKey);
  const body = JSON.stringify({
    encrypted_flow_data: data.toString('base64'),
    encrypted_aes_key: encryptedKey.toString('base64'),
    initial_vector: iv.toString('base64'),
  });
  return { body, aesKey, iv };
}

export function openResponse(base64: string, sealed: Pick<SealedRequest, 'aesKey' | 'iv'>): unknown {
  const raw = Buffer.from(base64, 'base64');
  const flipped = Buffer.from(sealed.iv.map((b) => b ^ 0xff));
  const decipher = createDecipheriv('aes-128-gcm', sealed.aesKey, flipped);
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return JSON.parse(Buffer.concat([decipher.update(raw.subarray(0, raw.length - 16)), decipher.final()]).toString('utf8'));
}

export function hubSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function post(body: string, headers: Record<string, string> = {}): Request {
  return new Request('https://endpoint.example/flow', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
}

/** An HS256 JWT, built by hand. */
export function hs256(claims: Record<string, unknown>, secret: string): string {
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const head = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(claims)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

import { constants, createDecipheriv, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../src/endpoint/crypto/node.js';
import { verifyFlowTokenSignature } from '../../src/endpoint/signature.js';
import { decryptResponse, encryptRequest, flipIv, flowTokenSignature, hubSignature, importBusinessPublicKey } from '../../src/simulator/index.js';

/** flows-platform Appendix A: self-computed vectors of the data-channel AES-GCM and the request signature. */
const VECTOR = {
  key: new Uint8Array(Buffer.from('AAECAwQFBgcICQoLDA0ODw==', 'base64')),
  iv: new Uint8Array(Buffer.from('EBESExQVFhcYGRobHB0eHw==', 'base64')),
  flippedIv: '7+7t7Ovq6ejn5uXk4+Lh4A==',
  encryptedRequest: 'vryB0w/BTee4OvmgkgEf9dnfQfwZb8iWi7yl5iotFMJeuQl749lOptdzv/L1T2V2PA==',
  encryptedResponse: 'IHgL0mWXHJ6FDPLH6+aygF5BfT+mPzwvzktiKvlmYpg8eFKqJX/07YVStaI=',
  signature: 'sha256=2414e1e563b7f415f91ebc3f5707d3a99041e345a89759d1038cc182bc7a0405',
};
const keys = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

describe("the simulator's data-channel crypto (WhatsApp's side)", () => {
  it("encrypts the ping request to Appendix A's vector", async () => {
    const publicKey = await importBusinessPublicKey(keys.publicKey);
    const sealed = await encryptRequest(publicKey, { version: '3.0', action: 'ping' }, { aesKey: VECTOR.key, iv: VECTOR.iv });
    expect(sealed.envelope.encrypted_flow_data).toBe(VECTOR.encryptedRequest);
    expect(sealed.envelope.initial_vector).toBe('EBESExQVFhcYGRobHB0eHw==');
  });

  it("decrypts Appendix A's response with the flipped IV", async () => {
    expect(Buffer.from(flipIv(VECTOR.iv)).toString('base64')).toBe(VECTOR.flippedIv);
    expect(await decryptResponse(VECTOR.encryptedResponse, { aesKey: VECTOR.key, iv: VECTOR.iv })).toEqual({ data: { status: 'active' } });
    await expect(decryptResponse(VECTOR.encryptedResponse, { aesKey: VECTOR.key, iv: VECTOR.key })).rejects.toThrow();
  });

  it("signs the body as Appendix A's X-Hub-Signature-256 vector", async () => {
    expect(await hubSignature('{"encrypted_flow_data":"x"}', 'app_secret')).toBe(VECTOR.signature);
  });

  it('wraps a fresh 16-byte AES key with RSA-OAEP-SHA256 (checked with node:crypto) and a fresh IV per request', async () => {
    const publicKey = await importBusinessPublicKey(keys.publicKey);
    const payload = { version: '3.0', action: 'INIT', flow_token: 'tok' };
    const a = await encryptRequest(publicKey, payload);
    const b = await encryptRequest(publicKey, payload);
    expect(a.envelope.initial_vector).not.toBe(b.envelope.initial_vector);
    const aesKey = privateDecrypt({ key: keys.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(a.envelope.encrypted_aes_key, 'base64'));
    expect(aesKey).toHaveLength(16);
    const iv = Buffer.from(a.envelope.initial_vector, 'base64');
    expect(iv).toHaveLength(16);
    const data = Buffer.from(a.envelope.encrypted_flow_data, 'base64');
    const decipher = createDecipheriv('aes-128-gcm', aesKey, iv);
    decipher.setAuthTag(data.subarray(data.length - 16));
    expect(JSON.parse(Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString())).toEqual(payload);
  });

  it('refuses a private key where the public key belongs', async () => {
    await expect(importBusinessPublicKey(keys.privateKey)).rejects.toThrow(/private key/);
  });

  it('signs flow_token_signature as an HS256 JWT the endpoint verifies', async () => {
    const jwt = await flowTokenSignature('tok', 's3cret');
    expect((await verifyFlowTokenSignature(nodeCrypto, jwt, 'tok', ['s3cret'])).verified).toBe(true);
    expect((await verifyFlowTokenSignature(nodeCrypto, jwt, 'tok', ['other'])).verified).toBe(false);
  });
});

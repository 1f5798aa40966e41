/** SHA-256 / HMAC-SHA256 on Web Crypto (internal/hmac.ts), checked against node:crypto as an independent implementation. */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256, hmacSha256Hex, hubSignature, sha256 } from '../../src/internal/hmac.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('hmacSha256', () => {
  it('matches node:crypto for random keys and messages of many lengths (keys longer than a block included)', async () => {
    for (const keyLength of [0, 1, 32, 64, 65, 200]) {
      for (const dataLength of [0, 1, 55, 64, 1_000, 70_000]) {
        const key = randomBytes(keyLength);
        const data = randomBytes(dataLength);
        const expected = createHmac('sha256', key).update(data).digest('hex');
        expect(hex(await hmacSha256(key, data)), `${keyLength}/${dataLength}`).toBe(expected);
      }
    }
  });

  it('encodes string keys and messages as UTF-8', async () => {
    const key = 'app-sécret-🔑';
    const body = '{"text":"olá, 世界"}';
    expect(await hmacSha256Hex(key, body)).toBe(createHmac('sha256', Buffer.from(key, 'utf8')).update(Buffer.from(body, 'utf8')).digest('hex'));
  });

  it('works on views into a larger buffer (only the viewed bytes count)', async () => {
    const whole = randomBytes(100);
    const view = new Uint8Array(whole.buffer, whole.byteOffset + 10, 50);
    expect(hex(await hmacSha256('k', view))).toBe(createHmac('sha256', 'k').update(whole.subarray(10, 60)).digest('hex'));
  });

  it('hubSignature is sha256=<lowercase hex> as Meta sends it', async () => {
    const body = '{"object":"whatsapp_business_account"}';
    expect(await hubSignature(body, 'secret')).toBe(`sha256=${createHmac('sha256', 'secret').update(body).digest('hex')}`);
    expect(await hubSignature(new TextEncoder().encode(body), 'secret')).toBe(await hubSignature(body, 'secret'));
  });
});

describe('sha256', () => {
  it('matches node:crypto', async () => {
    for (const length of [0, 3, 64, 10_000]) {
      const data = randomBytes(length);
      expect(hex(await sha256(data))).toBe(createHash('sha256').update(data).digest('hex'));
    }
    expect(hex(await sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

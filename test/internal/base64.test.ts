/** base64 / base64url / hex (internal/base64.ts), on the Buffer path (Node) and the atob/btoa path (other runtimes). */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

type Base64Module = typeof import('../../src/internal/base64.js');

async function load(withBuffer: boolean): Promise<Base64Module> {
  vi.resetModules();
  if (!withBuffer) vi.stubGlobal('Buffer', undefined);
  try {
    return await import('../../src/internal/base64.js');
  } finally {
    vi.unstubAllGlobals();
  }
}

afterEach(() => vi.resetModules());

describe.each([
  ['Buffer', true],
  ['atob/btoa', false],
])('base64 on the %s path', (_name, withBuffer) => {
  it('base64url round-trips every length, without padding or + /', async () => {
    const b64 = await load(withBuffer);
    for (let length = 0; length <= 70; length++) {
      const bytes = new Uint8Array(randomBytes(length));
      const text = b64.toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(text).not.toMatch(/[+/=]/);
      expect(b64.fromBase64Url(text)).toEqual(bytes);
    }
  });

  it('base64 round-trips, bytes 0xfb-0xff included (the + and / digits)', async () => {
    const b64 = await load(withBuffer);
    const bytes = new Uint8Array([0xfb, 0xff, 0xfe, 0x00, 0x3e, 0x3f]);
    expect(b64.toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(b64.fromBase64(b64.toBase64(bytes))).toEqual(bytes);
    expect(b64.fromBase64Url(b64.toBase64Url(bytes))).toEqual(bytes);
    const big = new Uint8Array(randomBytes(100_000));
    expect(b64.fromBase64(b64.toBase64(big))).toEqual(big);
  });

  it('encodes a view, not the whole buffer behind it', async () => {
    const b64 = await load(withBuffer);
    const whole = new Uint8Array([1, 2, 3, 4, 5, 6]);
    expect(b64.toBase64(whole.subarray(2, 4))).toBe(Buffer.from([3, 4]).toString('base64'));
  });

  it('refuses what is not base64 / base64url', async () => {
    const b64 = await load(withBuffer);
    expect(() => b64.fromBase64('a b')).toThrow(TypeError);
    expect(() => b64.fromBase64('abcde')).toThrow(TypeError);
    expect(() => b64.fromBase64Url('ab+/')).toThrow(TypeError);
    expect(b64.tryFromBase64('-_')).toBeUndefined();
    expect(b64.tryFromBase64('abc=d')).toBeUndefined();
    expect(b64.tryFromBase64('ab=')).toBeUndefined();
    expect(b64.tryFromBase64('AQID')).toEqual(new Uint8Array([1, 2, 3]));
    expect(b64.fromBase64Url('AQID==')).toEqual(new Uint8Array([1, 2, 3]).subarray(0, 3));
  });
});

describe('hex', () => {
  it('round-trips and refuses odd lengths and non-hex', async () => {
    const b64 = await load(true);
    const bytes = new Uint8Array(randomBytes(32));
    expect(b64.toHex(bytes)).toBe(Buffer.from(bytes).toString('hex'));
    expect(b64.tryFromHex(b64.toHex(bytes))).toEqual(bytes);
    expect(b64.tryFromHex(b64.toHex(bytes).toUpperCase())).toEqual(bytes);
    expect(b64.tryFromHex('abc')).toBeUndefined();
    expect(b64.tryFromHex('zz')).toBeUndefined();
  });
});

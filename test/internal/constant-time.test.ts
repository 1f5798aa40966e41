/** Constant-time comparison (internal/constant-time.ts): correct answers for every kind of difference. */
import { describe, expect, it } from 'vitest';
import { constantTimeEqual, constantTimeEqualText } from '../../src/internal/constant-time.js';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('constantTimeEqual', () => {
  it('is true only for the same bytes', () => {
    expect(constantTimeEqual(bytes(), bytes())).toBe(true);
    expect(constantTimeEqual(bytes(1, 2, 3), bytes(1, 2, 3))).toBe(true);
    expect(constantTimeEqual(bytes(0, 2, 3), bytes(1, 2, 3))).toBe(false);
    expect(constantTimeEqual(bytes(1, 2, 3), bytes(1, 2, 4))).toBe(false);
    expect(constantTimeEqual(bytes(1, 2, 3), bytes(1, 2, 3 ^ 0x80))).toBe(false);
  });

  it('is false for different lengths, prefixes and zero padding included', () => {
    expect(constantTimeEqual(bytes(1, 2), bytes(1, 2, 3))).toBe(false);
    expect(constantTimeEqual(bytes(1, 2, 3), bytes(1, 2))).toBe(false);
    expect(constantTimeEqual(bytes(1, 2), bytes(1, 2, 0))).toBe(false);
    expect(constantTimeEqual(bytes(), bytes(0))).toBe(false);
  });

  it('agrees with a plain comparison on random inputs', () => {
    for (let i = 0; i < 500; i++) {
      const a = crypto.getRandomValues(new Uint8Array(i % 5));
      const b = i % 3 === 0 ? a.slice() : crypto.getRandomValues(new Uint8Array(i % 4));
      const plain = a.length === b.length && a.every((v, j) => v === b[j]);
      expect(constantTimeEqual(a, b)).toBe(plain);
    }
  });
});

describe('constantTimeEqualText', () => {
  it('compares strings by content', async () => {
    expect(await constantTimeEqualText('verify-token', 'verify-token')).toBe(true);
    expect(await constantTimeEqualText('verify-token', 'verify-tokeN')).toBe(false);
    expect(await constantTimeEqualText('verify', 'verify-token')).toBe(false);
    expect(await constantTimeEqualText('', '')).toBe(true);
    expect(await constantTimeEqualText('é', 'e\u0301')).toBe(false);
  });
});

/** Comparisons whose time does not reveal where two secrets differ. */
import { sha256 } from './hmac.js';

/**
 * Compares two byte arrays in time that depends only on their lengths, never on where they differ (a length
 * mismatch is still walked to the end, so it answers false in the same time as a late difference).
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * Compares two strings in constant time for their content: both are hashed first, so neither the position of the
 * first difference nor the expected length shows in the timing.
 */
export async function constantTimeEqualText(a: string, b: string): Promise<boolean> {
  const [da, db] = await Promise.all([sha256(a), sha256(b)]);
  return constantTimeEqual(da, db);
}

import type { FlowCrypto } from './crypto/types.js';
import { fromBase64Url, tryFromHex } from '../internal/base64.js';
import { constantTimeEqual } from '../internal/constant-time.js';

const encoder = new TextEncoder();

/**
 * Checks `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw body, app secret)>` against each secret (several during
 * a rotation), comparing in constant time.
 */
export async function verifyHubSignature(crypto: FlowCrypto, header: string | null | undefined, body: Uint8Array, secrets: readonly string[]): Promise<boolean> {
  if (!header) return false;
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!m) return false;
  const given = tryFromHex(m[1]!)!;
  let ok = false;
  for (const secret of secrets) {
    const expected = await crypto.hmacSha256(encoder.encode(secret), body);
    // Every secret is checked, so timing does not tell which one matched.
    if (constantTimeEqual(expected, given)) ok = true;
  }
  return ok;
}

/**
 * `flow_token_signature` (Data API 4.0, Flow JSON ≥ 7.3): an HS256 JWT signed with the app secret whose payload
 * carries the flow token (Meta: Implementing endpoints for Flows, data exchange request; claim names beyond the token are unverified, so `flow_token` is
 * compared when present).
 */
export async function verifyFlowTokenSignature(
  crypto: FlowCrypto,
  jwt: string,
  flowToken: string | undefined,
  secrets: readonly string[],
): Promise<{ verified: boolean; claims?: Record<string, unknown> }> {
  const parts = jwt.split('.');
  if (parts.length !== 3) return { verified: false };
  let header: unknown;
  let claims: unknown;
  let signature: Uint8Array;
  try {
    header = JSON.parse(new TextDecoder().decode(fromBase64Url(parts[0]!)));
    claims = JSON.parse(new TextDecoder().decode(fromBase64Url(parts[1]!)));
    signature = fromBase64Url(parts[2]!);
  } catch {
    return { verified: false };
  }
  if (!isRecord(header) || header.alg !== 'HS256' || !isRecord(claims)) return { verified: false };
  const signed = encoder.encode(`${parts[0]}.${parts[1]}`);
  let ok = false;
  for (const secret of secrets) if (constantTimeEqual(await crypto.hmacSha256(encoder.encode(secret), signed), signature)) ok = true;
  if (!ok) return { verified: false, claims };
  if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return { verified: false, claims };
  // Verified only when the signed token is the request's token: a valid signature over some other token (or over
  // no token) proves nothing about this request.
  if (typeof flowToken !== 'string' || claims.flow_token !== flowToken) return { verified: false, claims };
  return { verified: true, claims };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Flow tokens the business issues and the endpoint verifies: `ft1.<payload>.<signature>`, the payload a base64url
 * JSON object (subject, flow, issue and expiry times, whether the token serves one run, a 128-bit random nonce) and
 * the signature HMAC-SHA256 of `ft1.<payload>` with a secret only the business holds. Unguessable (the nonce),
 * unforgeable (the HMAC), and readable without a store. The payload is signed, not encrypted: put an id in
 * `subject`, never a secret. Web Crypto only, so it runs wherever the endpoint runs.
 */
import { InvalidArgumentError } from '../../core/base-errors.js';
import { fromBase64Url, toBase64Url } from '../../internal/base64.js';
import { constantTimeEqual } from '../../internal/constant-time.js';
import { DEFAULT_FLOW_TOKEN_TTL_MS } from '../../platform/flow-tokens.js';
import { readSecrets } from '../sessions/options.js';

/** What a verified token says. */
export interface FlowTokenClaims {
  /** Whom or what the token was issued for (a user or order id). */
  subject: string;
  /** The flow it was issued for, when given. */
  flow?: string;
  /** Issue time, ms since the epoch. */
  issuedAt: number;
  /** Expiry time, ms since the epoch. */
  expiresAt: number;
  /** Whether the token serves one run of the flow (refused once the flow has been completed with it). */
  once: boolean;
  /** The token's random id (what a store keeps; never the token itself). */
  id: string;
}

/** Options of {@link issueFlowToken}. */
export interface IssueFlowTokenOptions {
  /** The signing secret (at least 32 characters), or a list during a rotation: the first one signs. */
  secret: string | readonly string[];
  /** Whom or what the token is for (a user or order id; signed, not encrypted). */
  subject: string;
  /** The flow it is for. */
  flow?: string;
  /** Lifetime in ms (default 3 days: Meta recommends 2–3 days: Implementing endpoints for Flows). */
  ttlMs?: number;
  /** The token serves one run: once the endpoint has answered SUCCESS with it, it is refused (427). Needs a store shared by every instance. */
  once?: boolean;
  /** The clock (tests). */
  now?: () => number;
}

const PREFIX = 'ft1.';
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

const keys = new Map<string, Promise<CryptoKey>>();
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = globalThis.crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    // A handful of secrets per process; the bound keeps a caller minting secrets from growing it.
    if (keys.size >= 16) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

async function sign(secret: string, text: string): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(text)));
}

/** Issues a signed flow token to put in a flow message's `flow_token`. */
export async function issueFlowToken(options: IssueFlowTokenOptions): Promise<string> {
  if (!options || typeof options !== 'object') throw new InvalidArgumentError('issueFlowToken needs { secret, subject, flow?, ttlMs?, once? }.');
  const [secret] = readSecrets('issueFlowToken', options.secret);
  if (typeof options.subject !== 'string' || options.subject === '') {
    throw new InvalidArgumentError('issueFlowToken needs { subject }: a non-empty string saying whom the token is for (a user or order id).');
  }
  if (options.flow !== undefined && typeof options.flow !== 'string') throw new InvalidArgumentError('issueFlowToken: flow must be a string (the flow id or name).');
  const ttl = options.ttlMs ?? DEFAULT_FLOW_TOKEN_TTL_MS;
  if (typeof ttl !== 'number' || !(ttl > 0) || !Number.isFinite(ttl)) throw new InvalidArgumentError(`issueFlowToken: ttlMs must be a positive number of milliseconds; got ${String(ttl)}.`);
  const issuedAt = Math.floor((options.now ?? Date.now)());
  const nonce = toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(16)));
  const payload = { s: options.subject, ...(options.flow !== undefined ? { f: options.flow } : {}), i: issuedAt, e: issuedAt + Math.ceil(ttl), ...(options.once ? { o: 1 } : {}), n: nonce };
  const signed = PREFIX + toBase64Url(encoder.encode(JSON.stringify(payload)));
  return `${signed}.${toBase64Url(await sign(secret!, signed))}`;
}

/** What reading a token found. */
export type ReadFlowToken = { ok: true; claims: FlowTokenClaims } | { ok: false; reason: 'forged' | 'expired' };

/** Verifies a token's signature (against each secret) and expiry. Any malformed token is `forged`. */
export async function readFlowToken(token: string, secrets: readonly string[], now: number): Promise<ReadFlowToken> {
  const dot = token.lastIndexOf('.');
  if (!token.startsWith(PREFIX) || dot <= PREFIX.length || token.length > 4096) return { ok: false, reason: 'forged' };
  const signed = token.slice(0, dot);
  let given: Uint8Array;
  try {
    given = fromBase64Url(token.slice(dot + 1));
  } catch {
    return { ok: false, reason: 'forged' };
  }
  let verified = false;
  for (const secret of secrets) if (constantTimeEqual(await sign(secret, signed), given)) verified = true;
  if (!verified) return { ok: false, reason: 'forged' };
  const claims = parsePayload(signed.slice(PREFIX.length));
  if (!claims) return { ok: false, reason: 'forged' };
  return claims.expiresAt <= now ? { ok: false, reason: 'expired' } : { ok: true, claims };
}

function parsePayload(part: string): FlowTokenClaims | undefined {
  let p: Record<string, unknown>;
  try {
    p = JSON.parse(decoder.decode(fromBase64Url(part))) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!p || typeof p.s !== 'string' || typeof p.i !== 'number' || typeof p.e !== 'number' || typeof p.n !== 'string') return undefined;
  return { subject: p.s, ...(typeof p.f === 'string' ? { flow: p.f } : {}), issuedAt: p.i, expiresAt: p.e, once: p.o === 1, id: p.n };
}

import { fromBase64, toBase64 } from '../../internal/base64.js';
import { isDerSequence } from './der.js';
import { KeyFormatError } from './errors.js';

/** One PEM block: its label (`PRIVATE KEY`), its RFC 1421 headers (legacy encryption) and its decoded body. */
export interface PemBlock {
  label: string;
  /** `Proc-Type` and `DEK-Info` on legacy-encrypted PKCS#1 keys; empty otherwise. */
  headers: Record<string, string>;
  der: Uint8Array<ArrayBuffer>;
}

/**
 * The key formats found in PEM files:
 * - `spki`: `PUBLIC KEY` (X.509 SubjectPublicKeyInfo; what `openssl rsa -pubout` writes and Meta expects)
 * - `pkcs1-public`: `RSA PUBLIC KEY`
 * - `pkcs8`: `PRIVATE KEY` (unencrypted)
 * - `pkcs1`: `RSA PRIVATE KEY` (unencrypted; `openssl genrsa -traditional`)
 * - `pkcs1-encrypted`: `RSA PRIVATE KEY` with `Proc-Type: 4,ENCRYPTED` (legacy OpenSSL encryption, `openssl genrsa -des3` before OpenSSL 3)
 * - `pkcs8-encrypted`: `ENCRYPTED PRIVATE KEY` (`openssl genrsa -des3` with OpenSSL 3, `openssl pkcs8 -topk8`)
 */
export type PemKeyKind = 'spki' | 'pkcs1-public' | 'pkcs8' | 'pkcs1' | 'pkcs1-encrypted' | 'pkcs8-encrypted';

/** A parsed key PEM with its kind. */
export interface PemKey extends PemBlock {
  kind: PemKeyKind;
  isPrivate: boolean;
  /** Passphrase-protected: only `importPrivateKeyNode(pem, passphrase)` can read it. */
  isEncrypted: boolean;
}

const BLOCK = /-----BEGIN ([A-Z0-9](?:[A-Z0-9 ]*[A-Z0-9])?)-----([\s\S]*?)-----END \1-----/;
const HEADER = /^\s*([A-Za-z][A-Za-z0-9-]*):[ \t]*(\S+)/;

/**
 * Parses the first PEM block of `text`. Tolerates CRLF, indentation, text before and after the block
 * (e.g. `Bag Attributes` from `openssl pkcs12`) and `\n` escapes (a PEM pasted into an environment variable).
 * @throws KeyFormatError (`INVALID_PEM`) when there is no block or its body is not base64.
 */
export function parsePem(text: string): PemBlock {
  if (typeof text !== 'string') throw new KeyFormatError('Expected the key as a PEM string ("-----BEGIN ... KEY-----").', 'INVALID_PEM');
  const normalized = text.includes('\\n') ? text.replace(/\\r\\n|\\n/g, '\n') : text;
  const match = BLOCK.exec(normalized);
  if (!match) {
    const begin = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(normalized);
    if (begin) throw new KeyFormatError(`The PEM block "${begin[1]}" has no matching "-----END ${begin[1]}-----" line: the file is truncated.`, 'INVALID_PEM');
    throw new KeyFormatError('This is not a PEM key: expected a block starting with "-----BEGIN ... KEY-----".', 'INVALID_PEM');
  }
  const label = match[1]!;
  const headers: Record<string, string> = {};
  let body = match[2]!;
  for (let header = HEADER.exec(body); header; header = HEADER.exec(body)) {
    headers[header[1]!] = header[2]!;
    body = body.slice(header.index + header[0].length);
  }
  return { label, headers, der: decodeBase64Body(body, label) };
}

function decodeBase64Body(body: string, label: string): Uint8Array<ArrayBuffer> {
  const base64 = body.replace(/\s+/g, '');
  if (base64 === '') throw new KeyFormatError(`The PEM block "${label}" is empty.`, 'INVALID_PEM');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 === 1) {
    throw new KeyFormatError(`The body of the PEM block "${label}" is not base64: the file is damaged.`, 'INVALID_PEM');
  }
  return fromBase64(base64);
}

/** The decoded body of the first PEM block of `text`. @throws KeyFormatError */
export function pemToDer(text: string): Uint8Array<ArrayBuffer> {
  return parsePem(text).der;
}

/** Formats DER as PEM: `-----BEGIN label-----`, optional headers and a blank line, base64 in 64-character lines. */
export function derToPem(der: Uint8Array, label: string, headers: Record<string, string> = {}): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  const headerLines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  const head = headerLines.length ? [...headerLines, ''] : [];
  return [`-----BEGIN ${label}-----`, ...head, ...lines, `-----END ${label}-----`, ''].join('\n');
}

/**
 * Parses a key PEM and tells its format.
 * @throws KeyFormatError: `INVALID_PEM` (not PEM, not base64, not DER), `UNSUPPORTED_KEY` (certificate, EC, OpenSSH, ...).
 */
export function parseKeyPem(text: string): PemKey {
  const block = parsePem(text);
  const kind = kindOf(block);
  const isEncrypted = kind === 'pkcs1-encrypted' || kind === 'pkcs8-encrypted';
  // A legacy-encrypted body is ciphertext, not DER; everything else must be one DER SEQUENCE.
  if (kind !== 'pkcs1-encrypted' && !isDerSequence(block.der)) {
    throw new KeyFormatError(`The body of the PEM block "${block.label}" is not a DER key: the file is damaged or truncated.`, 'INVALID_PEM');
  }
  return { ...block, kind, isPrivate: kind !== 'spki' && kind !== 'pkcs1-public', isEncrypted };
}

/** The format of a key PEM (see `PemKeyKind`). @throws KeyFormatError */
export function detectKeyKind(text: string): PemKeyKind {
  return parseKeyPem(text).kind;
}

function kindOf(block: PemBlock): PemKeyKind {
  switch (block.label) {
    case 'PUBLIC KEY':
      return 'spki';
    case 'RSA PUBLIC KEY':
      return 'pkcs1-public';
    case 'PRIVATE KEY':
      return 'pkcs8';
    case 'ENCRYPTED PRIVATE KEY':
      return 'pkcs8-encrypted';
    case 'RSA PRIVATE KEY':
      return /ENCRYPTED/i.test(block.headers['Proc-Type'] ?? '') ? 'pkcs1-encrypted' : 'pkcs1';
    case 'CERTIFICATE':
    case 'CERTIFICATE REQUEST':
      throw new KeyFormatError(`This PEM is a ${block.label.toLowerCase()}, not a key: WhatsApp Flows needs a 2048-bit RSA key pair.`, 'UNSUPPORTED_KEY');
    case 'OPENSSH PRIVATE KEY':
      throw new KeyFormatError(
        'This is an OpenSSH private key: WhatsApp Flows needs a 2048-bit RSA key pair in PEM. Generate one with `meta-cloud-api keys generate`.',
        'UNSUPPORTED_KEY',
      );
    default:
      throw new KeyFormatError(
        `A PEM block labelled "${block.label}" is not an RSA key: expected PUBLIC KEY, RSA PUBLIC KEY, PRIVATE KEY, RSA PRIVATE KEY or ENCRYPTED PRIVATE KEY.`,
        'UNSUPPORTED_KEY',
      );
  }
}

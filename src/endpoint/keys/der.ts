import { KeyFormatError } from './errors.js';

/** One DER element: its tag byte, its content, and the offset just past it. */
export interface DerElement {
  tag: number;
  content: Uint8Array<ArrayBuffer>;
  end: number;
}

export const DER_INTEGER = 0x02;
export const DER_BIT_STRING = 0x03;
export const DER_OCTET_STRING = 0x04;
export const DER_SEQUENCE = 0x30;

/** Reads the DER element starting at `offset` (definite lengths only, as DER requires). */
export function readDer(bytes: Uint8Array<ArrayBuffer>, offset = 0): DerElement {
  const fail = (): never => {
    throw new KeyFormatError('The key is not valid DER: the PEM body is damaged or truncated.', 'INVALID_PEM');
  };
  if (offset + 2 > bytes.length) fail();
  const tag = bytes[offset]!;
  let length = bytes[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > bytes.length) fail();
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i]!;
    start += count;
  }
  const end = start + length;
  if (end > bytes.length) fail();
  return { tag, content: bytes.subarray(start, end), end };
}

/** The children of a constructed element's content (a SEQUENCE's fields). */
export function readDerChildren(content: Uint8Array<ArrayBuffer>): DerElement[] {
  const out: DerElement[] = [];
  for (let offset = 0; offset < content.length; ) {
    const element = readDer(content, offset);
    out.push(element);
    offset = element.end;
  }
  return out;
}

/** True when `bytes` is exactly one SEQUENCE, nothing before or after it. */
export function isDerSequence(bytes: Uint8Array<ArrayBuffer>): boolean {
  try {
    const element = readDer(bytes);
    return element.tag === DER_SEQUENCE && element.end === bytes.length;
  } catch {
    return false;
  }
}

/** Encodes one DER element from its tag and content parts. */
export function encodeDer(tag: number, ...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const header = [tag];
  if (length < 0x80) header.push(length);
  else {
    const bytes: number[] = [];
    for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
    header.push(0x80 | bytes.length, ...bytes);
  }
  const out = new Uint8Array(header.length + length);
  out.set(header, 0);
  let offset = header.length;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Byte-wise equality. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

/**
 * Decodes standard base64 (`+` `/`, padding optional). Returns `undefined` for anything else
 * (whitespace, URL-safe characters, misplaced `=`), so callers can report a clear error.
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if (pad > 0 && text.length % 4 !== 0) return undefined;
  const body = text.slice(0, text.length - pad);
  if (body.length % 4 === 1) return undefined;

  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let buffered = 0;
  let o = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    const value = code < 128 ? VALUES[code]! : -1;
    if (value < 0) return undefined;
    bits = ((bits << 6) | value) & 0xffffff;
    buffered += 6;
    if (buffered >= 8) {
      buffered -= 8;
      out[o++] = (bits >> buffered) & 0xff;
    }
  }
  return out;
}

import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FlowMediaError,
  decryptFlowMedia,
  decryptMediaBytes,
  type FlowMediaEncryptionMetadata,
  type FlowMediaErrorReason,
  type FlowMediaItem,
} from '../../src/endpoint/media/index.js';

/** The test CDN is a local http server: allow it explicitly (the default allows only https on *.whatsapp.net). */
const decryptLocal = (item: Parameters<typeof decryptFlowMedia>[0], options: Parameters<typeof decryptFlowMedia>[1] = {}) =>
  decryptFlowMedia(item, { isAllowedUrl: () => true, ...options });

// ---------------------------------------------------------------------------------------------------------------
// Fixtures, built independently with node:crypto.

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

/** Appendix A of the platform reference (self-computed, not from Meta). */
const VECTOR = {
  metadata: {
    encryption_key: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
    hmac_key: 'ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=',
    iv: 'QEFCQ0RFRkdISUpLTE1OTw==',
    encrypted_hash: 'vOzylgkoGzrMnu1GayJNHV30gr/kP+zRYATBApFe3GQ=',
    plaintext_hash: 'FrBvSuTdHz6ojFDQGc0Le7IbTnLcyqK0yM2o2kEua58=',
  } satisfies FlowMediaEncryptionMetadata,
  cdnFile: 'Y1GNWJ8bejWa6fvVh6oqu/fGblQgij5SyVUbMrs4AXrgsbkptMeFeh38',
  plaintext: 'hello flows media',
};

/** The pieces of one encrypted file, so tests can alter any of them and re-seal the rest. */
interface Parts {
  plain: Buffer;
  key: Buffer;
  hmacKey: Buffer;
  iv: Buffer;
  ciphertext: Buffer;
  hmac10: Buffer;
}

function hmac10(hmacKey: Buffer, ...chunks: Buffer[]): Buffer {
  const mac = createHmac('sha256', hmacKey);
  for (const chunk of chunks) mac.update(chunk);
  return mac.digest().subarray(0, 10);
}

function encrypt(plain: Buffer, keys: Partial<Pick<Parts, 'key' | 'hmacKey' | 'iv'>> = {}): Parts {
  const key = keys.key ?? randomBytes(32);
  const hmacKey = keys.hmacKey ?? randomBytes(32);
  const iv = keys.iv ?? randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { plain, key, hmacKey, iv, ciphertext, hmac10: hmac10(hmacKey, iv, ciphertext) };
}

/** cdn_file = ciphertext ‖ hmac10, with both hashes computed over what is actually there. */
function seal(p: Parts): { file: Uint8Array; metadata: FlowMediaEncryptionMetadata } {
  const file = Buffer.concat([p.ciphertext, p.hmac10]);
  return {
    file: new Uint8Array(file),
    metadata: {
      encrypted_hash: b64(sha256(file)),
      iv: b64(p.iv),
      encryption_key: b64(p.key),
      hmac_key: b64(p.hmacKey),
      plaintext_hash: b64(sha256(p.plain)),
    },
  };
}

function vectorParts(): Parts {
  const file = Buffer.from(VECTOR.cdnFile, 'base64');
  return {
    plain: Buffer.from(VECTOR.plaintext),
    key: Buffer.from(VECTOR.metadata.encryption_key, 'base64'),
    hmacKey: Buffer.from(VECTOR.metadata.hmac_key, 'base64'),
    iv: Buffer.from(VECTOR.metadata.iv, 'base64'),
    ciphertext: file.subarray(0, file.length - 10),
    hmac10: file.subarray(file.length - 10),
  };
}

const flip = (bytes: Uint8Array, index: number): Buffer => {
  const copy = Buffer.from(bytes);
  const i = index < 0 ? copy.length + index : index;
  copy[i] = copy[i]! ^ 0x01;
  return copy;
};
const flipB64 = (text: string, index: number) => b64(flip(Buffer.from(text, 'base64'), index));

/** Awaits a rejection and checks it is a FlowMediaError with this reason and no key material. */
async function expectReason(
  promise: Promise<unknown>,
  reason: FlowMediaErrorReason,
  metadata?: FlowMediaEncryptionMetadata,
): Promise<FlowMediaError> {
  const err = await promise.then(
    () => {
      throw new Error(`expected a FlowMediaError with reason ${reason}, but it resolved`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FlowMediaError);
  const error = err as FlowMediaError;
  expect(error.name).toBe('FlowMediaError');
  expect({ reason: error.reason, message: error.message }).toMatchObject({ reason });
  for (const secret of [metadata?.encryption_key, metadata?.hmac_key, metadata?.iv]) {
    if (secret) expect(error.message).not.toContain(secret);
  }
  return error;
}

// ---------------------------------------------------------------------------------------------------------------

describe('decryptMediaBytes', () => {
  it('decrypts the Appendix A vector to "hello flows media"', async () => {
    const data = await decryptMediaBytes(new Uint8Array(Buffer.from(VECTOR.cdnFile, 'base64')), VECTOR.metadata);
    expect(data).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(data)).toBe(VECTOR.plaintext);
  });

  it('the Appendix A vector matches an independent node:crypto encryption', () => {
    const p = vectorParts();
    const again = seal(encrypt(p.plain, p));
    expect(b64(again.file)).toBe(VECTOR.cdnFile);
    expect(again.metadata).toEqual(VECTOR.metadata);
  });

  it.each([0, 1, 15, 16, 17, 1024 * 1024])('decrypts %i random bytes encrypted with node:crypto', async (size) => {
    const plain = randomBytes(size);
    const { file, metadata } = seal(encrypt(plain));
    const data = await decryptMediaBytes(file, metadata);
    expect(data.length).toBe(size);
    expect(Buffer.from(data).equals(plain)).toBe(true);
  });

  it('accepts a view into a larger buffer and leaves the input untouched', async () => {
    const { file, metadata } = seal(encrypt(Buffer.from('offset view')));
    const backing = new Uint8Array(file.length + 8);
    backing.set(file, 5);
    const view = backing.subarray(5, 5 + file.length);
    const data = await decryptMediaBytes(view, metadata);
    expect(new TextDecoder().decode(data)).toBe('offset view');
    expect(Buffer.from(view).equals(Buffer.from(file))).toBe(true);
  });

  describe('tampering gives the failing check as reason', () => {
    const original = () => seal(vectorParts());

    it('a flipped ciphertext byte fails encrypted-hash; with a matching encrypted_hash it fails hmac', async () => {
      const { file, metadata } = original();
      await expectReason(decryptMediaBytes(flip(file, 0), metadata), 'encrypted-hash', metadata);
      const p = vectorParts();
      const resealed = seal({ ...p, ciphertext: flip(p.ciphertext, 3) });
      await expectReason(decryptMediaBytes(resealed.file, resealed.metadata), 'hmac', resealed.metadata);
    });

    it('a flipped hmac10 byte fails encrypted-hash; with a matching encrypted_hash it fails hmac', async () => {
      const { file, metadata } = original();
      await expectReason(decryptMediaBytes(flip(file, -1), metadata), 'encrypted-hash', metadata);
      const p = vectorParts();
      const resealed = seal({ ...p, hmac10: flip(p.hmac10, 9) });
      await expectReason(decryptMediaBytes(resealed.file, resealed.metadata), 'hmac', resealed.metadata);
    });

    it('a flipped encrypted_hash fails encrypted-hash', async () => {
      const { file, metadata } = original();
      const bad = { ...metadata, encrypted_hash: flipB64(metadata.encrypted_hash, 0) };
      const err = await expectReason(decryptMediaBytes(file, bad), 'encrypted-hash', bad);
      expect(err.message).toMatch(/encrypted_hash/);
      expect(err.message).toMatch(/pick the file again/);
    });

    it('a flipped plaintext_hash fails plaintext-hash', async () => {
      const { file, metadata } = original();
      const bad = { ...metadata, plaintext_hash: flipB64(metadata.plaintext_hash, 31) };
      const err = await expectReason(decryptMediaBytes(file, bad), 'plaintext-hash', bad);
      expect(err.message).toMatch(/plaintext_hash/);
    });

    it('a wrong encryption_key fails decrypt (bad padding becomes a FlowMediaError)', async () => {
      const { file, metadata } = original();
      const bad = { ...metadata, encryption_key: b64(Buffer.alloc(32, 0x42)) };
      const err = await expectReason(decryptMediaBytes(file, bad), 'decrypt', bad);
      expect(err.message).toMatch(/AES-256-CBC/);
      expect(err.message).not.toContain(metadata.encryption_key);
    });

    it('a wrong hmac_key fails hmac', async () => {
      const { file, metadata } = original();
      const bad = { ...metadata, hmac_key: b64(Buffer.alloc(32, 0x42)) };
      await expectReason(decryptMediaBytes(file, bad), 'hmac', bad);
    });

    it('a wrong iv fails hmac; with an HMAC recomputed for it, plaintext-hash', async () => {
      const { file, metadata } = original();
      const wrongIv = flip(Buffer.from(metadata.iv, 'base64'), 0);
      const bad = { ...metadata, iv: b64(wrongIv) };
      await expectReason(decryptMediaBytes(file, bad), 'hmac', bad);
      // An attacker who also forges the HMAC only garbles the first block: padding stays valid.
      const p = vectorParts();
      const forged = seal({ ...p, iv: wrongIv, hmac10: hmac10(p.hmacKey, wrongIv, p.ciphertext) });
      await expectReason(decryptMediaBytes(forged.file, forged.metadata), 'plaintext-hash', forged.metadata);
    });

    it('a truncated file fails encrypted-hash; with matching hashes, hmac or decrypt', async () => {
      const { file, metadata } = original();
      const shortened = file.subarray(0, file.length - 1);
      await expectReason(decryptMediaBytes(shortened, metadata), 'encrypted-hash', metadata);
      await expectReason(decryptMediaBytes(new Uint8Array(0), metadata), 'encrypted-hash', metadata);

      const rehash = (bytes: Uint8Array) => ({ ...metadata, encrypted_hash: b64(sha256(bytes)) });
      const cut = file.subarray(0, file.length - 1);
      await expectReason(decryptMediaBytes(cut, rehash(cut)), 'hmac', metadata);
      const tiny = file.subarray(0, 6);
      const tinyError = await expectReason(decryptMediaBytes(tiny, rehash(tiny)), 'hmac', metadata);
      expect(tinyError.message).toMatch(/too short/);

      // Ciphertext shortened to a partial block but carrying a valid HMAC: only AES can notice.
      const p = vectorParts();
      const partial = p.ciphertext.subarray(0, p.ciphertext.length - 1);
      const sealed = seal({ ...p, ciphertext: partial, hmac10: hmac10(p.hmacKey, p.iv, partial) });
      const err = await expectReason(decryptMediaBytes(sealed.file, sealed.metadata), 'decrypt', sealed.metadata);
      expect(err.message).toMatch(/multiple of 16/);
    });

    it('invalid PKCS#7 padding under a valid HMAC fails decrypt', async () => {
      const key = randomBytes(32);
      const hmacKey = randomBytes(32);
      const iv = randomBytes(16);
      const plain = Buffer.alloc(16, 0x00); // last byte 0x00 is never valid PKCS#7 padding
      const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
      const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
      const mac = hmac10(hmacKey, iv, ciphertext);
      const { file, metadata } = seal({ plain, key, hmacKey, iv, ciphertext, hmac10: mac });
      const err = await expectReason(decryptMediaBytes(file, metadata), 'decrypt', metadata);
      expect(err.message).toMatch(/padding/);
      expect(err.cause).toBeDefined();
    });
  });

  it('the HMAC covers the IV: a file whose HMAC is over the ciphertext only is rejected', async () => {
    const p = encrypt(Buffer.from('hmac must include the iv'));
    const ciphertextOnly = seal({ ...p, hmac10: hmac10(p.hmacKey, p.ciphertext) });
    const err = await expectReason(
      decryptMediaBytes(ciphertextOnly.file, ciphertextOnly.metadata),
      'hmac',
      ciphertextOnly.metadata,
    );
    expect(err.message).toMatch(/iv \+ ciphertext/);
    // Same file with the HMAC over iv ‖ ciphertext is accepted.
    const proper = seal(p);
    const data = await decryptMediaBytes(proper.file, proper.metadata);
    expect(Buffer.from(data).toString()).toBe('hmac must include the iv');
  });

  describe('metadata validation', () => {
    const { file, metadata } = seal(vectorParts());
    const cases: Array<[string, unknown, RegExp]> = [
      ['not an object', null, /encryption_metadata must be an object; got null/],
      ['an array', [], /got an array/],
      ['a missing field', { ...metadata, hmac_key: undefined }, /hmac_key must be a base64 string .*it is missing/],
      ['a non-string field', { ...metadata, iv: 42 }, /iv must be a base64 string .*got number/],
      ['invalid base64', { ...metadata, encryption_key: 'not base64!' }, /encryption_key is not valid standard base64/],
      ['whitespace', { ...metadata, encryption_key: ` ${metadata.encryption_key}` }, /not valid standard base64/],
      ['a misplaced "="', { ...metadata, iv: 'QEFC=0RFRkdISUpLTE1OTw==' }, /iv is not valid standard base64/],
      [
        'a 16-byte AES key',
        { ...metadata, encryption_key: b64(randomBytes(16)) },
        /encryption_key must decode to 32 bytes .*decodes to 16/,
      ],
      ['a 31-byte HMAC key', { ...metadata, hmac_key: b64(randomBytes(31)) }, /hmac_key must decode to 32 bytes/],
      ['a 12-byte IV', { ...metadata, iv: b64(randomBytes(12)) }, /iv must decode to 16 bytes .*decodes to 12/],
      ['a short hash', { ...metadata, plaintext_hash: b64(randomBytes(20)) }, /plaintext_hash must decode to 32 bytes/],
    ];
    it.each(cases)('rejects %s with reason metadata', async (_label, bad, message) => {
      const err = await expectReason(decryptMediaBytes(file, bad as FlowMediaEncryptionMetadata), 'metadata', metadata);
      expect(err.message).toMatch(message);
      expect(err.message).toMatch(/exactly as it came in the data_exchange request/);
    });

    it('accepts base64 without padding', async () => {
      const strip = (text: string) => text.replace(/=+$/, '');
      const unpadded = { ...metadata, iv: strip(metadata.iv), encryption_key: strip(metadata.encryption_key) };
      expect(new TextDecoder().decode(await decryptMediaBytes(file, unpadded))).toBe(VECTOR.plaintext);
    });

    it('never echoes a malformed key in the message', async () => {
      const almostKey = `${metadata.encryption_key.slice(0, 40)}*===`;
      const err = await expectReason(decryptMediaBytes(file, { ...metadata, encryption_key: almostKey }), 'metadata');
      expect(err.message).not.toContain(almostKey.slice(0, 20));
    });

    it('rejects a cdnFile that is not a Uint8Array', async () => {
      await expect(decryptMediaBytes('abc' as unknown as Uint8Array, metadata)).rejects.toThrow(/must be a Uint8Array/);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('decryptFlowMedia against a CDN on 127.0.0.1', () => {
  const plain = randomBytes(200_000);
  const sealed = seal(encrypt(plain));
  const BIG_TOTAL = 64 * 1024 * 1024;
  let server: Server;
  let base: string;
  const hits: string[] = [];
  /** Called when the never-answering '/media/slow' request reaches the server (tests abort on it). */
  let onSlowRequest: (() => void) | undefined;
  /** Progress of the last /big stream: bytes written and whether the client went away first. */
  let big: { written: number; finished: boolean; closed: Promise<void> } | undefined;

  function drainedOrClosed(res: ServerResponse): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  }

  async function streamBig(res: ServerResponse): Promise<void> {
    const chunk = Buffer.alloc(64 * 1024, 0xab);
    let closed = false;
    let resolveClosed!: () => void;
    const state = { written: 0, finished: false, closed: new Promise<void>((r) => (resolveClosed = r)) };
    big = state;
    res.on('close', () => {
      closed = true;
      resolveClosed();
    });
    res.writeHead(200, { 'content-type': 'application/octet-stream' }); // chunked: no Content-Length
    while (!closed && state.written < BIG_TOTAL) {
      state.written += chunk.length;
      if (!res.write(chunk)) await drainedOrClosed(res);
    }
    if (!closed) {
      state.finished = true;
      res.end();
    }
  }

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url?.startsWith('/media/ok')) {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': sealed.file.length });
        res.end(Buffer.from(sealed.file));
      } else if (req.url === '/media/declared-big') {
        res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
        res.write(Buffer.alloc(1024));
        // never ends: the client must stop on the header alone
      } else if (req.url === '/media/big') {
        void streamBig(res);
      } else if (req.url === '/media/slow') {
        // answers nothing; used for abort
        onSlowRequest?.();
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('URL signature expired');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  const item = (path: string, metadata = sealed.metadata): FlowMediaItem => ({
    media_id: '3a3e1c52-1b7e-4f43-a2b8-6f8e0c1d2e3f',
    cdn_url: `${base}${path}`,
    file_name: 'IMG_5237.jpg',
    encryption_metadata: metadata,
  });

  it('downloads, verifies and decrypts the file', async () => {
    const result = await decryptLocal(item('/media/ok?ccb=11-4&oh=sig&oe=expiry'));
    expect(result.fileName).toBe('IMG_5237.jpg');
    expect(result.mediaId).toBe('3a3e1c52-1b7e-4f43-a2b8-6f8e0c1d2e3f');
    expect(Buffer.from(result.data).equals(plain)).toBe(true);
    expect(hits.at(-1)).toBe('/media/ok?ccb=11-4&oh=sig&oe=expiry');
  });

  it('uses the given fetch', async () => {
    const seen: string[] = [];
    const counting: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };
    const result = await decryptLocal(item('/media/ok'), { fetch: counting });
    expect(seen).toEqual([`${base}/media/ok`]);
    expect(Buffer.from(result.data).equals(plain)).toBe(true);
  });

  it('a 404 rejects with reason download, the status, and the 20-day hint', async () => {
    const err = await expectReason(decryptLocal(item('/media/expired')), 'download', sealed.metadata);
    expect(err.status).toBe(404);
    expect(err.message).toMatch(/HTTP 404/);
    expect(err.message).toMatch(/20 days/);
    expect(err.message).toMatch(/pick the file again/);
  });

  it('an unreachable CDN rejects with reason download', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const err = await expectReason(
      decryptLocal({ ...item('/x'), cdn_url: `http://127.0.0.1:${port}/media` }),
      'download',
      sealed.metadata,
    );
    expect(err.status).toBeUndefined();
    expect(err.cause).toBeDefined();
  });

  it('a streamed file over maxBytes rejects with reason size and stops reading early', async () => {
    const err = await expectReason(decryptLocal(item('/media/big'), { maxBytes: 256 * 1024 }), 'size');
    expect(err.message).toMatch(/maxBytes \(262144 bytes\)/);
    const state = big!;
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('still streaming')), 5000));
    await Promise.race([state.closed, timeout]);
    expect(state.finished).toBe(false);
    expect(state.written).toBeLessThan(BIG_TOTAL / 2);
  });

  it('a Content-Length over maxBytes rejects with reason size before the body is read', async () => {
    const err = await expectReason(decryptLocal(item('/media/declared-big'), { maxBytes: 1024 * 1024 }), 'size');
    expect(err.message).toMatch(/52428800 bytes \(Content-Length\)/);
  });

  it('the 100 MiB default accepts ordinary files; a tiny maxBytes rejects them', async () => {
    await expect(decryptLocal(item('/media/ok'))).resolves.toBeDefined();
    await expectReason(decryptLocal(item('/media/ok'), { maxBytes: 100 }), 'size');
  });

  it('checks the downloaded bytes: wrong metadata for the file fails encrypted-hash', async () => {
    const other = seal(encrypt(Buffer.from('another file'))).metadata;
    await expectReason(decryptLocal(item('/media/ok', other)), 'encrypted-hash', other);
  });

  it('validates the item before downloading', async () => {
    const before = hits.length;
    const bad = [
      [{ ...item('/media/ok'), media_id: '' }, /media_id must be a non-empty string; it is empty/],
      [{ ...item('/media/ok'), cdn_url: 'not a url' }, /cdn_url is not an absolute URL/],
      [{ ...item('/media/ok'), cdn_url: 'file:///etc/passwd' }, /cdn_url must be an http\(s\) URL/],
      [{ ...item('/media/ok'), file_name: 7 }, /file_name must be a string; got number/],
      [{ ...item('/media/ok'), encryption_metadata: undefined }, /encryption_metadata must be an object/],
      [
        { ...item('/media/ok'), encryption_metadata: { ...sealed.metadata, iv: b64(randomBytes(8)) } },
        /iv must decode to 16 bytes/,
      ],
      ['a string', /must be an object; got string/],
    ] as const;
    for (const [value, message] of bad) {
      const err = await expectReason(decryptLocal(value as unknown as FlowMediaItem), 'metadata', sealed.metadata);
      expect(err.message).toMatch(message);
    }
    expect(hits.length).toBe(before);
  });

  it('rejects an invalid maxBytes', async () => {
    const zero = decryptLocal(item('/media/ok'), { maxBytes: 0 });
    await expect(zero).rejects.toThrow(/maxBytes must be a positive integer/);
    await expect(decryptLocal(item('/media/ok'), { maxBytes: 1.5 })).rejects.toThrow(/maxBytes/);
  });

  it('an aborted signal rejects with the signal reason, not a FlowMediaError', async () => {
    const controller = new AbortController();
    onSlowRequest = () => controller.abort(new Error('user cancelled')); // once the request is in flight
    const pending = decryptLocal(item('/media/slow'), { signal: controller.signal });
    await expect(pending).rejects.toThrow('user cancelled');
    await expect(pending).rejects.not.toBeInstanceOf(FlowMediaError);
  });
});

describe('which cdn_url may be fetched', () => {
  it('by default only https on WhatsApp media hosts, checked before any request', async () => {
    const { isWhatsAppMediaUrl } = await import('../../src/endpoint/media/decrypt-media.js');
    expect(isWhatsAppMediaUrl(new URL('https://mmg.whatsapp.net/v/t62/abc'))).toBe(true);
    expect(isWhatsAppMediaUrl(new URL('http://mmg.whatsapp.net/x'))).toBe(false);
    expect(isWhatsAppMediaUrl(new URL('https://whatsapp.net.evil.example/x'))).toBe(false);
    expect(isWhatsAppMediaUrl(new URL('http://169.254.169.254/latest/meta-data/'))).toBe(false);
    let fetched = false;
    const item = {
      media_id: 'm1',
      cdn_url: 'http://169.254.169.254/latest/meta-data/',
      file_name: 'a.jpg',
      encryption_metadata: {
        encrypted_hash: 'vOzylgkoGzrMnu1GayJNHV30gr/kP+zRYATBApFe3GQ=',
        iv: 'QEFCQ0RFRkdISUpLTE1OTw==',
        encryption_key: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
        hmac_key: 'ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=',
        plaintext_hash: 'FrBvSuTdHz6ojFDQGc0Le7IbTnLcyqK0yM2o2kEua58=',
      },
    };
    const error = await decryptFlowMedia(item, { fetch: async () => ((fetched = true), new Response('')) }).catch((e) => e);
    expect(error.reason).toBe('download');
    expect(error.message).toMatch(/not on an allowed media host/);
    expect(fetched).toBe(false);
  });
});

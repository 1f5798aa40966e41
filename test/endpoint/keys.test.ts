import { execFileSync } from 'node:child_process';
import { constants, createPrivateKey, createPublicKey, generateKeyPairSync, privateDecrypt, publicEncrypt, randomBytes, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  derToPem,
  detectKeyKind,
  generateKeyPair,
  importPrivateKeyWeb,
  importPublicKeyWeb,
  KeyFormatError,
  parsePem,
  pemToDer,
  pkcs1PrivateToPkcs8,
  pkcs1PublicToSpki,
  pkcs8ToPkcs1Private,
  type KeyFormatErrorCode,
  type PemKeyKind,
} from '../../src/endpoint/keys/index.js';
import { exportPkcs8Pem, importPrivateKeyNode, toWebCryptoKey } from '../../src/endpoint/keys/import-node.js';

const PASSPHRASE = 'correct horse battery staple';
const OAEP = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' } as const;

interface Fixture {
  name: string;
  kind: PemKeyKind;
  privateKey: string;
  publicKey: string;
  passphrase?: string;
}

/** A 2048-bit pair from node:crypto, private key in the given PEM encoding. */
function nodePair(type: 'pkcs1' | 'pkcs8', cipher?: string, modulusLength = 2048): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: cipher ? { type, format: 'pem', cipher, passphrase: PASSPHRASE } : { type, format: 'pem' },
  });
}

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Meta's commands: `openssl genrsa -des3 -out private.pem 2048` and `openssl rsa -in private.pem -pubout -out public.pem`.
 * OpenSSL 3 writes an encrypted PKCS#8 (`ENCRYPTED PRIVATE KEY`, DES-EDE3-CBC inside PBES2); OpenSSL 1.x and LibreSSL
 * a legacy-encrypted PKCS#1. Without the binary: the node:crypto equivalent of the legacy output.
 */
function metaOpensslPair(): Fixture {
  if (!hasOpenssl()) {
    const pair = nodePair('pkcs1', 'des-ede3-cbc');
    return { name: 'openssl genrsa -des3 equivalent (node:crypto; no openssl on PATH)', kind: 'pkcs1-encrypted', passphrase: PASSPHRASE, ...pair };
  }
  const dir = mkdtempSync(join(tmpdir(), 'mca-openssl-'));
  const priv = join(dir, 'private.pem');
  const pub = join(dir, 'public.pem');
  execFileSync('openssl', ['genrsa', '-des3', '-passout', `pass:${PASSPHRASE}`, '-out', priv, '2048'], { stdio: 'pipe' });
  execFileSync('openssl', ['rsa', '-in', priv, '-passin', `pass:${PASSPHRASE}`, '-outform', 'PEM', '-pubout', '-out', pub], { stdio: 'pipe' });
  const privateKey = readFileSync(priv, 'utf8');
  return {
    name: 'openssl genrsa -des3 (Meta’s command, openssl binary)',
    kind: privateKey.includes('ENCRYPTED PRIVATE KEY') ? 'pkcs8-encrypted' : 'pkcs1-encrypted',
    passphrase: PASSPHRASE,
    privateKey,
    publicKey: readFileSync(pub, 'utf8'),
  };
}

const fixtures: Fixture[] = [
  { name: 'PKCS#1 (RSA PRIVATE KEY)', kind: 'pkcs1', ...nodePair('pkcs1') },
  { name: 'PKCS#8 (PRIVATE KEY)', kind: 'pkcs8', ...nodePair('pkcs8') },
  { name: 'PKCS#1 encrypted, DES-EDE3-CBC (Meta keyGenerator.js)', kind: 'pkcs1-encrypted', passphrase: PASSPHRASE, ...nodePair('pkcs1', 'des-ede3-cbc') },
  { name: 'PKCS#1 encrypted, AES-256-CBC', kind: 'pkcs1-encrypted', passphrase: PASSPHRASE, ...nodePair('pkcs1', 'aes-256-cbc') },
  { name: 'PKCS#8 encrypted, AES-256-CBC', kind: 'pkcs8-encrypted', passphrase: PASSPHRASE, ...nodePair('pkcs8', 'aes-256-cbc') },
  metaOpensslPair(),
];
const small = nodePair('pkcs8', undefined, 1024);

/** Encrypts a 16-byte AES key the way WhatsApp does (RSA-OAEP, SHA-256). */
function encryptAesKey(publicKey: string | KeyObject): { aesKey: Buffer; encrypted: Buffer } {
  const aesKey = randomBytes(16);
  return { aesKey, encrypted: publicEncrypt({ key: publicKey, ...OAEP }, aesKey) };
}

async function webDecrypt(key: CryptoKey, data: Buffer): Promise<Buffer> {
  return Buffer.from(await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, key, new Uint8Array(data)));
}

/** The base64 body lines of a PEM: none of them may show up in an error. */
function bodyChunks(pem: string): string[] {
  return pem.split(/\r?\n/).filter((line) => /^[A-Za-z0-9+/=]{16,}$/.test(line));
}

async function expectKeyError(run: () => unknown, code: KeyFormatErrorCode, message: RegExp, secrets: { pem?: string; passphrase?: string } = {}): Promise<KeyFormatError> {
  const error = await Promise.resolve()
    .then(run)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(KeyFormatError);
  const e = error as KeyFormatError;
  expect(e.name).toBe('KeyFormatError');
  expect(e.code).toBe(code);
  expect(e.message).toMatch(message);
  const shown = `${e.message}\n${e.stack ?? ''}`;
  for (const chunk of secrets.pem ? bodyChunks(secrets.pem) : []) expect(shown).not.toContain(chunk.slice(0, 16));
  if (secrets.passphrase) expect(shown).not.toContain(secrets.passphrase);
  return e;
}

describe('PEM helpers', () => {
  const { publicKey, privateKey } = fixtures[0]!;

  it('parses a block with CRLF, indentation, text around it and \\n escapes', () => {
    const der = pemToDer(publicKey);
    const variants = [
      publicKey.replace(/\n/g, '\r\n'),
      `Bag Attributes\n    localKeyID: 01 00 00 00\nsubject=CN=x\n${publicKey}\ntrailing text`,
      publicKey.split('\n').map((l) => `   ${l}  `).join('\n'),
      publicKey.trim().replace(/\n/g, '\\n'),
      publicKey.trim().replace(/\n/g, ' '),
    ];
    for (const text of variants) expect(Buffer.from(pemToDer(text))).toEqual(Buffer.from(der));
  });

  it('derToPem formats exactly like OpenSSL and Node (64-column lines, trailing newline)', () => {
    expect(derToPem(pemToDer(publicKey), 'PUBLIC KEY')).toBe(publicKey);
    expect(derToPem(pemToDer(privateKey), 'RSA PRIVATE KEY')).toBe(privateKey);
  });

  it('reads legacy encryption headers and writes them back', () => {
    const legacy = fixtures[2]!.privateKey;
    const block = parsePem(legacy);
    expect(block.label).toBe('RSA PRIVATE KEY');
    expect(block.headers['Proc-Type']).toBe('4,ENCRYPTED');
    expect(block.headers['DEK-Info']).toMatch(/^DES-EDE3-CBC,[0-9A-F]{16}$/);
    expect(derToPem(block.der, block.label, block.headers)).toBe(legacy);
  });

  it('detects every key kind', () => {
    for (const f of fixtures) expect(detectKeyKind(f.privateKey), f.name).toBe(f.kind);
    expect(detectKeyKind(publicKey)).toBe('spki');
    const pkcs1Public = createPublicKey(publicKey).export({ type: 'pkcs1', format: 'pem' }) as string;
    expect(detectKeyKind(pkcs1Public)).toBe('pkcs1-public');
  });

  it('wraps PKCS#1 into PKCS#8 / SPKI byte for byte as OpenSSL does, and unwraps PKCS#8', () => {
    const key = createPrivateKey(privateKey);
    const pkcs1 = new Uint8Array(key.export({ type: 'pkcs1', format: 'der' }));
    const pkcs8 = new Uint8Array(key.export({ type: 'pkcs8', format: 'der' }));
    expect(Buffer.from(pkcs1PrivateToPkcs8(pkcs1))).toEqual(Buffer.from(pkcs8));
    expect(Buffer.from(pkcs8ToPkcs1Private(pkcs8))).toEqual(Buffer.from(pkcs1));
    const pub = createPublicKey(key);
    const pkcs1Public = new Uint8Array(pub.export({ type: 'pkcs1', format: 'der' }));
    expect(Buffer.from(pkcs1PublicToSpki(pkcs1Public))).toEqual(pub.export({ type: 'spki', format: 'der' }));
  });
});

describe('importing private keys: every format round-trips a WhatsApp-style encrypted AES key', () => {
  for (const f of fixtures) {
    it(f.name, async () => {
      const { aesKey, encrypted } = encryptAesKey(f.publicKey);

      const keyObject = importPrivateKeyNode(f.privateKey, f.passphrase);
      expect(privateDecrypt({ key: keyObject, ...OAEP }, encrypted)).toEqual(aesKey);
      expect(await webDecrypt(await toWebCryptoKey(keyObject), encrypted)).toEqual(aesKey);

      if (f.passphrase) {
        await expectKeyError(() => importPrivateKeyWeb(f.privateKey), 'PASSPHRASE_REQUIRED', /passphrase-protected; pass `passphrase` \(Node only\) or convert it: openssl pkcs8 -topk8 -nocrypt/, {
          pem: f.privateKey,
        });
        // Converted as the message says, it loads everywhere.
        expect(await webDecrypt(await importPrivateKeyWeb(exportPkcs8Pem(keyObject)), encrypted)).toEqual(aesKey);
      } else {
        const webKey = await importPrivateKeyWeb(f.privateKey);
        expect(webKey.algorithm).toMatchObject({ name: 'RSA-OAEP', modulusLength: 2048, hash: { name: 'SHA-256' } });
        expect(webKey.usages).toEqual(['decrypt']);
        expect(webKey.extractable).toBe(false);
        expect(await webDecrypt(webKey, encrypted)).toEqual(aesKey);
      }
    });
  }

  it('exportPkcs8Pem gives an unencrypted PKCS#8 PEM', () => {
    const pem = exportPkcs8Pem(importPrivateKeyNode(fixtures[2]!.privateKey, PASSPHRASE));
    expect(detectKeyKind(pem)).toBe('pkcs8');
  });
});

describe('importing public keys (what the simulator encrypts with)', () => {
  const { privateKey, publicKey } = fixtures[1]!;
  const pkcs1Public = createPublicKey(publicKey).export({ type: 'pkcs1', format: 'pem' }) as string;

  for (const [name, pem] of [
    ['SPKI (PUBLIC KEY)', publicKey],
    ['PKCS#1 (RSA PUBLIC KEY)', pkcs1Public],
  ] as const) {
    it(`${name}: encrypts with Web Crypto, decrypts with node:crypto`, async () => {
      const key = await importPublicKeyWeb(pem);
      expect(key.usages).toEqual(['encrypt']);
      const aesKey = randomBytes(16);
      const encrypted = Buffer.from(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, key, new Uint8Array(aesKey)));
      expect(privateDecrypt({ key: privateKey, ...OAEP }, encrypted)).toEqual(aesKey);
    });
  }

  it('toWebCryptoKey turns a public KeyObject into an encrypt key', async () => {
    const key = await toWebCryptoKey(createPublicKey(publicKey));
    expect(key.type).toBe('public');
    expect(key.usages).toEqual(['encrypt']);
  });
});

describe('refused keys: clear messages, never key material or passphrases', () => {
  const encrypted = fixtures.filter((f) => f.passphrase);

  it('wrong passphrase', async () => {
    for (const f of encrypted) {
      await expectKeyError(() => importPrivateKeyNode(f.privateKey, 'not the passphrase'), 'WRONG_PASSPHRASE', /passphrase is wrong/, {
        pem: f.privateKey,
        passphrase: 'not the passphrase',
      });
    }
  });

  it('missing passphrase for an encrypted key', async () => {
    for (const f of encrypted) {
      for (const missing of [undefined, '']) {
        await expectKeyError(() => importPrivateKeyNode(f.privateKey, missing), 'PASSPHRASE_REQUIRED', /passphrase-protected: pass its passphrase/, {
          pem: f.privateKey,
        });
      }
    }
  });

  it('a 1024-bit key is refused: Meta requires 2048 bits', async () => {
    const message = /1024-bit RSA key; WhatsApp Flows requires a 2048-bit RSA key pair/;
    await expectKeyError(() => importPrivateKeyWeb(small.privateKey), 'WRONG_KEY_SIZE', message, { pem: small.privateKey });
    await expectKeyError(() => importPrivateKeyNode(small.privateKey), 'WRONG_KEY_SIZE', message, { pem: small.privateKey });
    await expectKeyError(() => importPublicKeyWeb(small.publicKey), 'WRONG_KEY_SIZE', message);
    await expectKeyError(() => toWebCryptoKey(createPrivateKey(small.privateKey)), 'WRONG_KEY_SIZE', message);
  });

  it('garbage PEM', async () => {
    const damaged = fixtures[1]!.privateKey.replace(/\n[A-Za-z0-9+/]{64}\n/, '\n!!!!\n');
    const truncated = fixtures[1]!.privateKey.split('\n').slice(0, 10).join('\n');
    const notDer = '-----BEGIN PRIVATE KEY-----\naGVsbG8gd29ybGQ=\n-----END PRIVATE KEY-----\n';
    for (const importer of [importPrivateKeyWeb, (pem: string) => importPrivateKeyNode(pem)]) {
      await expectKeyError(() => importer('hello'), 'INVALID_PEM', /not a PEM key/);
      await expectKeyError(() => importer(''), 'INVALID_PEM', /not a PEM key/);
      await expectKeyError(() => importer(damaged), 'INVALID_PEM', /not base64/, { pem: fixtures[1]!.privateKey });
      await expectKeyError(() => importer(truncated), 'INVALID_PEM', /no matching "-----END PRIVATE KEY-----" line/, { pem: fixtures[1]!.privateKey });
      await expectKeyError(() => importer(notDer), 'INVALID_PEM', /not a DER key/);
      await expectKeyError(() => importer('-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----'), 'UNSUPPORTED_KEY', /certificate, not a key/);
      await expectKeyError(() => importer('-----BEGIN OPENSSH PRIVATE KEY-----\nMAA=\n-----END OPENSSH PRIVATE KEY-----'), 'UNSUPPORTED_KEY', /OpenSSH/);
    }
    await expectKeyError(() => importPrivateKeyWeb(42 as unknown as string), 'INVALID_PEM', /PEM string/);
  });

  it('keys that are not RSA', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    await expectKeyError(() => importPrivateKeyWeb(ec.privateKey), 'UNSUPPORTED_KEY', /not an RSA key/, { pem: ec.privateKey });
    await expectKeyError(() => importPrivateKeyNode(ec.privateKey), 'UNSUPPORTED_KEY', /ec key/, { pem: ec.privateKey });
    await expectKeyError(() => importPublicKeyWeb(ec.publicKey), 'UNSUPPORTED_KEY', /not an RSA key/);
    const ecSec1 = createPrivateKey(ec.privateKey).export({ type: 'sec1', format: 'pem' }) as string;
    await expectKeyError(() => importPrivateKeyWeb(ecSec1), 'UNSUPPORTED_KEY', /"EC PRIVATE KEY" is not an RSA key/);
  });

  it('a public key where the private key belongs, and the other way round', async () => {
    const { privateKey, publicKey } = fixtures[1]!;
    await expectKeyError(() => importPrivateKeyWeb(publicKey), 'WRONG_KEY_TYPE', /public key: the endpoint needs the private key/);
    await expectKeyError(() => importPrivateKeyNode(publicKey), 'WRONG_KEY_TYPE', /public key/);
    await expectKeyError(() => importPublicKeyWeb(privateKey), 'WRONG_KEY_TYPE', /This is a private key/, { pem: privateKey });
    await expectKeyError(() => exportPkcs8Pem(createPublicKey(publicKey)), 'WRONG_KEY_TYPE', /needs a private key/);
  });
});

describe('generateKeyPair', () => {
  function checkPair(pair: { publicKey: string; privateKey: string }, passphrase?: string): KeyObject {
    expect(pair.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
    const pub = createPublicKey(pair.publicKey);
    expect(pub.asymmetricKeyDetails).toMatchObject({ modulusLength: 2048, publicExponent: 65537n });
    const priv = createPrivateKey(passphrase ? { key: pair.privateKey, passphrase } : pair.privateKey);
    const { aesKey, encrypted } = encryptAesKey(pair.publicKey);
    expect(privateDecrypt({ key: priv, ...OAEP }, encrypted)).toEqual(aesKey);
    return priv;
  }

  it('without a passphrase: Web Crypto only, PKCS#8 private key, SPKI public key', async () => {
    const pair = await generateKeyPair();
    checkPair(pair);
    expect(detectKeyKind(pair.privateKey)).toBe('pkcs8');
    const { aesKey, encrypted } = encryptAesKey(pair.publicKey);
    expect(await webDecrypt(await importPrivateKeyWeb(pair.privateKey), encrypted)).toEqual(aesKey);
    expect((await importPublicKeyWeb(pair.publicKey)).type).toBe('public');
  });

  it("without a passphrase, format 'pkcs1': an unencrypted RSA PRIVATE KEY", async () => {
    const pair = await generateKeyPair({ format: 'pkcs1' });
    checkPair(pair);
    expect(pair.privateKey).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\nMII/);
    await importPrivateKeyWeb(pair.privateKey);
  });

  it('with a passphrase: PKCS#1 encrypted with DES-EDE3-CBC, the format of openssl genrsa -des3 and Meta’s keyGenerator.js', async () => {
    const pair = await generateKeyPair({ passphrase: PASSPHRASE });
    checkPair(pair, PASSPHRASE);
    expect(pair.privateKey).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: DES-EDE3-CBC,[0-9A-F]{16}\n\n[A-Za-z0-9+/]{64}\n/);
    expect(detectKeyKind(pair.privateKey)).toBe('pkcs1-encrypted');
    expect(importPrivateKeyNode(pair.privateKey, PASSPHRASE).asymmetricKeyDetails?.modulusLength).toBe(2048);
    await expectKeyError(() => importPrivateKeyNode(pair.privateKey), 'PASSPHRASE_REQUIRED', /passphrase-protected/, { pem: pair.privateKey });
    await expectKeyError(() => importPrivateKeyNode(pair.privateKey, 'wrong'), 'WRONG_PASSPHRASE', /passphrase is wrong/, { pem: pair.privateKey });
    const header = (pem: string) => pem.split('\n').slice(0, 4).map((l) => l.replace(/,[0-9A-F]{16}$/, ',<iv>'));
    // Same layout as node:crypto's legacy PKCS#1 encryption (what keyGenerator.js writes).
    expect(header(pair.privateKey)).toEqual(header(fixtures[2]!.privateKey));
    if (hasOpenssl()) {
      // The openssl binary reads it as it reads its own `genrsa -des3 -traditional` output.
      const dir = mkdtempSync(join(tmpdir(), 'mca-gen-'));
      const file = join(dir, 'private.pem');
      writeFileSync(file, pair.privateKey);
      const publicFile = join(dir, 'public.pem');
      writeFileSync(publicFile, pair.publicKey);
      const traditional = join(dir, 'openssl.pem');
      execFileSync('openssl', ['genrsa', '-traditional', '-des3', '-passout', `pass:${PASSPHRASE}`, '-out', traditional, '2048'], { stdio: 'pipe' });
      expect(header(pair.privateKey)).toEqual(header(readFileSync(traditional, 'utf8')));
      const modulus = (args: string[]) => execFileSync('openssl', ['rsa', ...args, '-noout', '-modulus'], { stdio: 'pipe' }).toString();
      expect(modulus(['-in', file, '-passin', `pass:${PASSPHRASE}`])).toBe(modulus(['-pubin', '-in', publicFile]));
    }
  });

  it("with a passphrase, format 'pkcs8': ENCRYPTED PRIVATE KEY (AES-256-CBC)", async () => {
    const pair = await generateKeyPair({ passphrase: PASSPHRASE, format: 'pkcs8' });
    checkPair(pair, PASSPHRASE);
    expect(detectKeyKind(pair.privateKey)).toBe('pkcs8-encrypted');
    importPrivateKeyNode(pair.privateKey, PASSPHRASE);
  });

  it('rejects bad options', async () => {
    await expect(generateKeyPair({ passphrase: '' })).rejects.toThrow(/non-empty string/);
    await expect(generateKeyPair({ format: 'pem' as 'pkcs1' })).rejects.toThrow(/'pkcs1' or 'pkcs8'/);
  });

  it('with a passphrase on a runtime without node:crypto: a clear error', async () => {
    vi.resetModules();
    vi.doMock('node:crypto', () => {
      throw new Error('no node:crypto here');
    });
    try {
      // A fresh module graph: its KeyFormatError is another class object than the one imported above.
      const { generateKeyPair: generate } = await import('../../src/endpoint/keys/generate.js');
      const { KeyFormatError: FreshKeyFormatError } = await import('../../src/endpoint/keys/errors.js');
      const error = await generate({ passphrase: PASSPHRASE }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FreshKeyFormatError);
      expect(error).toMatchObject({ name: 'KeyFormatError', code: 'NODE_REQUIRED', message: expect.stringMatching(/needs Node\.js \(node:crypto\)/) });
      expect((error as Error).message).not.toContain(PASSPHRASE);
      // Without a passphrase, Web Crypto alone does the job.
      expect((await generate()).publicKey).toMatch(/BEGIN PUBLIC KEY/);
    } finally {
      vi.doUnmock('node:crypto');
      vi.resetModules();
    }
  });
});

import { constants, createPrivateKey, createPublicKey, generateKeyPairSync, privateDecrypt, publicEncrypt, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/cli.js';
import { createEmulator, type Emulator, type RunningServer } from '../src/emulator/index.js';
import { captureIO as capture } from './helpers/capture-io.js';
const captureIO = (env: Record<string, string> = {}) => capture({ env });

const PASSPHRASE = 'correct horse battery staple';
const TOKEN = 'EAAG-test-token-0123456789';

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const mode = (path: string) => statSync(path).mode & 0o777;

/** The private key decrypts what the public key encrypts, as WhatsApp does (RSA-OAEP SHA-256). */
function expectMatchingPair(privateKey: string, publicKey: string, passphrase?: string): void {
  const aesKey = randomBytes(16);
  const oaep = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' } as const;
  const encrypted = publicEncrypt({ key: publicKey, ...oaep }, aesKey);
  const key = createPrivateKey(passphrase ? { key: privateKey, passphrase } : privateKey);
  expect(privateDecrypt({ key, ...oaep }, encrypted)).toEqual(aesKey);
}

describe('meta-cloud-api keys', () => {
  it('prints help with examples, and refuses a missing or unknown subcommand (exit 2)', async () => {
    let io = captureIO();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out).toMatch(/keys\s+Generate the flow endpoint RSA key pair/);
    io = captureIO();
    expect(await main(['keys', '--help'], io)).toBe(0);
    expect(io.out).toContain('$ meta-cloud-api keys generate --out keys');
    expect(io.out).toContain('--passphrase-env');
    expect(io.out).toMatch(/prefer --passphrase-env/);
    io = captureIO();
    expect(await main(['keys'], io)).toBe(2);
    expect(io.err).toMatch(/keys needs a subcommand: generate or upload/);
    io = captureIO();
    expect(await main(['keys', 'rotate'], io)).toBe(2);
    expect(io.err).toMatch(/Unknown keys subcommand 'rotate'/);
    io = captureIO();
    expect(await main(['keys', 'generate', '--phone-number-id', '1'], io)).toBe(2);
    expect(io.err).toMatch(/--phone-number-id is not an option of keys generate/);
    io = captureIO();
    expect(await main(['keys', 'upload', '--force'], io)).toBe(2);
    expect(io.err).toMatch(/--force is not an option of keys upload/);
  });
});

describe('meta-cloud-api keys generate', () => {
  it('writes private.pem (0600) and public.pem (0644) and tells the next step', async () => {
    const dir = join(tmp('mca-keys-'), 'nested', 'keys');
    const io = captureIO();
    expect(await main(['keys', 'generate', '--out', dir], io)).toBe(0);
    const privatePath = join(dir, 'private.pem');
    const publicPath = join(dir, 'public.pem');
    expect(mode(privatePath)).toBe(0o600);
    expect(mode(publicPath)).toBe(0o644);
    const privateKey = readFileSync(privatePath, 'utf8');
    const publicKey = readFileSync(publicPath, 'utf8');
    expect(privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(createPublicKey(publicKey).asymmetricKeyDetails).toMatchObject({ modulusLength: 2048, publicExponent: 65537n });
    expectMatchingPair(privateKey, publicKey);
    expect(io.out).toBe('');
    expect(io.err).toContain(privatePath);
    expect(io.err).toContain(publicPath);
    expect(io.err).toContain(`meta-cloud-api keys upload --public-key ${publicPath}`);
  });

  it('--json prints only the paths on stdout', async () => {
    const dir = tmp('mca-keys-');
    const io = captureIO();
    expect(await main(['keys', 'generate', '--out', dir, '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ privateKey: join(dir, 'private.pem'), publicKey: join(dir, 'public.pem') });
  });

  it('refuses to overwrite existing keys (exit 2) unless --force', async () => {
    const dir = tmp('mca-keys-');
    expect(await main(['keys', 'generate', '--out', dir], captureIO())).toBe(0);
    const before = readFileSync(join(dir, 'private.pem'), 'utf8');

    let io = captureIO();
    expect(await main(['keys', 'generate', '--out', dir], io)).toBe(2);
    expect(io.err).toMatch(/private\.pem already exists: refusing to overwrite a key .* Use --force/);
    expect(readFileSync(join(dir, 'private.pem'), 'utf8')).toBe(before);

    // Only public.pem present: still refused, and private.pem is not created.
    const other = tmp('mca-keys-');
    writeFileSync(join(other, 'public.pem'), 'keep me');
    io = captureIO();
    expect(await main(['keys', 'generate', '--out', other], io)).toBe(2);
    expect(io.err).toMatch(/public\.pem already exists/);
    expect(existsSync(join(other, 'private.pem'))).toBe(false);
    expect(readFileSync(join(other, 'public.pem'), 'utf8')).toBe('keep me');

    // --force replaces both and resets loose modes.
    chmodSync(join(dir, 'private.pem'), 0o666);
    io = captureIO();
    expect(await main(['keys', 'generate', '--out', dir, '--force'], io)).toBe(0);
    const after = readFileSync(join(dir, 'private.pem'), 'utf8');
    expect(after).not.toBe(before);
    expect(mode(join(dir, 'private.pem'))).toBe(0o600);
    expect(mode(join(dir, 'public.pem'))).toBe(0o644);
    expectMatchingPair(after, readFileSync(join(dir, 'public.pem'), 'utf8'));
  });

  it('--passphrase-env: a passphrase-protected PKCS#1 like openssl genrsa -des3; the passphrase is never printed', async () => {
    const dir = tmp('mca-keys-');
    const io = captureIO({ FLOW_KEY_PASSPHRASE: PASSPHRASE });
    expect(await main(['keys', 'generate', '--out', dir, '--passphrase-env', 'FLOW_KEY_PASSPHRASE'], io)).toBe(0);
    const privateKey = readFileSync(join(dir, 'private.pem'), 'utf8');
    expect(privateKey).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: DES-EDE3-CBC,[0-9A-F]{16}\n\n/);
    expectMatchingPair(privateKey, readFileSync(join(dir, 'public.pem'), 'utf8'), PASSPHRASE);
    expect(() => createPrivateKey({ key: privateKey, passphrase: 'wrong' })).toThrow();
    expect(io.err).toMatch(/passphrase-protected PKCS#1/);
    expect(io.out + io.err).not.toContain(PASSPHRASE);
  });

  it('--passphrase inline works too, with a note about shell history', async () => {
    const dir = tmp('mca-keys-');
    const io = captureIO();
    expect(await main(['keys', 'generate', '--out', dir, '--passphrase', PASSPHRASE], io)).toBe(0);
    expect(io.err).toMatch(/stays in your shell history; prefer --passphrase-env/);
    expect(io.err).not.toContain(PASSPHRASE);
    expectMatchingPair(readFileSync(join(dir, 'private.pem'), 'utf8'), readFileSync(join(dir, 'public.pem'), 'utf8'), PASSPHRASE);
  });

  it('passphrase mistakes are usage errors (exit 2), and nothing is written', async () => {
    const dir = tmp('mca-keys-');
    let io = captureIO({ P: PASSPHRASE });
    expect(await main(['keys', 'generate', '--out', dir, '--passphrase', PASSPHRASE, '--passphrase-env', 'P'], io)).toBe(2);
    expect(io.err).toMatch(/not both/);
    expect(io.err).not.toContain(PASSPHRASE);
    io = captureIO();
    expect(await main(['keys', 'generate', '--out', dir, '--passphrase-env', 'NOPE'], io)).toBe(2);
    expect(io.err).toMatch(/environment variable NOPE is not set or empty/);
    io = captureIO();
    expect(await main(['keys', 'generate', '--out', dir, '--passphrase='], io)).toBe(2);
    expect(io.err).toMatch(/passphrase is empty/);
    expect(existsSync(join(dir, 'private.pem'))).toBe(false);
  });

  it('--out pointing at a file is a clear error', async () => {
    const file = join(tmp('mca-keys-'), 'file.txt');
    writeFileSync(file, 'x');
    const io = captureIO();
    expect(await main(['keys', 'generate', '--out', file], io)).toBe(2);
    expect(io.err).toMatch(/is not a directory/);
  });
});

describe('meta-cloud-api keys upload (against the emulator)', () => {
  let emulator: Emulator;
  let server: RunningServer;
  let dir: string;
  const env = () => ({ CLOUD_API_ACCESS_TOKEN: TOKEN });

  beforeAll(async () => {
    emulator = createEmulator();
    server = await emulator.listen({ port: 0 });
    dir = tmp('mca-upload-');
    expect(await main(['keys', 'generate', '--out', dir], captureIO())).toBe(0);
  });
  afterAll(async () => {
    await server?.close();
    await emulator?.close();
  });

  it('uploads public.pem and prints the signature status', async () => {
    const publicPath = join(dir, 'public.pem');
    let io = captureIO(env());
    expect(await main(['keys', 'upload', '--public-key', publicPath, '--phone-number-id', '1001', '--base-url', server.url, '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ success: true, phoneNumberId: '1001', signatureStatus: 'VALID' });
    expect(io.err).toMatch(/Signature status: VALID/);
    expect(emulator.state().phones['1001']?.publicKey).toBe(readFileSync(publicPath, 'utf8').trim());

    // WA_PHONE_NUMBER_ID and WA_BASE_URL from the environment; --public-key defaults to ./public.pem.
    io = captureIO({ ...env(), WA_PHONE_NUMBER_ID: '1002', WA_BASE_URL: server.url });
    const read: string[] = [];
    io.readFile = async (path) => (read.push(path), readFileSync(join(dir, path), 'utf8'));
    expect(await main(['keys', 'upload'], io)).toBe(0);
    expect(read).toEqual(['./public.pem']);
    expect(io.out).toBe('');
    expect(io.err).toMatch(/Uploaded \.\/public\.pem for phone number 1002\. Signature status: VALID/);
    expect(emulator.state().phones['1002']?.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it('converts a PKCS#1 public key (RSA PUBLIC KEY) to the SPKI PEM Meta expects', async () => {
    const spki = readFileSync(join(dir, 'public.pem'), 'utf8');
    const pkcs1File = join(dir, 'rsa-public.pem');
    writeFileSync(pkcs1File, (createPublicKey(spki).export({ type: 'pkcs1', format: 'pem' }) as string).replace(/\n/g, '\r\n'));
    const io = captureIO(env());
    expect(await main(['keys', 'upload', '--public-key', pkcs1File, '--phone-number-id', '1003', '--base-url', server.url], io)).toBe(0);
    expect(emulator.state().phones['1003']?.publicKey).toBe(spki.trim());
  });

  it('refuses a private key, and sends nothing', async () => {
    const io = captureIO(env());
    expect(await main(['keys', 'upload', '--public-key', join(dir, 'private.pem'), '--phone-number-id', '1004', '--base-url', server.url], io)).toBe(2);
    expect(io.err).toMatch(/holds a PRIVATE key: never upload it/);
    expect(io.err).not.toContain(readFileSync(join(dir, 'private.pem'), 'utf8').split('\n')[1]!);
    expect(emulator.state().phones['1004']).toBeUndefined();
  });

  it('refuses a 1024-bit key, a missing file and garbage (exit 2)', async () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const smallFile = join(dir, 'small.pem');
    writeFileSync(smallFile, small);
    const garbage = join(dir, 'garbage.pem');
    writeFileSync(garbage, 'not a key');
    const args = ['--phone-number-id', '1005', '--base-url', server.url];

    let io = captureIO(env());
    expect(await main(['keys', 'upload', '--public-key', smallFile, ...args], io)).toBe(2);
    expect(io.err).toMatch(/1024-bit RSA key; WhatsApp Flows requires a 2048-bit RSA key pair/);
    io = captureIO(env());
    expect(await main(['keys', 'upload', '--public-key', join(dir, 'missing.pem'), ...args], io)).toBe(2);
    expect(io.err).toMatch(/No such file: .*missing\.pem\. Generate a key pair first/);
    io = captureIO(env());
    expect(await main(['keys', 'upload', '--public-key', garbage, ...args], io)).toBe(2);
    expect(io.err).toMatch(/not a PEM key/);
    expect(emulator.state().phones['1005']).toBeUndefined();
  });

  it('needs a token and a phone number id', async () => {
    const publicKey = join(dir, 'public.pem');
    let io = captureIO();
    expect(await main(['keys', 'upload', '--public-key', publicKey, '--phone-number-id', '1', '--base-url', server.url], io)).toBe(2);
    expect(io.err).toMatch(/needs an access token: set the CLOUD_API_ACCESS_TOKEN/);
    io = captureIO(env());
    expect(await main(['keys', 'upload', '--public-key', publicKey, '--base-url', server.url], io)).toBe(2);
    expect(io.err).toMatch(/--phone-number-id ID or set WA_PHONE_NUMBER_ID/);
    io = captureIO(env());
    expect(await main(['keys', 'upload', '--public-key', publicKey, '--phone-number-id', '1', '--base-url', 'ftp://x'], io)).toBe(2);
    expect(io.err).toMatch(/baseUrl must use http or https/);
  });

  it('a MISMATCH signature status is exit 1 with advice', async () => {
    const graph = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(req.method === 'POST' ? { success: true } : { business_public_key_signature_status: 'MISMATCH' }));
    });
    await new Promise<void>((resolve) => graph.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(graph.address() as AddressInfo).port}`;
      const io = captureIO(env());
      expect(await main(['keys', 'upload', '--public-key', join(dir, 'public.pem'), '--phone-number-id', '7', '--base-url', url, '--json'], io)).toBe(1);
      expect(JSON.parse(io.out)).toEqual({ success: true, phoneNumberId: '7', signatureStatus: 'MISMATCH' });
      expect(io.err).toMatch(/signature does not match: upload the key again/);
    } finally {
      await new Promise((resolve) => graph.close(resolve));
    }
  });

  it('a Graph API error is exit 2 with its message, never the token', async () => {
    const strict = createEmulator({ token: 'the-right-token' });
    const strictServer = await strict.listen({ port: 0 });
    try {
      const io = captureIO(env());
      expect(await main(['keys', 'upload', '--public-key', join(dir, 'public.pem'), '--phone-number-id', '1006', '--base-url', strictServer.url], io)).toBe(2);
      expect(io.err).toMatch(/^meta-cloud-api: 401 /);
      expect(io.err).not.toContain(TOKEN);
      expect(io.err).not.toMatch(/\n\s+at /);
      expect(strict.state().phones['1006']?.publicKey).toBeUndefined();
    } finally {
      await strictServer.close();
      await strict.close();
    }
  });
});

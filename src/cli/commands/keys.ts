import { chmod, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WhatsApp } from '../../client/client.js';
import { DEFAULT_API_VERSION, DEFAULT_BASE_URL, ENV } from '../../client/config.js';
import { ConfigurationError, InvalidArgumentError, WhatsAppError } from '../../core/errors.js';
import { KeyFormatError } from '../../endpoint/keys/errors.js';
import { generateKeyPair } from '../../endpoint/keys/generate.js';
import { importPublicKeyWeb } from '../../endpoint/keys/import-web.js';
import { derToPem, parseKeyPem } from '../../endpoint/keys/pem.js';
import { pkcs1PublicToSpki } from '../../endpoint/keys/rsa-der.js';
import { CommandError, UsageError } from '../errors.js';
import type { CliIO } from '../io.js';

const PRIVATE_MODE = 0o600;
const PUBLIC_MODE = 0o644;

export interface KeysGenerateOptions {
  /** Directory for `private.pem` and `public.pem` (created when missing). Default `.`. */
  out: string;
  /** Encrypt the private key (PKCS#1, DES-EDE3-CBC, like `openssl genrsa -des3`). */
  passphrase?: string;
  /** Replace existing files. */
  force: boolean;
  /** Print `{ privateKey, publicKey }` (the paths) as JSON on stdout. */
  json: boolean;
}

/** `meta-cloud-api keys generate`: writes a 2048-bit RSA pair; returns the exit code (0 written, 2 usage or I/O). */
export async function keysGenerateCommand(options: KeysGenerateOptions, io: CliIO): Promise<number> {
  if (options.passphrase === '') throw new UsageError('The passphrase is empty: give a non-empty one, or none for an unencrypted key.');
  const outInfo = await stat(options.out).catch(() => undefined);
  if (outInfo && !outInfo.isDirectory()) throw new UsageError(`--out ${options.out} is not a directory.`);
  const privatePath = join(options.out, 'private.pem');
  const publicPath = join(options.out, 'public.pem');
  if (!options.force) {
    for (const path of [privatePath, publicPath]) {
      if (await exists(path)) {
        throw new UsageError(
          `${path} already exists: refusing to overwrite a key (the public key uploaded for your number would no longer match). Use --force to replace it, or --out DIR.`,
        );
      }
    }
  }
  const pair = await generateKeyPair(options.passphrase !== undefined ? { passphrase: options.passphrase } : {});
  try {
    await mkdir(options.out, { recursive: true });
    await writeKey(privatePath, pair.privateKey, PRIVATE_MODE, options.force);
    await writeKey(publicPath, pair.publicKey, PUBLIC_MODE, options.force);
  } catch (error) {
    throw new CommandError(describeWriteError(error, options.out));
  }
  if (options.json) io.stdout(JSON.stringify({ privateKey: privatePath, publicKey: publicPath }));
  io.stderr(
    [
      'Generated a 2048-bit RSA key pair for your flow endpoint:',
      `  private key: ${privatePath} (mode 600; ${options.passphrase !== undefined ? 'passphrase-protected PKCS#1, like openssl genrsa -des3' : 'unencrypted PKCS#8'}). Keep it secret: never commit it.`,
      `  public key:  ${publicPath}`,
      'Next: upload the public key for your phone number (once per number):',
      `  $ CLOUD_API_ACCESS_TOKEN=... meta-cloud-api keys upload --public-key ${publicPath} --phone-number-id <PHONE_NUMBER_ID>`,
    ].join('\n'),
  );
  return 0;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new CommandError(describeWriteError(error, path));
  }
}

/** Creates the file with `mode` ('wx' refuses an existing file unless forced), then sets the mode (umask, overwrites). */
async function writeKey(path: string, pem: string, mode: number, force: boolean): Promise<void> {
  await writeFile(path, pem, { mode, flag: force ? 'w' : 'wx' });
  await chmod(path, mode);
}

function describeWriteError(error: unknown, path: string): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EEXIST') return `${e.path ?? path} already exists: use --force to replace it.`;
  if (e.code === 'EACCES' || e.code === 'EPERM') return `Permission denied: ${e.path ?? path}`;
  if (e.code === 'ENOTDIR') return `${path} is not a directory.`;
  return `Cannot write the keys to ${path}: ${e.message}`;
}

export interface KeysUploadOptions {
  /** The public key PEM file. Default `./public.pem`. */
  publicKey: string;
  /** Default: WA_PHONE_NUMBER_ID. */
  phoneNumberId?: string;
  /** Default: WA_BASE_URL, else https://graph.facebook.com. */
  baseUrl?: string;
  /** Print `{ success, phoneNumberId, signatureStatus }` as JSON on stdout. */
  json: boolean;
}

/**
 * `meta-cloud-api keys upload`: uploads the business public key for a phone number, then reads back its signature
 * status. Returns 0 (uploaded, status not MISMATCH), 1 (status MISMATCH) or 2 (usage, I/O, Graph error).
 * The token comes from CLOUD_API_ACCESS_TOKEN only, and never appears in messages.
 */
export async function keysUploadCommand(options: KeysUploadOptions, io: CliIO): Promise<number> {
  const accessToken = io.env[ENV.accessToken]?.trim();
  if (!accessToken) throw new UsageError(`keys upload needs an access token: set the ${ENV.accessToken} environment variable.`);
  const phoneNumberId = (options.phoneNumberId ?? io.env[ENV.phoneNumberId])?.trim();
  if (!phoneNumberId) throw new UsageError(`keys upload needs the phone number id: pass --phone-number-id ID or set ${ENV.phoneNumberId}.`);

  const pem = await readPublicKey(options.publicKey, io);
  let client: WhatsApp;
  try {
    client = new WhatsApp({
      accessToken,
      phoneNumberId,
      baseUrl: options.baseUrl ?? io.env[ENV.baseUrl] ?? DEFAULT_BASE_URL,
      apiVersion: io.env[ENV.apiVersion] ?? DEFAULT_API_VERSION,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  let status: string | undefined;
  try {
    await client.encryption.setBusinessPublicKey(pem, phoneNumberId);
    status = (await client.encryption.getBusinessPublicKey(phoneNumberId)).business_public_key_signature_status;
  } catch (error) {
    if (error instanceof ConfigurationError || error instanceof InvalidArgumentError) throw new UsageError(redact(error.message, accessToken));
    if (error instanceof WhatsAppError) throw new CommandError(redact(error.message, accessToken));
    throw error;
  }

  if (options.json) io.stdout(JSON.stringify({ success: true, phoneNumberId, signatureStatus: status ?? null }));
  io.stderr(`Uploaded ${options.publicKey} for phone number ${phoneNumberId}. Signature status: ${status ?? 'not reported'}.`);
  if (status === 'MISMATCH') {
    io.stderr('The signature does not match: upload the key again, and check the number was not re-registered or migrated meanwhile.');
    return 1;
  }
  return 0;
}

/** Reads and checks the public key; PKCS#1 (`RSA PUBLIC KEY`) is converted to the SPKI PEM Meta expects. */
async function readPublicKey(path: string, io: CliIO): Promise<string> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CommandError(`No such file: ${path}. Generate a key pair first: meta-cloud-api keys generate`);
    if (code === 'EACCES') throw new CommandError(`Permission denied: ${path}`);
    if (code === 'EISDIR') throw new CommandError(`${path} is a directory: pass the public key file (public.pem).`);
    throw new CommandError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    const key = parseKeyPem(text);
    if (key.isPrivate) {
      throw new UsageError(`${path} holds a PRIVATE key: never upload it. Upload the public half (public.pem, "-----BEGIN PUBLIC KEY-----").`);
    }
    const spki = key.kind === 'pkcs1-public' ? pkcs1PublicToSpki(key.der) : key.der;
    const pem = derToPem(spki, 'PUBLIC KEY');
    await importPublicKeyWeb(pem); // RSA, 2048 bits
    return pem.trim();
  } catch (error) {
    if (error instanceof KeyFormatError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

function redact(message: string, secret: string): string {
  return message.split(secret).join('***');
}

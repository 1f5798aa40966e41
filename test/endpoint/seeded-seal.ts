/**
 * WhatsApp's request sealing with every random byte drawn from a seeded source, so a fuzz run replays byte for
 * byte: the AES key, the IV and the RSA-OAEP seed all come from `random`, and the RSA key is a committed fixture.
 * OAEP (SHA-256, MGF1-SHA-256, empty label) is encoded here (RFC 8017 §7.1.1) and raw RSA applied with
 * RSA_NO_PADDING, because node:crypto's own OAEP padding draws its seed from the system's random source.
 */
import { constants, createCipheriv, createHash, createPublicKey, publicEncrypt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const fuzzPrivateKey = readFileSync(join(here, '../fixtures/endpoint/fuzz-private-key.pem'), 'utf8');
export const fuzzPublicKey = createPublicKey(fuzzPrivateKey).export({ type: 'spki', format: 'pem' }).toString();

const H_LEN = 32;

function randomBytesFrom(random: () => number, length: number): Buffer {
  return Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
}

function mgf1(seed: Buffer, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let counter = 0; blocks.length * H_LEN < length; counter++) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    blocks.push(createHash('sha256').update(seed).update(c).digest());
  }
  return Buffer.concat(blocks).subarray(0, length);
}

function xor(a: Buffer, b: Buffer): Buffer {
  return Buffer.from(a.map((byte, i) => byte ^ b[i]!));
}

/** RSA-OAEP-SHA256 encryption of `message` with a seed taken from `random`. */
function oaepEncrypt(publicKey: string, message: Buffer, random: () => number): Buffer {
  const k = (createPublicKey(publicKey).asymmetricKeyDetails!.modulusLength! + 7) >> 3;
  const lHash = createHash('sha256').update('').digest();
  const db = Buffer.concat([lHash, Buffer.alloc(k - message.length - 2 * H_LEN - 2), Buffer.from([1]), message]);
  const seed = randomBytesFrom(random, H_LEN);
  const maskedDb = xor(db, mgf1(seed, db.length));
  const maskedSeed = xor(seed, mgf1(maskedDb, H_LEN));
  const encoded = Buffer.concat([Buffer.from([0]), maskedSeed, maskedDb]);
  return publicEncrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, encoded);
}

/** A request body as WhatsApp seals it, deterministic for a given `random`. */
export function sealSeeded(payload: unknown, random: () => number, publicKey: string = fuzzPublicKey): string {
  const aesKey = randomBytesFrom(random, 16);
  const iv = randomBytesFrom(random, 16);
  const cipher = createCipheriv('aes-128-gcm', aesKey, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return JSON.stringify({
    encrypted_flow_data: data.toString('base64'),
    encrypted_aes_key: oaepEncrypt(publicKey, aesKey, random).toString('base64'),
    initial_vector: iv.toString('base64'),
  });
}

import { phoneFor, type EmulatorContext } from '../context.js';
import { invalidParameter } from '../graph-error.js';
import type { GraphRequest } from '../request.js';
import { parseFields, pickFields } from '../fields.js';
import { importPublicKeyWeb } from '../../endpoint/keys/import-web.js';
import { fromBase64 } from '../../internal/base64.js';

/** `POST /{phone}/whatsapp_business_encryption`: a 2048-bit RSA public key in PEM (flows-platform §1.3.11). */
export async function setPublicKey(ctx: EmulatorContext, req: GraphRequest, phoneId: string): Promise<Record<string, unknown>> {
  const pem = req.params.get('business_public_key');
  if (!pem) throw invalidParameter('The parameter business_public_key is required.');
  await checkRsaPublicKey(pem);
  phoneFor(ctx, phoneId).publicKey = pem.trim();
  return { success: true };
}

/** `GET /{phone}/whatsapp_business_encryption`, in the v23.0 reference's `data` shape. */
export function getPublicKey(ctx: EmulatorContext, req: GraphRequest, phoneId: string): Record<string, unknown> {
  const key = ctx.state.phones[phoneId]?.publicKey;
  const fields = parseFields(req.params.get('fields'));
  const view = { business_public_key: key, business_public_key_signature_status: 'VALID' };
  return { data: key ? [pickFields(view, fields, 'WhatsAppBusinessEncryption')] : [] };
}

async function checkRsaPublicKey(pem: string): Promise<void> {
  if (/^-----BEGIN RSA PUBLIC KEY-----/.test(pem.trim())) {
    // PKCS#1 public keys (`openssl rsa -RSAPublicKey_out`) are RSA keys too: check them through their SPKI form.
    try {
      await importPublicKeyWeb(pem);
      return;
    } catch (error) {
      throw invalidParameter(`business_public_key is not a usable RSA public key: ${(error as Error).message}`);
    }
  }
  const m = /^-----BEGIN PUBLIC KEY-----([\s\S]+?)-----END PUBLIC KEY-----$/.exec(pem.trim());
  if (!m) throw invalidParameter('business_public_key must be a PEM encoded public key ("-----BEGIN PUBLIC KEY-----").');
  let der: Uint8Array<ArrayBuffer>;
  try {
    der = fromBase64(m[1]!.replace(/\s+/g, ''));
  } catch {
    throw invalidParameter('business_public_key is not valid base64 inside the PEM block.');
  }
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('spki', der, { name: 'RSA-OAEP', hash: 'SHA-256' }, true, ['encrypt']);
  } catch {
    throw invalidParameter('business_public_key is not an RSA public key.');
  }
  const bits = (key.algorithm as RsaHashedKeyAlgorithm).modulusLength;
  if (bits !== 2048) throw invalidParameter(`business_public_key must be a 2048-bit RSA key; got ${bits} bits.`);
}

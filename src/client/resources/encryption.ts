import type { APIPromise } from '../../core/api-promise.js';
import { InvalidArgumentError } from '../../core/errors.js';
import type { RequestOptions } from '../../internal/http.js';
import { graphPath } from '../../internal/path.js';
import { APIResource } from '../resource.js';

export interface BusinessPublicKey {
  /** The PEM uploaded for this phone number (absent when none was). */
  business_public_key?: string;
  /** `VALID` once Meta signed it; `MISMATCH` when the signature no longer matches. */
  business_public_key_signature_status?: 'VALID' | 'MISMATCH' | (string & {});
}

/** `client.encryption`: the business public key that WhatsApp uses to encrypt data-endpoint requests. */
export class Encryption extends APIResource {
  /**
   * `POST /{phone}/whatsapp_business_encryption`. Upload the public key of a 2048-bit RSA pair (PEM), once per
   * phone number. A private key is refused locally, so it can never be sent by mistake.
   */
  setBusinessPublicKey(publicKeyPem: string, phoneNumberId?: string | number, options?: RequestOptions): APIPromise<{ success: boolean }> {
    return this._client._call(options, async (options) => {
      const pem = checkPublicKeyPem(publicKeyPem);
      const phone = this._client._phoneNumberId(phoneNumberId);
      return this._client._request<{ success: boolean }>({
        method: 'POST',
        path: graphPath(phone, 'whatsapp_business_encryption'),
        // urlencoded, as in Meta's encryption guide: multipart would turn the PEM's line breaks into CRLF.
        urlencoded: { business_public_key: pem },
        retry: 'idempotent',
        options,
      });
    });
  }

  /**
   * `GET /{phone}/whatsapp_business_encryption`. Meta documents two shapes (a flat object, and `{ data: [ {...} ] }`
   * in the v23.0 reference); both are returned as the flat object.
   */
  getBusinessPublicKey(phoneNumberId?: string | number, options?: RequestOptions): APIPromise<BusinessPublicKey> {
    return this._client._call(options, async (options) => {
      const phone = this._client._phoneNumberId(phoneNumberId);
      const body = await this._client._request<BusinessPublicKey & { data?: BusinessPublicKey[] }>({
        method: 'GET',
        path: graphPath(phone, 'whatsapp_business_encryption'),
        retry: 'idempotent',
        options,
      });
      const flat = Array.isArray(body.data) ? (body.data[0] ?? {}) : body;
      const out: BusinessPublicKey = {};
      if (flat.business_public_key !== undefined) out.business_public_key = flat.business_public_key;
      if (flat.business_public_key_signature_status !== undefined) out.business_public_key_signature_status = flat.business_public_key_signature_status;
      return out;
    });
  }
}

function checkPublicKeyPem(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidArgumentError('setBusinessPublicKey needs the public key as a PEM string ("-----BEGIN PUBLIC KEY-----...").');
  }
  const pem = value.trim();
  if (/PRIVATE KEY-----/.test(pem)) {
    throw new InvalidArgumentError(
      'That is a PRIVATE key: never upload it. Upload the public half (`openssl rsa -in private.pem -pubout -out public.pem`).',
    );
  }
  if (!/^-----BEGIN (RSA )?PUBLIC KEY-----[\s\S]+-----END (RSA )?PUBLIC KEY-----$/.test(pem)) {
    throw new InvalidArgumentError('The business public key must be a PEM block from "-----BEGIN PUBLIC KEY-----" to "-----END PUBLIC KEY-----".');
  }
  return pem;
}

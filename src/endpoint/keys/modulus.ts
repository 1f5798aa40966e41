/** The key size WhatsApp Flows requires, checked by every key importer (Web Crypto and node:crypto). */
import { KeyFormatError } from './errors.js';

// Evidence: flows-platform §3.3 (Meta: a 2048-bit RSA key pair for the business encryption key).
/** WhatsApp Flows requires a 2048-bit RSA key pair for the business encryption key. */
export const REQUIRED_MODULUS_BITS = 2048;

/** Throws `WRONG_KEY_SIZE` unless the RSA modulus has `REQUIRED_MODULUS_BITS` bits. */
export function assertModulusBits(bits: number | undefined, which: 'private' | 'public'): void {
  if (bits !== REQUIRED_MODULUS_BITS) {
    throw new KeyFormatError(
      `The ${which} key is a ${bits ?? 'unknown'}-bit RSA key; WhatsApp Flows requires a ${REQUIRED_MODULUS_BITS}-bit RSA key pair. Generate one with \`meta-cloud-api keys generate\`.`,
      'WRONG_KEY_SIZE',
    );
  }
}

import { WhatsAppError } from '../../core/base-errors.js';

/** Why a key was refused; stable, for programs that branch on it. */
export type KeyFormatErrorCode =
  /** Not a PEM block, or its body is not base64 / DER. */
  | 'INVALID_PEM'
  /** A PEM block of a kind that is not an RSA key (certificate, EC key, OpenSSH key, ...). */
  | 'UNSUPPORTED_KEY'
  /** A public key where a private key was expected, or the other way round. */
  | 'WRONG_KEY_TYPE'
  /** An RSA key of another size than the 2048 bits Meta requires. */
  | 'WRONG_KEY_SIZE'
  /** The private key is passphrase-protected and no passphrase was given (or the runtime cannot decrypt it). */
  | 'PASSPHRASE_REQUIRED'
  /** The passphrase does not decrypt the private key. */
  | 'WRONG_PASSPHRASE'
  /** The operation needs Node.js (`node:crypto`), and this runtime has none. */
  | 'NODE_REQUIRED';

/**
 * A key could not be parsed, imported or generated as WhatsApp Flows needs it (a 2048-bit RSA pair).
 * Messages say what to do next; they never contain key material or passphrases.
 */
export class KeyFormatError extends WhatsAppError {
  /** Why the key was refused. */
  readonly code: KeyFormatErrorCode;

  constructor(message: string, code: KeyFormatErrorCode, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  static {
    // Set explicitly: bundlers may rename the class, and `new.target.name` would follow.
    Object.defineProperty(this, 'name', { value: 'KeyFormatError' });
    Object.defineProperty(this.prototype, 'name', { value: 'KeyFormatError', writable: true, enumerable: false, configurable: true });
  }
}

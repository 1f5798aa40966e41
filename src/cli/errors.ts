import { WhatsAppError } from '../core/errors.js';

/** A mistake in how the command was called (exit code 2). The message is shown without a stack trace. */
export class UsageError extends WhatsAppError {
  readonly exitCode = 2;
}

/** The command could not do its job: a missing file, a network failure (exit code 2 unless given). */
export class CommandError extends WhatsAppError {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

Object.defineProperty(UsageError, 'name', { value: 'UsageError' });
Object.defineProperty(CommandError, 'name', { value: 'CommandError' });

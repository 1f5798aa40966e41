import { InvalidArgumentError } from '../../../core/errors.js';
import type { FlowJsonDiagnostic } from '../../../flow-json/diagnostics.js';

/**
 * Rejects a Flow JSON that the local validator finds errors in (`{ validate: true }`), before anything is sent.
 * `errors` holds the diagnostics in the shape of Meta's `validation_errors`.
 */
export class FlowJsonValidationError extends InvalidArgumentError {
  readonly errors: FlowJsonDiagnostic[];

  constructor(what: string, errors: FlowJsonDiagnostic[]) {
    const first = errors
      .slice(0, 5)
      .map((e) => `  line ${e.line_start}, column ${e.column_start}: ${e.error}: ${e.message}`)
      .join('\n');
    const more = errors.length > 5 ? `\n  ... and ${errors.length - 5} more (see error.errors)` : '';
    super(`${what} has ${errors.length} validation error${errors.length === 1 ? '' : 's'}; nothing was sent:\n${first}${more}`);
    this.errors = errors;
  }
}

/** Runs the validator (loaded only when asked for) on the exact text that would be sent. */
export async function assertValidFlowJson(text: string, what: string): Promise<void> {
  const { validateFlowJson } = await import('../../../flow-json/validate.js');
  const { errors } = validateFlowJson(text);
  if (errors.length > 0) throw new FlowJsonValidationError(what, errors);
}

Object.defineProperty(FlowJsonValidationError, 'name', { value: 'FlowJsonValidationError' });

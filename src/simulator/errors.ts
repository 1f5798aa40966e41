/**
 * Errors of the flow simulator. Every one is a `SimulatorError`; the subclasses say whose fault it is:
 * the user's input (`SimulatorInputError`), the endpoint's answer (`SimulatorProtocolError`, with the name
 * WhatsApp's client reports, Meta: Flows error codes), an expired flow token (`FlowTokenExpiredError`) or the
 * Flow JSON itself (`SimulatorFlowError`; `SimulatorPatternError` for a TextInput `pattern` too slow to check).
 */
import { WhatsAppError } from '../core/errors.js';

/** Something the simulated client refuses to do (the base class of every simulator error). */
export class SimulatorError extends WhatsAppError {
  /** The screen the session was on, when there was one. */
  readonly screen: string | undefined;

  constructor(message: string, options: { screen?: string; cause?: unknown } = {}) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.screen = options.screen;
  }
}

/** One input the client would not accept: which field, which rule, and why. */
export interface InputFailure {
  screen: string;
  /** The component's `name` (or the Footer's label for `footer-disabled`). */
  field: string;
  /** Component type, e.g. `TextInput`. */
  component: string;
  /**
   * The rule: `required`, `input-type`, `min-chars`, `max-chars`, `max-length`, `pattern`, `data-source`,
   * `item-disabled`, `min-selected-items`, `max-selected-items`, `date-format`, `min-date`, `max-date`,
   * `unavailable-dates`, `include-days`, `min-days`, `max-days`, `min-uploaded`, `max-uploaded`,
   * `max-file-size-kb`, `allowed-mime-types`, `value-type`, `unknown-field`, `not-visible`, `disabled`,
   * `footer-disabled`, `needs-select`.
   */
  rule: string;
  message: string;
}

/** Input the client would reject (a wrong value on `fill`, or missing/invalid fields on `submit`). */
export class SimulatorInputError extends SimulatorError {
  /** Every failure found (at least one); `field` and `rule` are the first one's. */
  readonly failures: InputFailure[];
  readonly field: string;
  readonly rule: string;

  constructor(failures: InputFailure[]) {
    const first = failures[0]!;
    const text = failures.map((f) => `${f.component} '${f.field}': ${f.message} (${f.rule})`).join('; ');
    super(`Screen ${first.screen}: ${text}`, { screen: first.screen });
    this.failures = failures;
    this.field = first.field;
    this.rule = first.rule;
  }
}

/**
 * The data endpoint's answer broke the protocol, as WhatsApp's client would report it (Meta: Flows error codes; Flows error codes, endpoint HTTP status codes):
 * `invalid-screen-transition`, `payload-schema-error`, `business-decryption-error` (421 after a key refresh),
 * `response-decryption-error`, `request-signature-error` (432; Meta gives this one no name),
 * `unexpected_http_status_code`, `no_http_response_error`, `timeout_error`, `flow-token-expired` (427).
 */
export class SimulatorProtocolError extends SimulatorError {
  /** Meta's error name. */
  readonly error: string;
  /** The HTTP status, when there was an answer. */
  readonly status: number | undefined;

  constructor(error: string, message: string, options: { screen?: string; status?: number; cause?: unknown } = {}) {
    super(`${error}: ${message}`, options);
    this.error = error;
    this.status = options.status;
  }
}

/** The endpoint answered 427: the flow token is no longer valid. `errorMessage` is what the user would see. */
export class FlowTokenExpiredError extends SimulatorProtocolError {
  /** The endpoint's `error_msg`, or undefined when the body had none. */
  readonly errorMessage: string | undefined;

  constructor(errorMessage: string | undefined, options: { screen?: string } = {}) {
    super('flow-token-expired', errorMessage ? `the endpoint says the flow token is no longer valid: "${errorMessage}"` : 'the endpoint says the flow token is no longer valid', {
      ...options,
      status: 427,
    });
    this.errorMessage = errorMessage;
  }
}

/** The Flow JSON cannot be simulated: not JSON, invalid by Meta's rules, or missing what an action needs. */
export class SimulatorFlowError extends SimulatorError {
  /** The validator's errors, when the flow failed validation (`line:column CODE message`). */
  readonly problems: string[];

  constructor(message: string, problems: string[] = [], options: { screen?: string } = {}) {
    super(problems.length ? `${message}\n  ${problems.join('\n  ')}` : message, options);
    this.problems = problems;
  }
}

/**
 * A TextInput `pattern` the simulator will not run on a text because it could take unbounded time (issue 10,
 * finding 8): it needs a backtracking matcher and has nested quantifiers, or checking this text passes the
 * matcher's step budget. The text is neither accepted nor rejected; fix the pattern (drop the nested quantifier
 * or back-reference; `^(a+)+$` means `^a+$`).
 */
export class SimulatorPatternError extends SimulatorFlowError {
  /** The component's `name`. */
  readonly field: string;
  readonly pattern: string;

  constructor(details: { screen: string; field: string; component: string; pattern: string; detail: string }) {
    const shown = details.pattern.length > 80 ? `${details.pattern.slice(0, 77)}...` : details.pattern;
    super(`Screen ${details.screen}: ${details.component} '${details.field}': pattern too slow to check: ${JSON.stringify(shown)}: ${details.detail}. Simplify the pattern (no nested quantifiers such as (a+)+, no back-references).`, [], { screen: details.screen });
    this.field = details.field;
    this.pattern = details.pattern;
  }
}

const NAMES: Array<[{ prototype: Error }, string]> = [
  [SimulatorError, 'SimulatorError'],
  [SimulatorInputError, 'SimulatorInputError'],
  [SimulatorProtocolError, 'SimulatorProtocolError'],
  [FlowTokenExpiredError, 'FlowTokenExpiredError'],
  [SimulatorFlowError, 'SimulatorFlowError'],
  [SimulatorPatternError, 'SimulatorPatternError'],
];
for (const [cls, name] of NAMES) {
  Object.defineProperty(cls, 'name', { value: name });
  Object.defineProperty(cls.prototype, 'name', { value: name, writable: true, configurable: true });
}

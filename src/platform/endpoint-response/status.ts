// Owns: the data endpoint's HTTP statuses and the error names WhatsApp's client reports for them
// (flows-platform §1.9, §3.6, §6.6). Consumers: the simulator's EndpointClient (src/simulator/endpoint-client.ts),
// the endpoint's metrics (src/platform/endpoint-metrics.ts).
// The endpoint (src/endpoint) is the producer of these statuses.

/** The statuses of the data channel (§3.6; §6.6: the client's map SUCCESS 200, INVALID_ENCRYPTION 421, INVALID_FLOW_TOKEN 427, TIMEOUT 504). */
export const ENDPOINT_STATUS = {
  /** The body is base64 of the encrypted response. */
  ok: 200,
  /** The request cannot be decrypted: the client fetches the public key again and retries once (§3.6, §6.6). */
  cannotDecrypt: 421,
  /** The flow token is no longer valid: the client shows the body's `error_msg` and disables the message's CTA. */
  flowTokenInvalid: 427,
  /** X-Hub-Signature-256 is missing or wrong: a generic error. */
  badSignature: 432,
  /** The client's TIMEOUT status (§6.6): the endpoint answers it when a handler runs past its deadline. */
  timeout: 504,
} as const;

/** What the client reports when the data channel fails (§1.9, §3.6). `request-signature-error` (432) has no Meta name. */
export const CHANNEL_ERRORS = {
  /** 421 again after the key was fetched again. */
  cannotDecrypt: 'business-decryption-error',
  /** A 200 whose body does not decrypt. */
  badResponse: 'response-decryption-error',
  flowTokenInvalid: 'flow-token-expired',
  badSignature: 'request-signature-error',
  /** Any other status. */
  otherStatus: 'unexpected_http_status_code',
  /** No answer (connection refused, reset, a body that breaks off). */
  noResponse: 'no_http_response_error',
  /** No answer within 10 s. */
  timeout: 'timeout_error',
} as const;

/** The client's timeout (§3.2: 10 s). */
export const ENDPOINT_TIMEOUT_MS = 10_000;

import { GraphError } from './graph-error.js';

/**
 * Per-request fault injection for users' tests: the header `x-emulator-fault` makes that one request fail the
 * way Meta does, before anything is changed.
 * - `429`: HTTP 429, code 130429 "Rate limit hit", Retry-After 1
 * - `throttle`: HTTP 400, code 80007 (WABA rate limit), Retry-After 1
 * - `500`: HTTP 500, code 2 "Service temporarily unavailable" (transient)
 * - `503`: HTTP 503, code 2
 * - `timeout`: never answers (until the client gives up or `timeoutFaultMs` passes, then 504)
 */
export const FAULTS = ['429', 'throttle', '500', '503', 'timeout'] as const;
export type Fault = (typeof FAULTS)[number];

export function faultError(fault: string): GraphError | 'timeout' {
  switch (fault) {
    case '429':
      return new GraphError({ code: 130429, message: '(#130429) Rate limit hit', status: 429, isTransient: true, headers: { 'retry-after': '1' } });
    case 'throttle':
      return new GraphError({ code: 80007, message: '(#80007) There have been too many calls to this WhatsApp Business account. Wait a bit and try again.', status: 400, isTransient: true, headers: { 'retry-after': '1' } });
    case '500':
      return new GraphError({ code: 2, message: 'An unexpected error has occurred. Please retry your request later.', status: 500, isTransient: true });
    case '503':
      return new GraphError({ code: 2, message: 'Service temporarily unavailable', status: 503, isTransient: true });
    case 'timeout':
      return 'timeout';
    default:
      return new GraphError({ code: 100, message: `(#100) Unknown x-emulator-fault "${fault}": use one of ${FAULTS.join(', ')}.`, status: 400 });
  }
}

/** Waits until the client aborts or `ms` pass. */
export function hang(signal: AbortSignal | undefined, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * The SDK's own log lines, written once here: the failure line of the endpoint and webhook handlers (when no
 * `onError` is given) and the client's debug line (`META_CLOUD_API_LOG=debug`). Both go to `console.error`
 * (stderr on Node, Bun and Deno; the log stream on Workers). Runtime-neutral: no `node:` import.
 */
import { readEnv } from './env.js';
import type { Redactor } from './redact.js';

/** The environment variable that turns the client's request log on: `META_CLOUD_API_LOG=debug`. */
export const LOG_ENV = 'META_CLOUD_API_LOG';

/**
 * One line for a failure: the error's class and message only, redacted. Never the stack, the `cause`, the request
 * or its body (a cause or a body may carry a token or a decrypted payload).
 */
export function describeFailure(error: unknown, redact: Redactor): string {
  if (error instanceof Error) {
    const status = (error as { status?: unknown }).status;
    return redact(`${error.name}${typeof status === 'number' ? ` (${status})` : ''}: ${error.message}`);
  }
  return `a non-Error value was thrown (${error === null ? 'null' : typeof error})`;
}

/** Logs a handler failure once, for handlers given no `onError`. `where` names the handler, e.g. `flow endpoint`. */
export function logFailure(where: string, error: unknown, redact: Redactor, context?: string): void {
  try {
    console.error(`meta-cloud-api ${where}: ${describeFailure(error, redact)}${context ? ` (${context})` : ''}. Pass onError to handle failures yourself.`);
  } catch {
    // a console that throws must not change the answer
  }
}

/** Whether the client's debug log is on (`META_CLOUD_API_LOG=debug`, read when the client is created). */
export function debugLogFromEnv(): boolean {
  return readEnv(LOG_ENV)?.toLowerCase() === 'debug';
}

/** What the debug line shows of one attempt. */
export interface DebugLine {
  method: string;
  /** Already redacted. */
  url: string;
  status: number | undefined;
  /** What happened when there was no HTTP answer: `timeout`, `network error`, `aborted`. */
  failure?: string;
  durationMs: number;
  traceId: string | undefined;
  attempt: number;
}

/** `meta-cloud-api: GET https://graph.facebook.com/v25.0/123?fields=id → 200 in 42 ms (x-fb-trace-id AbCd, attempt 2)` */
export function formatDebugLine(line: DebugLine): string {
  const outcome = line.status !== undefined ? String(line.status) : (line.failure ?? 'no answer');
  const extra = [line.traceId ? `x-fb-trace-id ${line.traceId}` : undefined, line.attempt > 1 ? `attempt ${line.attempt}` : undefined].filter(Boolean);
  return `meta-cloud-api: ${line.method} ${line.url} → ${outcome} in ${Math.round(line.durationMs)} ms${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

/** Writes the debug line to stderr (`console.error`). */
export function writeDebugLine(line: DebugLine): void {
  try {
    console.error(formatDebugLine(line));
  } catch {
    // logging never fails a call
  }
}

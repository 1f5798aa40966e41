/** Checks the options of `createFlowEndpoint` once, up front: a mistake throws `InvalidArgumentError` saying how to fix it. */
import { InvalidArgumentError } from '../core/base-errors.js';
import type { FlowEndpointOptions } from './handler.js';
import { checkPrivateKeyOption } from './keys/key-set.js';

/** Largest accepted body by default: 2 MiB (the data channel carries at most 1 MB of payload, flows-platform §2.10 Image). */
export const DEFAULT_ENDPOINT_MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Answer before WhatsApp's 10 s client timeout (flows-platform §3.2). */
export const DEFAULT_ENDPOINT_DEADLINE_MS = 9_000;

const HANDLERS = ['onRequest', 'onInit', 'onBack', 'onDataExchange', 'onErrorNotification', 'onError', 'checkResponse', 'onMetrics'] as const;

export interface EndpointSettings {
  secrets: readonly string[];
  maxBody: number;
  deadline: number;
}

export function readEndpointOptions(options: FlowEndpointOptions): EndpointSettings {
  if (!options || typeof options !== 'object') {
    throw new InvalidArgumentError('createFlowEndpoint needs options: { privateKey, onRequest | onInit | screens, appSecret?, ... }.');
  }
  checkPrivateKeyOption(options.privateKey);
  if (options.passphrase !== undefined && typeof options.passphrase !== 'string') {
    throw new InvalidArgumentError('passphrase must be a string (the passphrase of your encrypted private key), or left out for an unencrypted key.');
  }
  for (const name of HANDLERS) {
    if (options[name] !== undefined && typeof options[name] !== 'function') throw new InvalidArgumentError(`${name} must be a function; got ${typeof options[name]}.`);
  }
  if (options.screens !== undefined && (typeof options.screens !== 'object' || options.screens === null || Array.isArray(options.screens))) {
    throw new InvalidArgumentError('screens must be an object of handlers by screen id, e.g. { APPOINTMENT: (request) => ({ screen, data }) }.');
  }
  for (const [screen, handler] of Object.entries(options.screens ?? {})) {
    if (typeof handler !== 'function') throw new InvalidArgumentError(`screens.${screen} must be a function (request) => ({ screen, data }); got ${typeof handler}.`);
  }
  const handlers = [options.onRequest, options.onInit, options.onBack, options.onDataExchange, ...Object.values(options.screens ?? {})];
  if (!handlers.some((h) => typeof h === 'function')) {
    throw new InvalidArgumentError('createFlowEndpoint needs at least one handler: onRequest, onInit, onDataExchange, onBack or screens.');
  }
  const given = options.appSecret;
  const secrets = given === undefined ? [] : (Array.isArray(given) ? given : [given]).filter((s): s is string => typeof s === 'string' && s !== '');
  if (given !== undefined && secrets.length === 0) {
    throw new InvalidArgumentError('appSecret must be a non-empty string or a list of them (your Meta app secret: App Dashboard > App settings > Basic), or left out.');
  }
  const maxBody = options.maxBodyBytes ?? DEFAULT_ENDPOINT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBody) || maxBody < 1) throw new InvalidArgumentError(`maxBodyBytes must be a positive whole number of bytes; got ${String(maxBody)}.`);
  const deadline = options.deadlineMs ?? DEFAULT_ENDPOINT_DEADLINE_MS;
  if (!Number.isFinite(deadline) || deadline <= 0) {
    throw new InvalidArgumentError(`deadlineMs must be a positive number of milliseconds (WhatsApp waits 10 000 ms); got ${String(deadline)}.`);
  }
  if (options.tokenErrorBody !== undefined && options.tokenErrorBody !== 'plain' && options.tokenErrorBody !== 'encrypted') {
    throw new InvalidArgumentError(`tokenErrorBody must be 'plain' or 'encrypted'; got ${JSON.stringify(options.tokenErrorBody)}.`);
  }
  if (options.metrics !== undefined && typeof options.metrics !== 'boolean') {
    throw new InvalidArgumentError(`metrics must be true or false (false turns the endpoint's own measurement off); got ${JSON.stringify(options.metrics)}.`);
  }
  return { secrets, maxBody, deadline };
}

/** `meta-cloud-api/endpoint` on Node: the same API as index.ts, on node:crypto (faster; loads passphrase-protected keys). */
import { nodeCrypto } from './crypto/node.js';
import { createFlowEndpointWith, type FlowEndpoint, type FlowEndpointOptions } from './handler.js';
import type { FlowJson } from '../flow-json/types/index.js';
import type { TypedFlowEndpointOptions } from './typed-endpoint.js';

/**
 * The data endpoint as a Web handler `(Request) => Promise<Response>`. With `flow` (from `defineFlow`) the handlers
 * are typed by the Flow JSON (see `TypedFlowEndpointOptions`); without it, the untyped options.
 */
export function createFlowEndpoint<const F extends FlowJson>(options: TypedFlowEndpointOptions<F>): FlowEndpoint {
  return createFlowEndpointWith(nodeCrypto, options as FlowEndpointOptions);
}

export * from './shared-exports.js';
export { nodeCrypto as cryptoBackend };

/**
 * `meta-cloud-api/endpoint` (runtime-neutral build, Web Crypto): the flow data endpoint.
 * On Node the `node` export condition resolves to `index-node.ts`, the same API on node:crypto.
 */
import { webCrypto } from './crypto/web.js';
import { createFlowEndpointWith, type FlowEndpoint, type FlowEndpointOptions } from './handler.js';
import type { FlowJson } from '../flow-json/types/index.js';
import type { TypedFlowEndpointOptions } from './typed-endpoint.js';

/**
 * The data endpoint as a Web handler `(Request) => Promise<Response>`. With `flow` (from `defineFlow`) the handlers
 * are typed by the Flow JSON (see `TypedFlowEndpointOptions`); without it, the untyped options.
 */
export function createFlowEndpoint<const F extends FlowJson>(options: TypedFlowEndpointOptions<F>): FlowEndpoint {
  return createFlowEndpointWith(webCrypto, options as FlowEndpointOptions);
}

export * from './shared-exports.js';
export { webCrypto as cryptoBackend };

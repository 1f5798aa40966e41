/**
 * `meta-cloud-api/endpoint` (runtime-neutral build, Web Crypto): the flow data endpoint.
 * On Node the `node` export condition resolves to `index-node.ts`, the same API on node:crypto.
 */
import { webCrypto } from './crypto/web.js';
import { createFlowEndpointWith, type FlowEndpoint, type FlowEndpointOptions } from './handler.js';

/** The data endpoint as a Web handler `(Request) => Promise<Response>`. */
export function createFlowEndpoint(options: FlowEndpointOptions): FlowEndpoint {
  return createFlowEndpointWith(webCrypto, options);
}

export * from './shared-exports.js';
export { webCrypto as cryptoBackend };

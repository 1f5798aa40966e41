/** `meta-cloud-api/endpoint` on Node: the same API as index.ts, on node:crypto (faster; loads passphrase-protected keys). */
import { nodeCrypto } from './crypto/node.js';
import { createFlowEndpointWith, type FlowEndpoint, type FlowEndpointOptions } from './handler.js';

/** The data endpoint as a Web handler `(Request) => Promise<Response>`. */
export function createFlowEndpoint(options: FlowEndpointOptions): FlowEndpoint {
  return createFlowEndpointWith(nodeCrypto, options);
}

export * from './shared-exports.js';
export { nodeCrypto as cryptoBackend };

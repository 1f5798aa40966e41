/**
 * The client's transports: how one HTTP attempt is sent and its answer read to the end. `http.ts` owns everything
 * around an attempt (URL, headers, retries, errors, redaction, hooks); a transport only sends and reads.
 *
 * - `'fetch'` (default, every runtime): `transport-fetch.ts`.
 * - `'node'` (opt-in, Node/Bun/Deno): `transport-node.ts` on `node:http`/`node:https` with a keep-alive Agent. It is
 *   loaded on the first call that uses it (a separate chunk), so other runtimes and bundles never see `node:http`.
 */
import { ConfigurationError } from '../core/errors.js';
import { fetchTransport } from './transport-fetch.js';
import type { Transport, TransportName } from './transport-types.js';

export { TRANSPORT_NAMES, ABORTED, TIMED_OUT } from './transport-types.js';
export type { AttemptOutcome, AttemptSettings, ReadResponse, Transport, TransportName, TransportRequest } from './transport-types.js';

/** The transport for a client: the fetch transport on `fetchFn`, or the Node transport loaded on first use. */
export function createTransport(name: TransportName, fetchFn: typeof fetch): Transport {
  return name === 'node' ? lazyNodeTransport() : fetchTransport(fetchFn);
}

let nodeTransport: Transport | undefined;
let loadingNode: Promise<Transport> | undefined;

function lazyNodeTransport(): Transport {
  return (request, settings) => {
    // After the first load the call goes straight through (no extra await per call).
    if (nodeTransport) return nodeTransport(request, settings);
    loadingNode ??= import('./transport-node.js')
      .then((m) => m.createNodeTransport())
      .then(
        (send) => (nodeTransport = send),
        (cause: unknown) => {
          loadingNode = undefined;
          throw new ConfigurationError("transport: 'node' needs node:http (Node, Bun or Deno); on this runtime use the default transport ('fetch').", { cause });
        },
      );
    return loadingNode.then((send) => send(request, settings));
  };
}

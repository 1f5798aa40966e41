import type { EmulatorContext } from './context.js';
import type { FlowRecord } from './state.js';
import { publishingProblemsFor, type PublishingProblem } from '../platform/publishing.js';

export type { PublishingProblem } from '../platform/publishing.js';

/**
 * The publishing checks that apply locally (flows-platform §1.8, rules in src/platform/publishing.ts): valid JSON, a
 * publishable version, and for endpoint flows an endpoint URI and a business public key. Not emulated: business
 * verification, phone number registration, app connection (every emulated flow is connected to the emulator's
 * app), the endpoint health check and the `flows` webhook subscription.
 */
export function publishingProblems(ctx: EmulatorContext, flow: FlowRecord): PublishingProblem[] {
  const json = flow.json;
  return publishingProblemsFor({
    hasJson: json !== undefined,
    validationErrorCount: json?.validationErrors.length ?? 0,
    jsonVersion: json?.version,
    dataApiVersion: json?.dataApiVersion,
    endpointUri: flow.endpointUri,
    hasBusinessPublicKey: Object.values(ctx.state.phones).some((p) => p.publicKey),
  });
}

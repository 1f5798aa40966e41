import type { EmulatorContext } from './context.js';
import type { FlowRecord } from './state.js';
import { PUBLISHABLE_VERSIONS } from '../platform/versions.js';

export interface PublishingProblem {
  /** Meta's literal title (flows-platform §1.8, §1.9), the message of the 139002 error. */
  title: string;
  check: string;
  description: string;
  solution: string;
}

/**
 * The publishing checks that apply locally (flows-platform §1.8): valid JSON, a publishable version, and for
 * endpoint flows an endpoint URI and a business public key. Not emulated: business verification, phone number
 * registration, app connection (every emulated flow is connected to the emulator's app), the endpoint health
 * check and the `flows` webhook subscription.
 */
export function publishingProblems(ctx: EmulatorContext, flow: FlowRecord): PublishingProblem[] {
  const problems: PublishingProblem[] = [];
  const json = flow.json;
  if (!json || json.validationErrors.length > 0) {
    problems.push({
      title: 'Publishing Flow with validation errors',
      check: 'flow_json',
      description: json ? `The Flow JSON has ${json.validationErrors.length} validation error(s).` : 'No Flow JSON has been uploaded.',
      solution: json ? 'Fix the errors listed in validation_errors and upload the Flow JSON again.' : 'Upload a Flow JSON.',
    });
    return problems;
  }
  if (!json.version || !(PUBLISHABLE_VERSIONS as readonly string[]).includes(json.version)) {
    problems.push({
      title: 'Versions in Flow JSON file are not available for publishing',
      check: 'version',
      description: `Flow JSON version ${json.version ?? '(none)'} cannot be published.`,
      solution: `Use one of ${PUBLISHABLE_VERSIONS.join(', ')}.`,
    });
  }
  if (json.dataApiVersion !== undefined) {
    if (!flow.endpointUri) {
      problems.push({
        title: 'Publishing without specifying endpoint_uri is forbidden',
        check: 'endpoint_uri',
        description: 'You need to set the endpoint URI before you can send or publish a flow.',
        solution: 'Set endpoint_uri with updateFlowMetadata.',
      });
    }
    if (!Object.values(ctx.state.phones).some((p) => p.publicKey)) {
      problems.push({
        title: 'Missing Flows Signed Public Key',
        check: 'public_key',
        description: 'No business public key has been uploaded for a phone number.',
        solution: 'Upload one with encryption.setBusinessPublicKey.',
      });
    }
  }
  return problems;
}

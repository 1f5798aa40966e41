/**
 * Owns: the publishing checks that can be decided from a flow's own facts (flows-platform §1.8; each failure is a
 * 139002 error on publish, §1.9, with Meta's literal title): valid Flow JSON, a publishable version (§2.2, §5), and
 * for endpoint flows (those with `data_api_version`) an `endpoint_uri` and a signed business public key on a
 * phone number (§1.3.11).
 * Consumers: the emulator's publish, create-and-publish and health_status (src/emulator/publishing-checks.ts), and
 * `plan`/`apply` of flows as code (src/deploy/plan-flow.ts), which warns before a publish that would fail.
 * Not decided here (not knowable from the flow): business verification, the app connection, the endpoint health
 * ping and the `flows` webhook subscription.
 */
import { PUBLISHABLE_VERSIONS } from './versions.js';

/** What a publishing check needs to know about a flow and its account. */
export interface PublishingFacts {
  /** Whether Flow JSON was uploaded. */
  hasJson: boolean;
  /** Validation errors of the uploaded (or about to be uploaded) JSON. */
  validationErrorCount: number;
  /** `version` of the JSON. */
  jsonVersion?: string | undefined;
  /** `data_api_version` of the JSON: present = an endpoint flow (§2.1). */
  dataApiVersion?: string | undefined;
  /** The flow's `endpoint_uri` (metadata, §1.3.4). */
  endpointUri?: string | undefined;
  /** Whether a business public key is uploaded for a phone number of the account (§1.3.11). */
  hasBusinessPublicKey: boolean;
}

export interface PublishingProblem {
  /** Meta's literal title (flows-platform §1.8, §1.9), the message of the 139002 error. */
  title: string;
  /** The `health_status` check name. */
  check: 'flow_json' | 'version' | 'endpoint_uri' | 'public_key';
  description: string;
  solution: string;
}

/** Graph code of every failed publishing check (§1.9). */
export const PUBLISHING_ERROR_CODE = 139002;

/** The publishing checks of §1.8 that fail for these facts (empty: publishing may go ahead). */
export function publishingProblemsFor(facts: PublishingFacts): PublishingProblem[] {
  if (!facts.hasJson || facts.validationErrorCount > 0) {
    return [
      {
        title: 'Publishing Flow with validation errors',
        check: 'flow_json',
        description: facts.hasJson ? `The Flow JSON has ${facts.validationErrorCount} validation error(s).` : 'No Flow JSON has been uploaded.',
        solution: facts.hasJson ? 'Fix the errors listed in validation_errors and upload the Flow JSON again.' : 'Upload a Flow JSON.',
      },
    ];
  }
  const problems: PublishingProblem[] = [];
  if (!facts.jsonVersion || !(PUBLISHABLE_VERSIONS as readonly string[]).includes(facts.jsonVersion)) {
    problems.push({
      title: 'Versions in Flow JSON file are not available for publishing',
      check: 'version',
      description: `Flow JSON version ${facts.jsonVersion ?? '(none)'} cannot be published.`,
      solution: `Use one of ${PUBLISHABLE_VERSIONS.join(', ')}.`,
    });
  }
  // §1.8: checks 2 (public key) and 3 (endpoint URI) apply to endpoint flows only.
  if (facts.dataApiVersion !== undefined) {
    if (!facts.endpointUri) {
      problems.push({
        title: 'Publishing without specifying endpoint_uri is forbidden',
        check: 'endpoint_uri',
        description: 'You need to set the endpoint URI before you can send or publish a flow.',
        solution: 'Set endpoint_uri with updateFlowMetadata.',
      });
    }
    if (!facts.hasBusinessPublicKey) {
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

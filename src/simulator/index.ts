/**
 * `meta-cloud-api/simulator`: a WhatsApp Flows client for tests. `FlowSimulator` plays WhatsApp's side of a flow
 * session (screens, inputs, actions, the encrypted data channel) against a Flow JSON and, optionally, a data
 * endpoint; `autoAnswers` / `sim.runAuto()` walk a flow without a script. Runtime-neutral (Web Crypto, fetch).
 */
export { FlowSimulator } from './simulator.js';
export { autoAnswers, autoValue } from './auto-answers.js';
export { runInteractive, type InteractiveIO } from './interactive.js';
export { EndpointClient, type EndpointClientOptions, type WebHandler } from './endpoint-client.js';
export {
  decryptResponse,
  encryptRequest,
  flipIv,
  flowTokenSignature,
  hubSignature,
  importBusinessPublicKey,
  type EncryptedEnvelope,
  type SealedRequest,
} from './crypto-client.js';
export { evaluate, evaluateCondition, evaluateNested, type ReferenceLookup } from './evaluate.js';
export { FlowRuntime, type Effect, type FieldChange } from './runtime.js';
export { loadFlow, type FlowDefinition, type ScreenDefinition } from './flow.js';
export { checkResponse, dataProblems, type CheckedResponse, type CheckResponseOptions, type RequestContext } from './response-checks.js';
export { sampleForPattern } from './regex-sample.js';
export { testPattern, type PatternVerdict } from './pattern/index.js';
export {
  FlowTokenExpiredError,
  SimulatorError,
  SimulatorFlowError,
  SimulatorInputError,
  SimulatorPatternError,
  SimulatorProtocolError,
  type InputFailure,
} from './errors.js';
export type { VisibleComponent } from './visibility.js';
export type { FileInput, SimulatedFile } from './media.js';
export type { AutoAnswerOptions, FlowAnswers, FlowCompletion, FlowSimulatorOptions, OpenOptions, SimulatorEvent, SimulatorWarning } from './types.js';
export type { WebhookUser } from '../platform/webhook-users.js';

export { createFlowEndpointWith, type FlowEndpoint, type FlowEndpointOptions, type RawExchangeAnswer, type RawExchangeRequest } from './handler.js';
export { closeFlow } from './close-flow.js';
export { EndpointError, FlowTokenInvalidError } from './errors.js';
export { WhatsAppError, InvalidArgumentError } from '../core/base-errors.js';
export { decryptRequest, encryptResponse, parseEnvelope, type DecryptedExchange, type EncryptedRequestBody } from './protocol.js';
// Functions whose code loads on first call (issue 12): re-exporting the modules themselves would put them back in
// the startup bundle of every endpoint, whether it uses them or not.
export { verifyHubSignature, verifyFlowTokenSignature, issueFlowToken, readFlowToken, generateKeyPair, importPrivateKeyWeb, importPublicKeyWeb } from './on-demand.js';
export type { FlowCrypto } from './crypto/types.js';
export type { FlowRequest, FlowResponse, FlowErrorNotification, FlowHandler } from './types.js';
export { webCrypto } from './crypto/web.js';
export { responseChecks, type ResponseCheckOptions } from './response-checks.js';
export { decryptFlowMedia, decryptMediaBytes, FlowMediaError, type FlowMediaItem, type FlowMediaEncryptionMetadata, type DecryptFlowMediaOptions, type DecryptedFlowMedia } from './media/index.js';
export { KeyFormatError } from './keys/errors.js';
export type { EndpointMetricSample, EndpointMetricsSnapshot, MetricAction } from './metrics.js';
export type { EndpointErrorKind, LatencyBucket } from '../platform/endpoint-metrics.js';
export { memoryFlowTokens, type FlowTokenStore, type MemoryFlowTokensOptions } from './flow-tokens/store.js';
export type { FlowTokenClaims, IssueFlowTokenOptions } from './flow-tokens/token.js';
export type { FlowTokenOptions } from './flow-tokens/guard.js';
export { DEFAULT_FLOW_TOKEN_TTL_MS, DEFAULT_FLOW_TOKEN_MESSAGE, type FlowTokenRefusal } from '../platform/flow-tokens.js';
export { memoryFlowSessions, DEFAULT_FLOW_SESSION_TTL_MS, MAX_FLOW_SESSION_BYTES, type FlowSession, type FlowSessionStore, type MemoryFlowSessionsOptions } from './sessions/index.js';
export type { PrivateKeyOption } from './keys/key-set.js';
export { type CloseFlowResponse } from './close-flow.js';
export type {
  FlowRequestBase,
  DataExchangeRequest,
  InitRequest,
  BackRequest,
  TypedFlowRequest,
  ScreenResponse,
  ScreenResponses,
  TypedCloseResponse,
  ExchangeResponse,
  ScreenHandler,
  TypedScreenHandlers,
  TypedFlowEndpointOptions,
} from './typed-endpoint.js';
export type { DataOf, ExchangePayload, ExchangeScreens, NextScreens, EntryScreens, CompletionOf, FormOf } from '../contract/index.js';

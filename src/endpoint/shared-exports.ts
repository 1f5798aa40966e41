export { createFlowEndpointWith, type FlowEndpoint, type FlowEndpointOptions } from './handler.js';
export { closeFlow } from './close-flow.js';
export { EndpointError, FlowTokenInvalidError } from './errors.js';
export { WhatsAppError, InvalidArgumentError } from '../core/base-errors.js';
export { decryptRequest, encryptResponse, parseEnvelope, type DecryptedExchange, type EncryptedRequestBody } from './protocol.js';
export { verifyHubSignature, verifyFlowTokenSignature } from './signature.js';
export type { FlowCrypto } from './crypto/types.js';
export type { FlowRequest, FlowResponse, FlowErrorNotification, FlowHandler } from './types.js';
export { webCrypto } from './crypto/web.js';
export { responseChecks, type ResponseCheckOptions } from './response-checks.js';
export { decryptFlowMedia, decryptMediaBytes, FlowMediaError, type FlowMediaItem, type FlowMediaEncryptionMetadata, type DecryptFlowMediaOptions, type DecryptedFlowMedia } from './media/index.js';
export { generateKeyPair, importPrivateKeyWeb, importPublicKeyWeb, parsePem, KeyFormatError } from './keys/index.js';
export type { EndpointMetricSample, EndpointMetricsSnapshot, MetricAction } from './metrics.js';
export type { EndpointErrorKind, LatencyBucket } from '../platform/endpoint-metrics.js';
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

import { WhatsApp } from './client/client.js';

export default WhatsApp;
export { WhatsApp };
export type { ClientOptions } from './client/config.js';
export { DEFAULT_API_VERSION, DEFAULT_BASE_URL } from './client/config.js';
export * from './core/errors.js';
export { GraphCursorPage, PagePromise } from './core/pagination.js';
export type { GraphListResponse, GraphPaging } from './core/pagination.js';
export type { RequestOptions } from './internal/http.js';
export * from './enums/index.js';
export * from './client/resources/flows/index.js';
export * from './client/resources/messages/index.js';
export * from './client/resources/encryption.js';

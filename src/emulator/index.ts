/**
 * `meta-cloud-api/emulator`: a local stand-in for the Flows part of Meta's Graph API.
 *
 * ```ts
 * const emulator = createEmulator();
 * const server = await emulator.listen({ port: 0 });
 * const client = new WhatsApp({ accessToken: 'any', baseUrl: server.url });
 * ```
 */
export { createEmulator, type Emulator, type EmulatorOptions } from './emulator.js';
export type { ListenOptions, RunningServer } from './listen.js';
export type { EmulatorState, FlowRecord, MessageRecord, TemplateRecord, PhoneRecord, WabaRecord } from './state.js';
export { EmulatorDataError, EmulatorSaveError, type EmulatorPersistence, type EmulatorSnapshot } from './persistence/types.js';
export { memoryPersistence } from './persistence/memory.js';
export { EmulatorLockedError } from './persistence/directory-lock.js';
export { DEFAULT_MAX_STATE_BYTES } from './state-size.js';
export { FAULTS, type Fault } from './faults.js';
export * from './webhooks/index.js';

// Every public subpath, imported as a consumer would: type-checked under nodenext, bundler and node10 resolution
// with lib ES2022 (no DOM), types ["node"] (20 and 24), strict, no skipLibCheck. See check.mjs.
import WhatsApp, { FlowCategoryEnum, InvalidArgumentError, WhatsApp as NamedWhatsApp, WhatsAppError, type Flow } from 'meta-cloud-api';
import * as enums from 'meta-cloud-api/enums';
import * as flowJson from 'meta-cloud-api/flow-json';
import * as emulator from 'meta-cloud-api/emulator';
import * as webhooks from 'meta-cloud-api/webhooks';
import * as simulator from 'meta-cloud-api/simulator';
import * as endpoint from 'meta-cloud-api/endpoint';
import * as nodeAdapter from 'meta-cloud-api/adapters/node';
import * as expressAdapter from 'meta-cloud-api/adapters/express';
import * as fastifyAdapter from 'meta-cloud-api/adapters/fastify';
import * as honoAdapter from 'meta-cloud-api/adapters/hono';
import * as nextAdapter from 'meta-cloud-api/adapters/next';
import * as redisStores from 'meta-cloud-api/stores/redis';
import { webcrypto } from 'node:crypto';

const client = new WhatsApp({ accessToken: 't' });
export const version: string = client.apiVersion;
export const category: 'APPOINTMENT_BOOKING' = FlowCategoryEnum.Appointment;
export const published: 'PUBLISHED' = enums.FlowStatusEnum.Published;
export async function firstFlow(): Promise<Flow | undefined> {
  return (await client.flows.listFlows('1')).data[0];
}
export const valid: boolean = flowJson.validateFlowJson('{}').valid;
export const createEndpoint: typeof endpoint.createFlowEndpoint = endpoint.createFlowEndpoint;
// The default import is the client class (constructed and called above), the named export's class.
export const json: { apiVersion: string; baseUrl: string } = client.toJSON();
export const named: NamedWhatsApp = client;
export const sameClass: typeof NamedWhatsApp = WhatsApp;

// An error class re-exported by the root and by subpaths is one class: a value of one is the other, both ways.
// (None of these has a private member, so only cjs.cts's checks would tell two declarations apart.)
export const rootFromWebhooks: WhatsAppError = new webhooks.WhatsAppError('x');
export const redisFromRoot: redisStores.WhatsAppError = new WhatsAppError('x');
export const endpointFromRoot: endpoint.InvalidArgumentError = new InvalidArgumentError('x');
export const rootFromEndpoint: InvalidArgumentError = new endpoint.InvalidArgumentError('x');
export const sameErrorClass: typeof WhatsAppError = endpoint.WhatsAppError;
export const modules = [emulator, webhooks, simulator, nodeAdapter, expressAdapter, fastifyAdapter, honoAdapter, nextAdapter, redisStores];

// Keys are typed structurally (no DOM `CryptoKey`), yet pass to and from Node's Web Crypto as they are.
export async function roundTrip(pem: string, nodeKey: webcrypto.CryptoKey): Promise<unknown> {
  const key = await endpoint.importPublicKeyWeb(pem);
  await webcrypto.subtle.encrypt({ name: 'RSA-OAEP' }, key, new Uint8Array(16));
  return simulator.encryptRequest(nodeKey, { action: 'ping' });
}

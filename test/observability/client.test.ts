/** Client observability against the recording server: .withResponse(), onRequest/onResponse, META_CLOUD_API_LOG=debug. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import WhatsApp, { APIPromise, type RequestEvent, type ResponseEvent } from '../../src/index.js';
import { graphError, startGraphServer, type GraphServer } from '../helpers/graph-server.js';

const TOKEN = 'EAAG-secret-access-token-123456';
const PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----';
let server: GraphServer;
/** Every test here runs against both transports (issue 13): the default fetch and the opt-in node:http. */
const TRANSPORTS = ['fetch', 'node'] as const;
let transport: (typeof TRANSPORTS)[number] = 'fetch';
beforeAll(async () => {
  server = await startGraphServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.handle(() => ({ json: { id: '42', name: 'Menu' }, headers: { 'x-fb-trace-id': 'TraceAbc123', 'x-business-use-case-usage': '{"1":[]}' } }));
});
afterEach(() => vi.unstubAllEnvs());

const client = (options: ConstructorParameters<typeof WhatsApp>[0] = {}) =>
  new WhatsApp({ accessToken: TOKEN, baseUrl: server.url, businessAcctId: '111', phoneNumberId: '222', maxRetries: 0, transport, ...options });

describe.each(TRANSPORTS)('transport: %s', (name) => {
  beforeAll(() => {
    transport = name;
  });

  describe('APIPromise: await works as before, .withResponse() adds the answer', () => {
    it('a method returns an APIPromise, a Promise whose await gives the data exactly as before', async () => {
      const call = client().flows.getFlow('42');
      expect(call).toBeInstanceOf(APIPromise);
      expect(call).toBeInstanceOf(Promise);
      expect(await call).toEqual({ id: '42', name: 'Menu' });
      // .then/.catch/.finally give plain Promises of the same data.
      const chained = call.then((flow) => flow.id);
      expect(chained).not.toBeInstanceOf(APIPromise);
      expect(await chained).toBe('42');
      expect(await call.finally(() => undefined)).toEqual({ id: '42', name: 'Menu' });
      expect(server.requests).toHaveLength(1); // awaiting twice sends once
    });

    it('.withResponse() gives { data, response } with status, headers and x-fb-trace-id; the URL is redacted', async () => {
      const { data, response } = await client({ appSecret: 'app-secret-xyz-789', appSecretProof: true }).flows.getFlow('42', { fields: ['id'] }).withResponse();
      expect(data).toEqual({ id: '42', name: 'Menu' });
      expect(response.status).toBe(200);
      expect(response.traceId).toBe('TraceAbc123');
      expect(response.headers.get('x-fb-trace-id')).toBe('TraceAbc123');
      expect(response.headers.get('x-business-use-case-usage')).toBe('{"1":[]}');
      expect(response.method).toBe('GET');
      expect(response.url).toMatch(/\/v\d+\.0\/42\?fields=id&appsecret_proof=\[REDACTED\]$/);
      expect(response.durationMs).toBeGreaterThanOrEqual(0);
    });

    it('every kind of method has it: lists, uploads, messages, encryption, methods built on others', async () => {
      const c = client();
      const calls = [
        c.flows.listFlows(),
        c.flows.getFlowAssets('42'),
        c.flows.createFlow({ name: 'x' }),
        c.flows.updateFlowMetadata('42', { name: 'y' }),
        c.flows.uploadFlowJson('42', { version: '7.3', screens: [] }),
        c.flows.publishFlow('42'),
        c.flows.deprecateFlow('42'),
        c.flows.deleteFlow('42'),
        c.flows.getFlowPreview('42'),
        c.flows.migrateFlows('999', { source_waba_id: '111' }),
        c.messages.template({ to: '15551234567', name: 'hello', language: 'en_US' }),
        c.encryption.getBusinessPublicKey(),
        c.encryption.setBusinessPublicKey(PUBLIC_KEY),
      ];
      for (const call of calls) {
        const { response } = await call.withResponse();
        expect(response).toMatchObject({ status: 200, traceId: 'TraceAbc123' });
      }
    });

    it('a failing call rejects .withResponse() with the same error as await', async () => {
      server.handle(() => ({ status: 404, json: graphError(100, 'Unsupported get request') }));
      const call = client().flows.getFlow('42');
      await expect(call).rejects.toBeInstanceOf(WhatsApp.NotFoundError);
      await expect(call.withResponse()).rejects.toBeInstanceOf(WhatsApp.NotFoundError);
      // Handlers typed (e: Error) keep compiling and working.
      expect(await call.catch((e: Error) => e.name)).toBe('NotFoundError');
    });
  });

  describe('onRequest / onResponse hooks', () => {
    it('are called once per attempt, retries included, with the redacted URL, status, trace id and duration; never the token', async () => {
      server.enqueue({ status: 503, json: graphError(2, 'Service temporarily unavailable'), headers: { 'x-fb-trace-id': 'First', 'retry-after': '0' } });
      const requests: RequestEvent[] = [];
      const responses: ResponseEvent[] = [];
      const c = client({ maxRetries: 1, onRequest: (e) => requests.push(e), onResponse: (e) => responses.push(e) });
      await c.flows.getFlow('42');
      expect(requests.map((e) => [e.method, e.attempt])).toEqual([['GET', 1], ['GET', 2]]);
      expect(responses.map((e) => [e.status, e.traceId, e.attempt])).toEqual([[503, 'First', 1], [200, 'TraceAbc123', 2]]);
      expect(responses[1]!.durationMs).toBeGreaterThanOrEqual(0);
      expect(JSON.stringify([requests, responses.map(({ headers: _, ...rest }) => rest)])).not.toContain(TOKEN);
    });

    it('report an attempt without an answer as a failure; a throwing hook changes nothing', async () => {
      server.enqueue({ destroy: true });
      const responses: ResponseEvent[] = [];
      const c = client({ onRequest: () => { throw new Error('hook bug'); }, onResponse: (e) => { responses.push(e); throw new Error('hook bug'); } });
      await expect(c.flows.getFlow('42')).rejects.toBeInstanceOf(WhatsApp.APIConnectionError);
      expect(responses).toEqual([expect.objectContaining({ failure: 'network error', attempt: 1 })]);
      expect(responses[0]!.status).toBeUndefined();
      expect(await c.flows.getFlow('42')).toEqual({ id: '42', name: 'Menu' });
    });

    it('must be functions', () => {
      expect(() => client({ onResponse: 'log' as never })).toThrow(/onResponse must be a function/);
    });
  });

  describe('META_CLOUD_API_LOG=debug', () => {
    it('prints one line per attempt to stderr: request line, status, duration, trace id; redacted', async () => {
      vi.stubEnv('META_CLOUD_API_LOG', 'debug');
      const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        await client({ appSecret: 'app-secret-xyz-789', appSecretProof: true }).flows.getFlow('42');
        expect(log).toHaveBeenCalledTimes(1);
        const line = String(log.mock.calls[0]![0]);
        expect(line).toMatch(/^meta-cloud-api: GET http:\/\/127\.0\.0\.1:\d+\/v\d+\.0\/42\?appsecret_proof=\[REDACTED\] → 200 in \d+ ms \(x-fb-trace-id TraceAbc123\)$/);
        expect(line).not.toContain(TOKEN);
      } finally {
        log.mockRestore();
      }
    });

    it('prints nothing when unset', async () => {
      const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        await client().flows.getFlow('42');
        expect(log).not.toHaveBeenCalled();
      } finally {
        log.mockRestore();
      }
    });
  });
});

import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WhatsApp, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  GraphApiError,
  InternalServerError,
  RateLimitError,
} from '../src/index.js';
import { graphError, startGraphServer, type GraphServer } from './helpers/graph-server.js';

let server: GraphServer;
/** Every client test here runs against both transports (issue 13): the default fetch and the opt-in node:http. */
const TRANSPORTS = ['fetch', 'node'] as const;
let transport: (typeof TRANSPORTS)[number] = 'fetch';
const TOKEN = 'EAAG-secret-token-value-0123456789';
const SECRET = 'app-secret-value-abcdef';
const make = (extra: Partial<ConstructorParameters<typeof WhatsApp>[0]> = {}) =>
  new WhatsApp({ accessToken: TOKEN, appSecret: SECRET, businessAcctId: '111', phoneNumberId: '222', baseUrl: server.url, transport, ...extra });

beforeAll(async () => {
  server = await startGraphServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.handle(() => ({ json: { success: true } }));
});

describe.each(TRANSPORTS)('transport: %s', (name) => {
  beforeAll(() => {
    transport = name;
  });

  describe('Graph errors', () => {
    it('carry Meta\'s fields and work with the seed\'s error-handling sample', async () => {
      const body = {
        error: {
          message: 'Publishing Flow with validation errors',
          type: 'OAuthException',
          code: 139002,
          error_subcode: 4233030,
          is_transient: false,
          error_user_title: 'Flow publishing failed',
          error_user_msg: 'Fix the validation errors first.',
          fbtrace_id: 'AXyz',
        },
      };
      server.handle(() => ({ status: 400, json: body, headers: { 'x-fb-trace-id': 'AXyz' } }));
      const client = make({ maxRetries: 3 });
      const error = await client.flows.publishFlow('FLOW_ID').catch((e) => e);
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error).toBeInstanceOf(GraphApiError);
      expect(error).toBeInstanceOf(WhatsApp.GraphApiError);
      expect(error).toMatchObject({
        status: 400,
        code: 139002,
        subcode: 4233030,
        type: 'OAuthException',
        fbtraceId: 'AXyz',
        userTitle: 'Flow publishing failed',
        userMessage: 'Fix the validation errors first.',
        isTransient: false,
      });
      expect(error.response.data).toEqual(body);
      expect(error.response.status).toBe(400);
      expect(error.response.headers['x-fb-trace-id']).toBe('AXyz');
      expect(error.message).toContain('Publishing Flow with validation errors (code 139002, subcode 4233030)');
      expect(server.requests).toHaveLength(1); // a 400 is never retried

      // The seed's sample, unchanged:
      let printed = '';
      try {
        await client.flows.publishFlow('FLOW_ID');
      } catch (error: any) {
        if (error.response) {
          const { code, message } = error.response.data.error;
          switch (code) {
            case 100:
              printed = 'Flow has validation errors';
              break;
            default:
              printed = `Error ${code}: ${message}`;
          }
        }
      }
      expect(printed).toBe('Error 139002: Publishing Flow with validation errors');
    });

    it('map statuses to subclasses and keep non-JSON bodies readable', async () => {
      server.handle(() => ({ status: 401, json: graphError(190, 'Invalid OAuth access token.') }));
      await expect(make({ maxRetries: 0 }).flows.getFlow('1')).rejects.toBeInstanceOf(AuthenticationError);
      server.handle(() => ({ status: 502, body: '<html>Bad gateway</html>' }));
      const e = await make({ maxRetries: 0 }).flows.getFlow('1').catch((x) => x);
      expect(e).toBeInstanceOf(InternalServerError);
      expect(e.isTransient).toBe(true);
      expect(e.response.data.error.message).toMatch(/HTTP 502.*Bad gateway/);
    });

    it('never contain the access token or app secret', async () => {
      server.handle(() => ({
        status: 400,
        json: graphError(190, `Malformed access token ${TOKEN} (secret ${SECRET}) in https://x/?access_token=${TOKEN}`),
      }));
      const client = make({ maxRetries: 0, appSecretProof: true });
      const error = await client.flows.getFlow('1').catch((e) => e);
      expect(error).toBeInstanceOf(GraphApiError);
      for (const text of [error.message, String(error), error.stack, JSON.stringify(error), inspect(error, { depth: 10 }), JSON.stringify(error.response)]) {
        expect(text).not.toContain(TOKEN);
        expect(text).not.toContain(SECRET);
      }
      expect(error.message).toContain('[REDACTED]');
      // appsecret_proof travels in the URL but is redacted in the error's request summary.
      expect(server.requests[0]!.query.get('appsecret_proof')).toMatch(/^[0-9a-f]{64}$/);
      expect(error.request.url).toContain('appsecret_proof=[REDACTED]');
      expect(inspect(client)).not.toContain(TOKEN);
      expect(JSON.stringify(client)).not.toContain(TOKEN);
    });

    it('appsecret_proof is the HMAC-SHA256 of the token with the app secret', async () => {
      const { createHmac } = await import('node:crypto');
      await make({ appSecretProof: true }).flows.getFlow('1');
      expect(server.requests[0]!.query.get('appsecret_proof')).toBe(createHmac('sha256', SECRET).update(TOKEN).digest('hex'));
      await make().flows.getFlow('1');
      expect(server.requests[1]!.query.has('appsecret_proof')).toBe(false);
    });
  });

  describe('retries', () => {
    it('retry reads on 5xx and throttling codes, honouring Retry-After', async () => {
      server.enqueue(
        { status: 500, json: graphError(2, 'Service temporarily unavailable'), headers: { 'retry-after': '0' } },
        { status: 400, json: graphError(80007, 'Rate limit hit'), headers: { 'retry-after': '0' } },
      );
      server.handle(() => ({ json: { id: '1', name: 'ok' } }));
      expect(await make({ maxRetries: 2 }).flows.getFlow('1')).toEqual({ id: '1', name: 'ok' });
      expect(server.requests).toHaveLength(3);
    });

    it('stop after maxRetries and throw the last error', async () => {
      server.handle(() => ({ status: 503, json: graphError(2, 'down'), headers: { 'retry-after': '0' } }));
      await expect(make({ maxRetries: 1 }).flows.getFlow('1')).rejects.toBeInstanceOf(InternalServerError);
      expect(server.requests).toHaveLength(2);
    });

    it('do not repeat a create or a send after a 5xx (it may have taken effect)', async () => {
      server.handle(() => ({ status: 500, json: graphError(1, 'unknown') }));
      await expect(make({ maxRetries: 3 }).flows.createFlow('111', { name: 'a', categories: ['OTHER'] })).rejects.toBeInstanceOf(InternalServerError);
      expect(server.requests).toHaveLength(1);
      await expect(make({ maxRetries: 3 }).messages.flow({ to: '15551234567', flowId: '1', cta: 'a', body: 'b' })).rejects.toBeInstanceOf(InternalServerError);
      expect(server.requests).toHaveLength(2);
    });

    it('repeat a create that Meta throttled (it did not take effect)', async () => {
      server.enqueue(
        { status: 429, json: graphError(130429, 'Rate limit hit'), headers: { 'retry-after': '0' } },
        { status: 400, json: graphError(4, 'Application request limit reached'), headers: { 'retry-after': '0' } },
      );
      server.handle(() => ({ json: { id: '77' } }));
      expect(await make({ maxRetries: 2 }).flows.createFlow('111', { name: 'a' })).toEqual({ id: '77' });
      expect(server.requests).toHaveLength(3);
      server.requests.length = 0;
      server.enqueue({ status: 429, json: graphError(130429, 'Rate limit hit'), headers: { 'retry-after': '0' } });
      const e = await make({ maxRetries: 0 }).flows.createFlow('111', { name: 'a' }).catch((x) => x);
      expect(e).toBeInstanceOf(RateLimitError);
      expect(e.isThrottled).toBe(true);
    });

    it('repeat a create when the connection was refused, but not after a reset mid-request', async () => {
      const closed = await startGraphServer();
      const port = closed.port;
      await closed.close();
      let attempts = 0;
      const client = new WhatsApp({ accessToken: TOKEN, baseUrl: `http://127.0.0.1:${port}`, maxRetries: 2, transport, onRequest: () => attempts++ });
      const e = await client.flows.createFlow('111', { name: 'a' }).catch((x) => x);
      expect(attempts).toBe(3);
      expect(e).toBeInstanceOf(APIConnectionError);
      expect((e.cause as { code?: string }).code).toBe('ECONNREFUSED');
      expect(e.message).not.toContain(TOKEN);

      server.handle(() => ({ destroy: true }));
      await expect(make({ maxRetries: 2 }).flows.createFlow('111', { name: 'a' })).rejects.toBeInstanceOf(APIConnectionError);
      expect(server.requests).toHaveLength(1);
      server.requests.length = 0;
      await expect(make({ maxRetries: 2 }).flows.getFlow('1')).rejects.toBeInstanceOf(APIConnectionError);
      expect(server.requests).toHaveLength(3); // reads are retried
    });
  });

  describe('timeouts and aborts', () => {
    it('time out each attempt and retry reads', async () => {
      server.enqueue({ delayMs: 400, json: {} });
      server.handle(() => ({ json: { id: '1' } }));
      expect(await make({ timeout: 100, maxRetries: 1 }).flows.getFlow('1')).toEqual({ id: '1' });
      expect(server.requests).toHaveLength(2);
    });

    it('reject with APIConnectionTimeoutError, and never repeat a timed-out send', async () => {
      server.handle(() => ({ delayMs: 400, json: {} }));
      const e = await make({ timeout: 100, maxRetries: 3 }).messages.flow({ to: '15551234567', flowId: '1', cta: 'a', body: 'b' }).catch((x) => x);
      expect(e).toBeInstanceOf(APIConnectionTimeoutError);
      expect(e.message).toMatch(/timed out after 100 ms/);
      expect(server.requests).toHaveLength(1);
    });

    it('per-call options override the client and a caller signal aborts', async () => {
      server.handle(() => ({ delayMs: 300, json: {} }));
      await expect(make({ timeout: 10_000 }).flows.getFlow('1', {}, { timeout: 50, maxRetries: 0 })).rejects.toBeInstanceOf(APIConnectionTimeoutError);
      const controller = new AbortController();
      // Abort once the request is in flight: when the server has it (a signal, not a guessed delay).
      server.handle(() => {
        controller.abort();
        return { delayMs: 300, json: {} };
      });
      const pending = make().flows.getFlow('1', {}, { signal: controller.signal });
      await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    });
  });

  describe('waiting between attempts', () => {
    it('ends at once when the caller aborts, and never retries earlier than a long Retry-After asks', async () => {
      server.handle(() => ({ status: 429, json: graphError(130429, 'Rate limit hit'), headers: { 'retry-after': '30' } }));
      const controller = new AbortController();
      const started = Date.now();
      // Abort once the 429 (with its 30 s Retry-After) has been received in full, i.e. during the wait.
      // onResponse runs once the answer has been read in full.
      const abortAfterAnswer = () => setImmediate(() => controller.abort());
      const pending = make({ maxRetries: 2, onResponse: abortAfterAnswer }).flows.getFlow('1', {}, { signal: controller.signal });
      await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
      expect(Date.now() - started).toBeLessThan(10_000);

      server.requests.length = 0;
      server.handle(() => ({ status: 429, json: graphError(130429, 'Rate limit hit'), headers: { 'retry-after': '3600' } }));
      await expect(make({ maxRetries: 2 }).flows.getFlow('1')).rejects.toBeInstanceOf(RateLimitError);
      expect(server.requests).toHaveLength(1);
    });

    it('refuses ids made only of dots (URL parsing would drop them)', async () => {
      await expect(make().flows.getFlow('..')).rejects.toThrow(/not a valid Graph id/);
      await expect(make().flows.deleteFlow('.')).rejects.toThrow(/not a valid Graph id/);
    });
  });
});

describe('one error root', () => {
  it("every area's error extends WhatsAppError and keeps its name", async () => {
    const { WhatsAppError, ResponseTooLargeError, CrossOriginRedirectError } = await import('../src/index.js');
    const { EndpointError, FlowTokenInvalidError, KeyFormatError, InvalidArgumentError } = await import('../src/endpoint/shared-exports.js');
    const { WebhookPayloadError, parseWebhookEvents } = await import('../src/webhooks/index.js');
    const { SimulatorError, SimulatorProtocolError, SimulatorInputError, FlowTokenExpiredError, SimulatorFlowError } = await import('../src/simulator/errors.js');
    const { GraphError } = await import('../src/emulator/graph-error.js');
    const { EmulatorDataError, EmulatorSaveError } = await import('../src/emulator/persistence/types.js');
    const { UsageError, CommandError } = await import('../src/cli/errors.js');
    const { FlowMediaError } = await import('../src/endpoint/media/index.js');
    const made: Array<[Error, string]> = [
      [new EndpointError(400, 'x'), 'EndpointError'],
      [new FlowTokenInvalidError(), 'FlowTokenInvalidError'],
      [new KeyFormatError('x', 'INVALID_PEM'), 'KeyFormatError'],
      [new InvalidArgumentError('x'), 'InvalidArgumentError'],
      [new WebhookPayloadError('x'), 'WebhookPayloadError'],
      [new SimulatorError('x'), 'SimulatorError'],
      [new SimulatorProtocolError('timeout_error', 'x'), 'SimulatorProtocolError'],
      [new SimulatorInputError([{ screen: 'A', field: 'f', component: 'TextInput', rule: 'required', message: 'x' }]), 'SimulatorInputError'],
      [new FlowTokenExpiredError(undefined), 'FlowTokenExpiredError'],
      [new SimulatorFlowError('x'), 'SimulatorFlowError'],
      [new GraphError({ code: 100, message: 'x' }), 'GraphError'],
      [new EmulatorDataError('x'), 'EmulatorDataError'],
      [new EmulatorSaveError('x'), 'EmulatorSaveError'],
      [new UsageError('x'), 'UsageError'],
      [new CommandError('x'), 'CommandError'],
      [new FlowMediaError('x' as never, 'x'), 'FlowMediaError'],
      [new ResponseTooLargeError(1), 'ResponseTooLargeError'],
      [new CrossOriginRedirectError('POST', 'http://a/', 'http://b/', 307), 'CrossOriginRedirectError'],
    ];
    for (const [error, name] of made) {
      expect(error, name).toBeInstanceOf(WhatsAppError);
      expect(error, name).toBeInstanceOf(Error);
      expect(error.name).toBe(name);
    }
    // Thrown, not only constructed: the webhook parser's error.
    expect(() => parseWebhookEvents({ object: 'page' })).toThrow(WhatsAppError);
    // Keys: codes stay.
    expect(new KeyFormatError('x', 'WRONG_KEY_SIZE').code).toBe('WRONG_KEY_SIZE');
    expect(new UsageError('x').exitCode).toBe(2);
  });
});

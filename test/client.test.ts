import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WhatsApp, { ConfigurationError, FlowCategoryEnum as RootCategories, InvalidArgumentError } from '../src/index.js';
import { FlowCategoryEnum, FlowMetricGranularityEnum, FlowMetricNameEnum, FlowStatusEnum, FlowActionEnum } from '../src/enums/index.js';
import { GRAPH_API_VERSIONS, graphVersionInfo } from '../src/platform/graph-versions.js';
import { startGraphServer, type GraphServer } from './helpers/graph-server.js';

const ENV_NAMES = ['CLOUD_API_ACCESS_TOKEN', 'WA_PHONE_NUMBER_ID', 'WA_BUSINESS_ACCOUNT_ID', 'CLOUD_API_VERSION', 'WA_BASE_URL', 'WA_APP_SECRET'];
let server: GraphServer;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  server = await startGraphServer();
  server.handle(() => ({ json: { data: [] } }));
  for (const n of ENV_NAMES) saved[n] = process.env[n];
});
afterAll(() => server.close());
afterEach(() => {
  for (const n of ENV_NAMES) {
    if (saved[n] === undefined) delete process.env[n];
    else process.env[n] = saved[n];
  }
  server.requests.length = 0;
});

describe('new WhatsApp(config)', () => {
  it('prints nothing and sends nothing', () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const write = vi.spyOn(process.stdout, 'write');
    const ewrite = vi.spyOn(process.stderr, 'write');
    new WhatsApp({});
    new WhatsApp({ accessToken: 'x', baseUrl: server.url });
    for (const s of [...spies, write, ewrite]) expect(s).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect(server.requests).toHaveLength(0);
  });

  it('accepts every spelling of the API version', () => {
    for (const v of [23, '23', '23.0', 'v23', 'v23.0', 'V23.0']) expect(new WhatsApp({ apiVersion: v }).apiVersion).toBe('v23.0');
    expect(new WhatsApp({}).apiVersion).toBe('v25.0');
    expect(() => new WhatsApp({ apiVersion: 'latest' })).toThrow(InvalidArgumentError);
  });

  // flows-platform §6.3: v26.0 (2026-07-29) and v27.0 (2026-11-04) exist; the default stays v25.0, the version
  // with the latest published end date (2028-07-29).
  it('accepts Graph v26.0 and v27.0; the default is the version available longest', async () => {
    for (const v of [26, 'v26.0', '27', '27.0', 'v27.0']) expect(new WhatsApp({ apiVersion: v }).apiVersion).toBe(`v${String(v).replace(/^v/, '').replace(/\.0$/, '')}.0`);
    await new WhatsApp({ accessToken: 't', businessAcctId: '1', baseUrl: server.url, apiVersion: 'v27.0' }).flows.listFlows();
    expect(server.requests.at(-1)!.path).toBe('/v27.0/1/flows');
    const withEnd = GRAPH_API_VERSIONS.filter((v) => v.availableUntil);
    const longest = withEnd.reduce((a, b) => (a.availableUntil! >= b.availableUntil! ? a : b));
    expect(new WhatsApp({}).apiVersion).toBe(longest.version);
    expect(graphVersionInfo('v25.0')).toMatchObject({ availableUntil: '2028-07-29' });
    expect(graphVersionInfo('v27.0')).toMatchObject({ released: '2026-11-04' });
  });

  it('validates baseUrl and keeps a path prefix', () => {
    expect(new WhatsApp({}).baseUrl).toBe('https://graph.facebook.com');
    expect(new WhatsApp({ baseUrl: 'http://127.0.0.1:4010/' }).baseUrl).toBe('http://127.0.0.1:4010');
    expect(new WhatsApp({ baseUrl: 'http://localhost:8080/graph/' }).baseUrl).toBe('http://localhost:8080/graph');
    expect(() => new WhatsApp({ baseUrl: 'graph.facebook.com' })).toThrow(/not a URL/);
    expect(() => new WhatsApp({ baseUrl: 'https://graph.facebook.com/v18.0' })).toThrow(/ends with a Graph version.*apiVersion/);
    expect(() => new WhatsApp({ baseUrl: 'ftp://x' })).toThrow(/http or https/);
    expect(() => new WhatsApp({ timeout: -1 })).toThrow(/timeout/);
    expect(() => new WhatsApp({ timeout: 'x' as never })).toThrow(/timeout/);
    expect(() => new WhatsApp({ maxRetries: 1.5 })).toThrow(/maxRetries must be an integer/);
  });

  it('falls back to the environment variables', async () => {
    process.env.CLOUD_API_ACCESS_TOKEN = 'env-token-123';
    process.env.WA_PHONE_NUMBER_ID = '444';
    process.env.WA_BUSINESS_ACCOUNT_ID = '555';
    process.env.CLOUD_API_VERSION = '21';
    process.env.WA_BASE_URL = server.url;
    const client = new WhatsApp();
    expect(client.apiVersion).toBe('v21.0');
    await client.flows.listFlows();
    const r = server.requests[0]!;
    expect(r.path).toBe('/v21.0/555/flows');
    expect(r.headers.authorization).toBe('Bearer env-token-123');
    server.handle(() => ({ json: { messages: [{ id: 'w' }] } }));
    await client.messages.flow({ to: '15551234567', flowId: '1', cta: 'a', body: 'b' });
    expect(server.requests[1]!.path).toBe('/v21.0/444/messages');
    // Options win over the environment.
    await new WhatsApp({ accessToken: 'opt-token', businessAcctId: '666', apiVersion: '22.0' }).flows.listFlows();
    expect(server.requests[2]!.path).toBe('/v22.0/666/flows');
    expect(server.requests[2]!.headers.authorization).toBe('Bearer opt-token');
    server.handle(() => ({ json: { data: [] } }));
  });

  it('a missing token is a clear error at the first call, naming the option and the variable', async () => {
    delete process.env.CLOUD_API_ACCESS_TOKEN;
    const client = new WhatsApp({ baseUrl: server.url, businessAcctId: '1' });
    const e: any = await client.flows.listFlows().catch((x) => x);
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toMatch(/accessToken.*CLOUD_API_ACCESS_TOKEN/);
    expect(server.requests).toHaveLength(0);
  });

  it('a missing WABA id names businessAcctId and WA_BUSINESS_ACCOUNT_ID', async () => {
    delete process.env.WA_BUSINESS_ACCOUNT_ID;
    await expect(new WhatsApp({ accessToken: 't', baseUrl: server.url }).flows.listFlows()).rejects.toThrow(/businessAcctId.*WA_BUSINESS_ACCOUNT_ID/);
  });

  it('an id number that lost precision is refused rather than sent wrong', async () => {
    const client = new WhatsApp({ accessToken: 't', baseUrl: server.url, businessAcctId: 2 ** 60 });
    await expect(client.flows.listFlows()).rejects.toThrow(/not a safe integer \(pass the id as a string\)/);
  });

  it('exposes the error classes as statics', () => {
    expect(WhatsApp.GraphApiError.name).toBe('GraphApiError');
    expect(WhatsApp.APIConnectionTimeoutError.name).toBe('APIConnectionTimeoutError');
  });
});

describe('enums', () => {
  it('use the seed\'s member names with Meta\'s values', () => {
    expect(RootCategories).toBe(FlowCategoryEnum);
    expect(FlowCategoryEnum).toEqual({
      SignUp: 'SIGN_UP',
      SignIn: 'SIGN_IN',
      Appointment: 'APPOINTMENT_BOOKING',
      LeadGeneration: 'LEAD_GENERATION',
      ContactUs: 'CONTACT_US',
      CustomerSupport: 'CUSTOMER_SUPPORT',
      Survey: 'SURVEY',
      Other: 'OTHER',
    });
    expect(Object.values(FlowStatusEnum).sort()).toEqual(['BLOCKED', 'DEPRECATED', 'DRAFT', 'PUBLISHED', 'THROTTLED']);
    expect(FlowActionEnum).toEqual({ Navigate: 'navigate', DataExchange: 'data_exchange' });
    expect(Object.values(FlowMetricNameEnum)).toHaveLength(5);
    expect(Object.values(FlowMetricGranularityEnum)).toEqual(['DAY', 'HOUR', 'LIFETIME']);
  });
});

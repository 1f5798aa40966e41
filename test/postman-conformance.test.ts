import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WhatsApp from '../src/index.js';
import { startGraphServer, type GraphServer, type RecordedRequest } from './helpers/graph-server.js';

/**
 * Meta's own Postman collection of the Flows API (test/fixtures/meta-flows-tools, MIT, from WhatsApp-Flows-Tools):
 * for every request in it that the client covers, the client must send the same method, path, query and body.
 * Not covered by this client: "Get WABA", "Get WABA Phone Numbers", "Register Phone Number" and the three
 * "Create Flow Template Message" requests (template management is outside this SDK's flows client).
 */
interface PostmanItem {
  name: string;
  item?: PostmanItem[];
  request?: {
    method: string;
    url: string | { raw: string };
    body?: { mode: string; raw?: string; formdata?: Array<{ key: string; value?: string; type: string }> };
  };
}

const collection = JSON.parse(readFileSync(new URL('./fixtures/meta-flows-tools/whatsapp-flows-api.postman_collection.json', import.meta.url), 'utf8'));
const VARS: Record<string, string> = {
  'waba-id': '102290129340398',
  'flow-id': '1234567890',
  'flow-name': 'my_flow',
  'business-phone-number-id': '106540352242922',
  'customer-phone-number': '15551234567',
};
const PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKC\n...\n8QIDAQAB\n-----END PUBLIC KEY-----';
const sub = (s: string) => s.replace(/\{\{([\w-]+)\}\}/g, (_, k: string) => VARS[k] ?? `{{${k}}}`);

function items(list: PostmanItem[]): PostmanItem[] {
  return list.flatMap((i) => (i.item ? items(i.item) : [i]));
}
const byName = new Map(items(collection.item).map((i) => [i.name, i]));
const rawBody = (name: string) => JSON.parse(sub(byName.get(name)!.request!.body!.raw!));

let server: GraphServer;
let client: WhatsApp;
beforeAll(async () => {
  server = await startGraphServer();
  server.handle((req) =>
    req.path.endsWith('/assets') && req.method === 'GET'
      ? { json: { data: [] } }
      : { json: { id: '1', success: true, data: [], migrated_flows: [], failed_flows: [], messages: [{ id: 'w' }] } },
  );
  client = new WhatsApp({ accessToken: 'postman', baseUrl: server.url, apiVersion: 'v18.0', phoneNumberId: VARS['business-phone-number-id'], maxRetries: 0 });
});
afterAll(() => server.close());

const waba = VARS['waba-id']!;
const flowId = VARS['flow-id']!;
const file = new File(['{"version":"7.3","screens":[]}'], 'flow.json', { type: 'application/json' });
const metric = (name: string, granularity: 'DAY' | 'LIFETIME') => () => client.flows.getFlowMetrics(flowId, { name: name as never, granularity, since: '2024-01-28', until: '2024-01-30' });

const CALLS: Record<string, () => Promise<unknown>> = {
  'Create Flow': () => client.flows.createFlow(waba, { name: '<FLOW_NAME>', categories: ['OTHER'], clone_flow_id: 'EXISTING_FLOW_ID', endpoint_uri: 'https://example.com' }),
  'Migrate Flows': () => client.flows.migrateFlows(waba, { source_waba_id: 'SOURCE_WABA_ID', source_flow_names: ['appointment', 'leadgen'] }),
  'Get Flow': () =>
    client.flows.getFlow(flowId, { fields: 'id,name,categories,preview,status,validation_errors,json_version,data_api_version,data_channel_uri,health_status,whatsapp_business_account,application' }),
  'Get Preview URL': () => client.flows.getFlowPreview(flowId),
  'List Flows': () => client.flows.listFlows(waba),
  'Update Flow JSON': () => client.flows.uploadFlowJson(flowId, file),
  'Publish Flow': () => client.flows.publishFlow(flowId),
  'Update Flow Metadata': () => client.flows.updateFlowMetadata(flowId, { name: '<NEW_FLOW_NAME>', categories: ['OTHER'], endpoint_uri: 'https://example.com' }),
  'List Assets (Get Flow JSON URL)': () => client.flows.getFlowAssets(flowId),
  'Deprecate Flow': () => client.flows.deprecateFlow(flowId),
  'Delete Flow': () => client.flows.deleteFlow(flowId),
  'Set Encryption Public Key': () => client.encryption.setBusinessPublicKey(PUBLIC_KEY),
  'Get Encryption Public Key': () => client.encryption.getBusinessPublicKey(),
  'Send Draft Flow by Name': () => client.messages.interactive(rawBody('Send Draft Flow by Name')),
  'Send Draft Flow by ID': () => client.messages.interactive(rawBody('Send Draft Flow by ID')),
  'Send Published Flow by Name': () => client.messages.interactive(rawBody('Send Published Flow by Name')),
  'Send Published Flow by ID': () => client.messages.interactive(rawBody('Send Published Flow by ID')),
  'Send Flow Template Message': () => client.messages.template({ ...rawBody('Send Flow Template Message').template, to: VARS['customer-phone-number'] }),
  'Get Endpoint Request Count Metric': metric('ENDPOINT_REQUEST_COUNT', 'DAY'),
  'Get Endpoint Request Error Metric': metric('ENDPOINT_REQUEST_ERROR', 'DAY'),
  'Get Endpoint Request Error Rate Metric': metric('ENDPOINT_REQUEST_ERROR_RATE', 'LIFETIME'),
  'Get Endpoint Request Latencies Metric': metric('ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL', 'DAY'),
  'Get Endpoint Availability Metric': metric('ENDPOINT_AVAILABILITY', 'DAY'),
};

/** A form value as Meta reads it: JSON-encoded lists compare by content, not spacing. */
const normal = (v: string) => (/^\s*\[/.test(v) ? JSON.stringify(JSON.parse(v)) : v);

async function bodyFields(req: RecordedRequest): Promise<Record<string, string>> {
  const type = String(req.headers['content-type'] ?? '');
  const entries = type.startsWith('application/x-www-form-urlencoded') ? [...new URLSearchParams(req.text)] : [...(await req.form())];
  return Object.fromEntries(entries.map(([k, v]) => [k, typeof v === 'string' ? normal(v.replace(/\r\n/g, '\n')) : '<file>']));
}

describe("Meta's Postman collection", () => {
  it('names every request this test covers', () => {
    for (const name of Object.keys(CALLS)) expect(byName.has(name), name).toBe(true);
  });

  for (const [name, call] of Object.entries(CALLS)) {
    it(`sends what Postman sends: ${name}`, async () => {
      const item = byName.get(name)!.request!;
      server.requests.length = 0;
      await call();
      expect(server.requests).toHaveLength(1);
      const sent = server.requests[0]!;
      const expected = new URL(sub(typeof item.url === 'string' ? item.url : item.url.raw).replace('{{base-url}}', `${server.url}/v18.0`));
      expect(sent.method).toBe(item.method);
      expect(sent.path.replace(/\/$/, '')).toBe(expected.pathname.replace(/\/$/, ''));
      expect(Object.fromEntries(sent.query)).toEqual(Object.fromEntries(expected.searchParams));
      const body = item.body;
      if (body?.mode === 'raw' && body.raw?.trim()) {
        expect(sent.json()).toEqual(JSON.parse(sub(body.raw)));
      } else if (body?.mode === 'formdata' && body.formdata?.length && item.method !== 'GET') {
        const want = Object.fromEntries(body.formdata.map((f) => [f.key, f.type === 'file' ? '<file>' : normal(sub(f.value ?? '').replace(/<EXISTING_FLOW_ID>/, 'EXISTING_FLOW_ID').replace(/<SOURCE_WABA_ID>/, 'SOURCE_WABA_ID'))]));
        expect(await bodyFields(sent)).toEqual(want);
      } else {
        expect(sent.body.length).toBe(0);
      }
    });
  }
});

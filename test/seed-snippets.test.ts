import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { graphError, startGraphServer, type GraphServer, type RecordedRequest, type Reply } from './helpers/graph-server.js';

/**
 * Runs every flows snippet of the documented API (examples/seed-snippets.ts, imported through the package
 * name so the built ESM entry is what runs) against a local server, and checks each request against what
 * Meta's Graph API expects.
 */
let server: GraphServer;
const env: Record<string, string> = {};

function answer(req: RecordedRequest, published: Set<string>): Reply {
  const [, , id, edge] = req.path.split('/');
  if (req.method === 'POST' && edge === 'flows') return { json: { id: `NEW_${req.path.length}_${Date.now()}`, success: true } };
  if (req.method === 'POST' && edge === 'assets') return { json: { success: true, validation_errors: [] } };
  if (req.method === 'POST' && edge === 'publish') {
    if (published.has(id!)) return { status: 400, json: graphError(139002, 'Publishing Flow in invalid state') };
    published.add(id!);
    return { json: { success: true } };
  }
  if (req.method === 'POST' && edge === 'migrate_flows') return { json: { migrated_flows: [], failed_flows: [] } };
  if (req.method === 'POST' && edge === 'messages') return { json: { messaging_product: 'whatsapp', contacts: [], messages: [{ id: 'wamid.1' }] } };
  if (req.method === 'GET' && edge === 'flows') return { json: { data: [{ id: '1', name: 'customer_survey', status: 'PUBLISHED' }], paging: { cursors: { before: 'a', after: 'b' } } } };
  if (req.method === 'GET' && edge === 'assets') return { json: { data: [{ name: 'flow.json', asset_type: 'FLOW_JSON', download_url: 'https://example.com/f' }] } };
  if (req.method === 'GET') return { json: { id, name: `${id}_name`, status: published.has(id!) ? 'PUBLISHED' : 'DRAFT', whatsapp_business_account: { id: 'SOURCE_WABA' } } };
  return { json: { success: true } };
}

beforeAll(async () => {
  server = await startGraphServer();
  const published = new Set<string>();
  server.handle((req) => answer(req, published));
  Object.assign(env, { CLOUD_API_ACCESS_TOKEN: 'seed-token', WA_PHONE_NUMBER_ID: '106540352242922', WA_BUSINESS_ACCOUNT_ID: '102290129340398', WA_BASE_URL: server.url });
  for (const [k, v] of Object.entries(env)) process.env[k] = v;
});
afterAll(async () => {
  for (const k of Object.keys(env)) delete process.env[k];
  await server.close();
});

describe('the documented API (seed) runs unchanged', () => {
  it('sends the requests Meta expects for every flows snippet', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    // A variable path keeps the example (type-checked on its own, with examples/tsconfig.json) out of this program.
    const examplePath = '../examples/seed-snippets.js';
    const { runSeedSnippets } = await import(/* @vite-ignore */ examplePath);
    await runSeedSnippets();
    const printedErrors = err.mock.calls.map((c) => c.join(' '));
    log.mockRestore();
    err.mockRestore();

    const calls = server.requests.map((r) => `${r.method} ${r.path}`);
    const v = '/v25.0';
    expect(calls).toEqual([
      `POST ${v}/WABA_ID/flows`,
      expect.stringMatching(new RegExp(`^POST ${v}/NEW_\\w+/assets$`)),
      expect.stringMatching(new RegExp(`^POST ${v}/NEW_\\w+/publish$`)),
      `POST ${v}/WABA_ID/flows`,
      `POST ${v}/WABA_ID/flows`,
      `GET ${v}/WABA_ID/flows`,
      `GET ${v}/FLOW_ID`,
      `GET ${v}/FLOW_ID`,
      `POST ${v}/FLOW_ID`,
      `POST ${v}/FLOW_ID/assets`,
      `POST ${v}/FLOW_ID/assets`,
      `GET ${v}/FLOW_ID/assets`,
      `POST ${v}/FLOW_ID/publish`,
      `GET ${v}/FLOW_ID`,
      `POST ${v}/FLOW_ID/deprecate`,
      `DELETE ${v}/FLOW_ID`,
      `GET ${v}/FLOW_ID_1`,
      `GET ${v}/FLOW_ID_2`,
      `POST ${v}/DESTINATION_WABA_ID/migrate_flows`,
      `POST ${v}/106540352242922/messages`,
      `POST ${v}/FLOW_ID/publish`,
      `POST ${v}/WABA_ID/flows`,
    ]);
    for (const r of server.requests) expect(r.headers.authorization).toBe('Bearer seed-token');

    const create = await server.requests[0]!.form();
    expect(Object.fromEntries(create)).toEqual({
      name: 'customer_survey',
      categories: '["SURVEY"]',
      endpoint_uri: 'https://example.com/flow-webhook',
      publish: 'false',
    });
    const upload = await server.requests[1]!.form();
    expect(upload.get('name')).toBe('flow.json');
    expect(upload.get('asset_type')).toBe('FLOW_JSON');
    expect(JSON.parse(await (upload.get('file') as File).text()).screens[0].id).toBe('QUESTION');
    expect((await server.requests[3]!.form()).get('categories')).toBe('["APPOINTMENT_BOOKING"]');
    expect((await server.requests[4]!.form()).get('categories')).toBe('["LEAD_GENERATION","SURVEY"]');
    expect(server.requests[7]!.query.get('fields')).toBe('name,status,validation_errors,json_version');
    expect(Object.fromEntries(await server.requests[8]!.form())).toEqual({
      name: 'updated_survey_form',
      categories: '["SURVEY","OTHER"]',
      endpoint_uri: 'https://api.example.com/new-endpoint',
    });
    const migrate = await server.requests[18]!.form();
    expect(migrate.get('source_waba_id')).toBe('SOURCE_WABA');
    expect(JSON.parse(String(migrate.get('source_flow_names')))).toEqual(['FLOW_ID_1_name', 'FLOW_ID_2_name']);
    expect(server.requests[19]!.json()).toMatchObject({
      messaging_product: 'whatsapp',
      to: '15551234567',
      type: 'interactive',
      interactive: { type: 'flow', action: { name: 'flow', parameters: { flow_id: 'FLOW_ID', flow_cta: 'Start Survey', flow_message_version: '3' } } },
    });
    // The error-handling sample read error.response.data.error.
    expect(printedErrors).toEqual(['Error 139002: Publishing Flow in invalid state']);
    // Best practice: createFlow without categories sends Meta's required categories as OTHER.
    expect((await server.requests[21]!.form()).get('categories')).toBe('["OTHER"]');
  });
});

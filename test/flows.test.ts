import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WhatsApp, { FlowCategoryEnum, FlowJsonValidationError, InvalidArgumentError } from '../src/index.js';
import { baseFlow } from './flow-json/helpers.js';
import { startGraphServer, type GraphServer } from './helpers/graph-server.js';

let server: GraphServer;
let client: WhatsApp;
const TOKEN = 'EAAtest-token-1234567890';

beforeAll(async () => {
  server = await startGraphServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.handle(() => ({ json: { success: true } }));
  client = new WhatsApp({ accessToken: TOKEN, businessAcctId: '111', phoneNumberId: '222', baseUrl: server.url, apiVersion: 23, maxRetries: 0 });
});

function last() {
  const r = server.requests.at(-1);
  if (!r) throw new Error('no request reached the server');
  return r;
}

describe('client.flows', () => {
  it('createFlow sends form fields like Meta\'s Postman collection', async () => {
    server.handle(() => ({ json: { id: '9001', success: true } }));
    const res = await client.flows.createFlow('WABA_1', {
      name: 'appointment_booking',
      categories: [FlowCategoryEnum.Appointment, FlowCategoryEnum.Survey],
      endpoint_uri: 'https://api.example.com/flows/appointment',
      publish: false,
    });
    expect(res).toEqual({ id: '9001', success: true });
    const r = last();
    expect(r.method).toBe('POST');
    expect(r.path).toBe('/v23.0/WABA_1/flows');
    expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(r.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await r.form();
    expect(form.get('name')).toBe('appointment_booking');
    expect(JSON.parse(String(form.get('categories')))).toEqual(['APPOINTMENT_BOOKING', 'SURVEY']);
    expect(form.get('endpoint_uri')).toBe('https://api.example.com/flows/appointment');
    expect(form.get('publish')).toBe('false');
    expect(form.has('flow_json')).toBe(false);
  });

  it('createFlow serialises flow_json objects, sends clone_flow_id, and defaults categories to OTHER', async () => {
    server.handle(() => ({ json: { id: '9002', success: true, validation_errors: [] } }));
    const flowJson = { version: '7.3', screens: [] };
    await client.flows.createFlow('111', { name: 'x', flow_json: flowJson, publish: true, clone_flow_id: '77' });
    const form = await last().form();
    expect(JSON.parse(String(form.get('flow_json')))).toEqual(flowJson);
    expect(form.get('publish')).toBe('true');
    expect(form.get('clone_flow_id')).toBe('77');
    expect(form.get('categories')).toBe('["OTHER"]');
  });

  it('createFlow rejects bad input before sending anything', async () => {
    await expect(client.flows.createFlow('111', { name: '' })).rejects.toThrow(/name is required/);
    await expect(client.flows.createFlow('111', { name: 'a', categories: [] })).rejects.toThrow(/at least one/);
    await expect(client.flows.createFlow('111', { name: 'a', categories: ['NOPE' as never] })).rejects.toThrow(/categories\[0\] must be one of \{SIGN_UP.*got "NOPE"/);
    await expect(client.flows.createFlow('111', { name: 'a', flow_json: '{"version": ' })).rejects.toThrow(/flow_json is not valid JSON.*line 1/);
    await expect(client.flows.createFlow('111', { name: 'a', endpoint_uri: 'not a url' })).rejects.toThrow(/not a valid URL/);
    await expect(client.flows.createFlow('1/2', { name: 'a' })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });

  // flows-platform §1.6: Meta accepts only the upper-case values; the client refuses what Meta refuses (the same
  // rule as the emulator, src/platform/categories.ts) and names the value meant. Nothing is rewritten.
  it('createFlow refuses the seed\'s APPOINTMENT spelling and lower case, naming Meta\'s value', async () => {
    await expect(client.flows.createFlow('111', { name: 'a', categories: ['APPOINTMENT' as never] })).rejects.toThrow(/got "APPOINTMENT"\. Use APPOINTMENT_BOOKING \(FlowCategoryEnum.Appointment\)/);
    await expect(client.flows.createFlow('111', { name: 'a', categories: ['SURVEY', 'survey' as never] })).rejects.toThrow(/categories\[1\].*got "survey"\. Use SURVEY\./);
    expect(server.requests).toHaveLength(0);
    await client.flows.createFlow('111', { name: 'a', categories: [FlowCategoryEnum.Appointment, 'SURVEY'] });
    expect((await last().form()).get('categories')).toBe('["APPOINTMENT_BOOKING","SURVEY"]');
  });

  it('createFlow with params only uses businessAcctId', async () => {
    await client.flows.createFlow({ name: 'a', categories: ['OTHER'] });
    expect(last().path).toBe('/v23.0/111/flows');
  });

  it('listFlows sends paging and fields, and falls back to businessAcctId', async () => {
    server.handle(() => ({ json: { data: [{ id: '1', name: 'a', status: 'DRAFT' }], paging: { cursors: { before: 'b', after: 'a' } } } }));
    const page = await client.flows.listFlows(undefined, { fields: ['id', 'name'], limit: 5, after: 'CUR' });
    expect(page.data).toEqual([{ id: '1', name: 'a', status: 'DRAFT' }]);
    expect(page.paging?.cursors?.after).toBe('a');
    expect(page.hasNextPage()).toBe(false);
    const r = last();
    expect(r.method).toBe('GET');
    expect(r.path).toBe('/v23.0/111/flows');
    expect(Object.fromEntries(r.query)).toEqual({ fields: 'id,name', limit: '5', after: 'CUR' });
    await client.flows.listFlows({ limit: 2 });
    expect(last().path).toBe('/v23.0/111/flows');
    await client.flows.listFlows('999');
    expect(last().path).toBe('/v23.0/999/flows');
  });

  it('listFlows iterates every flow of every page with for await, following cursors.after', async () => {
    server.handle((req) => {
      const after = req.query.get('after');
      if (!after) return { json: { data: [{ id: '1' }, { id: '2' }], paging: { cursors: { after: 'P2' }, next: 'https://graph.facebook.com/next' } } };
      if (after === 'P2') return { json: { data: [{ id: '3' }], paging: { cursors: { after: 'P3' }, next: 'https://graph.facebook.com/next' } } };
      return { json: { data: [{ id: '4' }], paging: { cursors: { after: 'P4' } } } };
    });
    const ids: string[] = [];
    for await (const flow of client.flows.listFlows('111', { limit: 2, fields: 'id' })) ids.push(flow.id);
    expect(ids).toEqual(['1', '2', '3', '4']);
    expect(server.requests.map((r) => r.query.get('after'))).toEqual([null, 'P2', 'P3']);
    expect(server.requests.every((r) => r.query.get('limit') === '2' && r.query.get('fields') === 'id')).toBe(true);
    const pages: number[] = [];
    for await (const page of client.flows.listFlows('111').iterPages()) pages.push(page.data.length);
    expect(pages).toEqual([2, 1, 1]);
  });

  it('getFlow sends fields (array or string) and date_format', async () => {
    server.handle(() => ({ json: { id: '5', name: 'n', status: 'PUBLISHED' } }));
    const flow = await client.flows.getFlow('5', { fields: ['name', 'status', 'validation_errors', 'json_version'], date_format: 'U' });
    expect(flow.status).toBe('PUBLISHED');
    expect(last().path).toBe('/v23.0/5');
    expect(last().query.get('fields')).toBe('name,status,validation_errors,json_version');
    expect(last().query.get('date_format')).toBe('U');
    await client.flows.getFlow('5', { fields: 'id, health_status.phone_number(222)' });
    expect(last().query.get('fields')).toBe('id,health_status.phone_number(222)');
    await client.flows.getFlow(5);
    expect([...last().query.keys()]).toEqual([]);
    await expect(client.flows.getFlow('')).rejects.toThrow(/flowId is required/);
  });

  it('updateFlowMetadata sends only the given fields', async () => {
    await client.flows.updateFlowMetadata('5', { name: 'updated', categories: [FlowCategoryEnum.Survey, FlowCategoryEnum.Other], application_id: '42' });
    const r = last();
    expect(r.method).toBe('POST');
    expect(r.path).toBe('/v23.0/5');
    const form = await r.form();
    expect([...form.keys()].sort()).toEqual(['application_id', 'categories', 'name']);
    expect(form.get('categories')).toBe('["SURVEY","OTHER"]');
    await expect(client.flows.updateFlowMetadata('5', {})).rejects.toThrow(/at least one of/);
  });

  it('uploadFlowJson sends multipart file + name + asset_type for every input kind', async () => {
    server.handle(() => ({ json: { success: true, validation_errors: [] } }));
    const json = { version: '7.3', screens: [{ id: 'A' }] };
    const text = JSON.stringify(json);
    const inputs = [
      new File([text], 'whatever.json', { type: 'application/json' }),
      new Blob([text]),
      Buffer.from(text),
      new TextEncoder().encode(text),
      text,
      json,
    ];
    for (const input of inputs) {
      const res = await client.flows.uploadFlowJson('5', input);
      expect(res).toEqual({ success: true, validation_errors: [] });
      const r = last();
      expect(r.path).toBe('/v23.0/5/assets');
      const form = await r.form();
      expect(form.get('name')).toBe('flow.json');
      expect(form.get('asset_type')).toBe('FLOW_JSON');
      const file = form.get('file') as File;
      expect(file.name).toBe('flow.json');
      expect(file.type).toBe('application/json');
      expect(JSON.parse(await file.text())).toEqual(json);
    }
    // Text is sent byte for byte, so Meta's line numbers match the user's file.
    const pretty = '{\n  "version": "7.3",\n  "screens": []\n}\n';
    await client.flows.uploadFlowJson('5', pretty);
    expect(await ((await last().form()).get('file') as File).text()).toBe(pretty);
  });

  it('uploadFlowJson rejects text that is not a JSON object, before any request', async () => {
    await expect(client.flows.uploadFlowJson('5', '{\n  "version": "7.3",\n  "screens": [}\n')).rejects.toThrow(/not valid JSON: .* at line 3, column 15/);
    await expect(client.flows.uploadFlowJson('5', 'flow.json')).rejects.toThrow(/not valid JSON/);
    await expect(client.flows.uploadFlowJson('5', '[1]')).rejects.toThrow(/must be a JSON object/);
    await expect(client.flows.uploadFlowJson('5', 42 as never)).rejects.toThrow(/File, Blob, Buffer, JSON string or plain object/);
    await expect(client.flows.uploadFlowJson('5', new Uint8Array([0xff, 0xfe]))).rejects.toThrow(/not UTF-8/);
    await expect(client.flows.uploadFlowJson('5', 'x'.repeat(10 * 1024 * 1024 + 1))).rejects.toThrow(/at most 10485760 bytes/);
    expect(server.requests).toHaveLength(0);
  });

  it('getFlowAssets, publishFlow, deprecateFlow and deleteFlow hit the documented endpoints', async () => {
    server.handle(() => ({ json: { data: [{ name: 'flow.json', asset_type: 'FLOW_JSON', download_url: 'https://x' }] } }));
    const assets = await client.flows.getFlowAssets('5');
    expect(assets.data[0]?.asset_type).toBe('FLOW_JSON');
    expect([last().method, last().path]).toEqual(['GET', '/v23.0/5/assets']);
    server.handle(() => ({ json: { success: true } }));
    expect(await client.flows.publishFlow('5')).toEqual({ success: true });
    expect([last().method, last().path, last().body.length]).toEqual(['POST', '/v23.0/5/publish', 0]);
    await client.flows.deprecateFlow('5');
    expect([last().method, last().path]).toEqual(['POST', '/v23.0/5/deprecate']);
    await client.flows.deleteFlow('5');
    expect([last().method, last().path]).toEqual(['DELETE', '/v23.0/5']);
  });

  it('downloadFlowJson follows download_url, sending the token only to the Graph origin', async () => {
    const flowJson = { version: '7.3', screens: [] };
    server.handle((req) => {
      if (req.path.endsWith('/assets')) {
        return { json: { data: [{ name: 'flow.json', asset_type: 'FLOW_JSON', download_url: `${server.url}/download/5?sig=abc` }] } };
      }
      return { body: JSON.stringify(flowJson) };
    });
    expect(await client.flows.downloadFlowJson('5')).toEqual(flowJson);
    expect(last().path).toBe('/download/5');
    expect(last().query.get('sig')).toBe('abc');
    expect(last().headers.authorization).toBe(`Bearer ${TOKEN}`);

    // A CDN on another origin gets no token.
    const cdn = await startGraphServer();
    try {
      cdn.handle(() => ({ body: JSON.stringify(flowJson) }));
      server.handle(() => ({ json: { data: [{ name: 'flow.json', asset_type: 'FLOW_JSON', download_url: `${cdn.url}/file` }] } }));
      expect(await client.flows.downloadFlowJson('5')).toEqual(flowJson);
      expect(cdn.requests[0]?.headers.authorization).toBeUndefined();
    } finally {
      await cdn.close();
    }
    server.handle(() => ({ json: { data: [] } }));
    await expect(client.flows.downloadFlowJson('5')).rejects.toThrow(/no Flow JSON asset yet/);
  });

  it('migrateFlows sends Meta\'s parameters', async () => {
    const answer = { migrated_flows: [{ source_name: 'a', source_id: '1', migrated_id: '2' }], failed_flows: [] };
    server.handle(() => ({ json: answer }));
    expect(await client.flows.migrateFlows('DEST', { source_waba_id: 'SRC', source_flow_names: ['a', 'b'] })).toEqual(answer);
    const r = last();
    expect([r.method, r.path]).toEqual(['POST', '/v23.0/DEST/migrate_flows']);
    const form = await r.form();
    expect(form.get('source_waba_id')).toBe('SRC');
    expect(JSON.parse(String(form.get('source_flow_names')))).toEqual(['a', 'b']);
    await client.flows.migrateFlows('DEST', { source_waba_id: 'SRC' });
    expect((await last().form()).has('source_flow_names')).toBe(false);
  });

  it('migrateFlows splits more than 100 names into several requests and merges the answers', async () => {
    server.handle(async (req) => {
      const names: string[] = JSON.parse(String((await req.form()).get('source_flow_names')));
      return { json: { migrated_flows: names.map((n) => ({ source_name: n, source_id: n, migrated_id: `m${n}` })), failed_flows: [] } };
    });
    const names = Array.from({ length: 150 }, (_, i) => `f${i}`);
    const res = await client.flows.migrateFlows('DEST', { source_waba_id: 'SRC', source_flow_names: names });
    expect(res.migrated_flows.map((f) => f.source_name)).toEqual(names);
    expect(server.requests).toHaveLength(2);
  });

  it('migrateFlows({ flow_ids }) looks up names and WABAs, then calls migrate_flows per source WABA', async () => {
    const flows: Record<string, { name: string; waba: string }> = {
      F1: { name: 'alpha', waba: 'W1' },
      F2: { name: 'beta', waba: 'W1' },
      F3: { name: 'gamma', waba: 'W2' },
    };
    server.handle(async (req) => {
      const id = req.path.split('/')[2]!;
      if (req.method === 'GET') {
        const f = flows[id];
        if (!f) return { status: 400, json: { error: { message: `Unsupported get request. Object with ID '${id}' does not exist`, type: 'GraphMethodException', code: 100, error_subcode: 33 } } };
        expect(req.query.get('fields')).toBe('id,name,whatsapp_business_account');
        return { json: { id, name: f.name, whatsapp_business_account: { id: f.waba } } };
      }
      const form = await req.form();
      const names: string[] = JSON.parse(String(form.get('source_flow_names')));
      return { json: { migrated_flows: names.map((n) => ({ source_name: n, source_id: `${form.get('source_waba_id')}:${n}`, migrated_id: 'new' })), failed_flows: [] } };
    });
    const res = await client.flows.migrateFlows('DEST', { flow_ids: ['F1', 'F2', 'F3', 'NOPE'] });
    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts.every((r) => r.path === '/v23.0/DEST/migrate_flows')).toBe(true);
    expect(res.migrated_flows.map((f) => f.source_id).sort()).toEqual(['W1:alpha', 'W1:beta', 'W2:gamma']);
    expect(res.failed_flows).toEqual([expect.objectContaining({ source_id: 'NOPE', error_code: '100' })]);
    await expect(client.flows.migrateFlows('DEST', { flow_ids: [] })).rejects.toThrow(/non-empty array/);
  });

  it('getFlowPreview and getFlowMetrics build Graph field expansions', async () => {
    server.handle(() => ({ json: { id: '5', preview: { preview_url: 'https://business.facebook.com/wa/manage/flows/5/preview/?token=t', expires_at: '2026-12-01T00:00:00+0000' } } }));
    const preview = await client.flows.getFlowPreview('5', { invalidate: true });
    expect(preview.preview.preview_url).toContain('/preview/');
    expect(last().query.get('fields')).toBe('preview.invalidate(true)');
    await client.flows.getFlowPreview('5');
    expect(last().query.get('fields')).toBe('preview.invalidate(false)');

    server.handle(() => ({ json: { id: '5', metric: { name: 'ENDPOINT_REQUEST_COUNT', granularity: 'DAY', data_points: [] } } }));
    const m = await client.flows.getFlowMetrics('5', { name: 'ENDPOINT_REQUEST_COUNT', granularity: 'day', since: '2024-01-28', until: new Date('2024-01-30T12:00:00Z') });
    expect(m.metric.name).toBe('ENDPOINT_REQUEST_COUNT');
    expect(last().query.get('fields')).toBe('metric.name(ENDPOINT_REQUEST_COUNT).granularity(DAY).since(2024-01-28).until(2024-01-30)');
    await expect(client.flows.getFlowMetrics('5', { name: 'NOPE' as never, granularity: 'DAY' })).rejects.toThrow(/Unknown metric name/);
    await expect(client.flows.getFlowMetrics('5', { name: 'ENDPOINT_AVAILABILITY', granularity: 'DAY', since: '2024/01/01' })).rejects.toThrow(/YYYY-MM-DD/);
  });

  it('{ validate: true } validates locally and sends nothing when the Flow JSON has errors', async () => {
    const bad = '{\n  "version": "7",\n  "screens": []\n}';
    const error = await client.flows.uploadFlowJson('5', bad, { validate: true }).catch((e) => e);
    expect(error).toBeInstanceOf(FlowJsonValidationError);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.errors.map((e: { error: string; line_start: number }) => [e.error, e.line_start])).toContainEqual(['INVALID_FLOW_JSON_VERSION', 2]);
    expect(error.message).toMatch(/line 2, column 14: INVALID_FLOW_JSON_VERSION/);
    await expect(client.flows.createFlow('111', { name: 'a', flow_json: bad, validate: true })).rejects.toBeInstanceOf(FlowJsonValidationError);
    await expect(client.flows.createFlow('111', { name: 'a', validate: true })).rejects.toThrow(/needs flow_json/);
    expect(server.requests).toHaveLength(0);

    server.handle(() => ({ json: { success: true, validation_errors: [] } }));
    await client.flows.uploadFlowJson('5', baseFlow(), { validate: true });
    expect(server.requests).toHaveLength(1);
    expect((await last().form()).has('validate')).toBe(false);
    server.handle(() => ({ json: { id: '1' } }));
    await client.flows.createFlow('111', { name: 'a', flow_json: baseFlow(), validate: true });
    const form = await last().form();
    expect(form.has('validate')).toBe(false);
    expect(JSON.parse(String(form.get('flow_json')))).toEqual(baseFlow());
  });
});

describe('call forms without a WABA id', () => {
  it('take per-call options as the second argument', async () => {
    const s = await startGraphServer();
    try {
      s.enqueue({ status: 503, json: { error: { message: 'down', code: 2 } } });
      s.handle(() => ({ json: { id: '1' } }));
      const c = new WhatsApp({ accessToken: 't', businessAcctId: '111', baseUrl: s.url, maxRetries: 0 });
      await expect(c.flows.createFlow({ name: 'a' }, { maxRetries: 0 })).rejects.toThrow(/down/);
      s.handle(() => ({ json: { data: [] } }));
      await c.flows.listFlows({ limit: 3 }, { headers: { 'x-extra': 'yes' } });
      expect(s.requests.at(-1)!.headers['x-extra']).toBe('yes');
      expect(s.requests.at(-1)!.query.get('limit')).toBe('3');
    } finally {
      await s.close();
    }
  });
});

describe('migrateFlows({ flow_ids }) across several source WABAs', () => {
  it('reports the flows of a WABA whose migration failed, keeping what the others migrated', async () => {
    const s = await startGraphServer();
    try {
      s.handle(async (req) => {
        if (req.method === 'GET') {
          const id = req.path.split('/')[2]!;
          return { json: { id, name: `n_${id}`, whatsapp_business_account: { id: id === 'A' ? 'W1' : 'W2' } } };
        }
        const form = await req.form();
        if (form.get('source_waba_id') === 'W2') return { status: 400, json: { error: { message: 'Permission denied', code: 10, type: 'OAuthException' } } };
        return { json: { migrated_flows: [{ source_name: 'n_A', source_id: 'A', migrated_id: 'X' }], failed_flows: [] } };
      });
      const c = new WhatsApp({ accessToken: 't', baseUrl: s.url, maxRetries: 0 });
      const res = await c.flows.migrateFlows('DEST', { flow_ids: ['A', 'B'] });
      expect(res.migrated_flows).toEqual([{ source_name: 'n_A', source_id: 'A', migrated_id: 'X' }]);
      expect(res.failed_flows).toEqual([expect.objectContaining({ source_name: 'n_B', error_code: '10' })]);
    } finally {
      await s.close();
    }
  });
});

/**
 * What the emulator offers beyond the lifecycle: create-and-publish, clone, paging, fields and previews, health,
 * assets, migration, the public key, templates with FLOW buttons, the inspection routes and body encodings.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageRecord } from '../../src/emulator/index.js';
import {
  endpointFlowJson,
  expectGraphError,
  flowIn,
  invalidFlowJson,
  PHONE,
  simpleFlowJson,
  startEmulator,
  TOKEN,
  uniqueName,
  WABA,
  type Harness,
} from './helpers/emulator.js';

const here = dirname(fileURLToPath(import.meta.url));
const twoScreens = readFileSync(join(here, '../fixtures/flow-json/valid/7.3-two-screen-name.json'), 'utf8');
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/;

let h: Harness;
beforeAll(async () => {
  h = await startEmulator({ token: TOKEN });
});
afterAll(async () => {
  await h.close();
});

/** A WABA id of its own for tests that list a WABA's flows. */
let wabaCounter = 0;
function freshWaba(): string {
  return String(500000000000000 + ++wabaCounter);
}

async function messages(harness: Harness = h): Promise<MessageRecord[]> {
  const res = await harness.raw('/_emulator/messages');
  expect(res.status).toBe(200);
  return res.body.data as MessageRecord[];
}

describe('create', () => {
  it('with flow_json and publish: true, a valid flow is published in the same call', async () => {
    const res = await h.client.flows.createFlow({ name: uniqueName('pub'), categories: ['SIGN_UP'], flow_json: twoScreens, publish: true });
    expect(res).toEqual({ id: expect.stringMatching(/^\d{15,16}$/), success: true });
    const flow = await h.client.flows.getFlow(res.id, { fields: 'status,json_version,validation_errors,categories' });
    expect(flow).toMatchObject({ status: 'PUBLISHED', json_version: '7.3', validation_errors: [], categories: ['SIGN_UP'] });
  });

  it('with invalid flow_json and publish: true, the flow stays DRAFT and the errors are returned', async () => {
    const res = await h.client.flows.createFlow({ name: uniqueName('inv'), categories: ['OTHER'], flow_json: invalidFlowJson(), publish: true });
    expect(res.success).toBe(true);
    expect(res.validation_errors?.length).toBe(2);
    expect((await h.client.flows.getFlow(res.id, { fields: 'status' })).status).toBe('DRAFT');
  });

  it('with a frozen version and publish: true, the flow is created as DRAFT (valid, but not publishable)', async () => {
    const res = await h.client.flows.createFlow({ name: uniqueName('frozen'), categories: ['OTHER'], flow_json: simpleFlowJson('5.0'), publish: true });
    expect(res).toEqual({ id: res.id, success: true });
    expect(await h.client.flows.getFlow(res.id, { fields: 'status,json_version' })).toMatchObject({ status: 'DRAFT', json_version: '5.0' });
  });

  it('clone_flow_id copies the JSON, categories and endpoint into a new DRAFT', async () => {
    const source = (
      await h.client.flows.createFlow({ name: uniqueName('src'), categories: ['LEAD_GENERATION'], flow_json: endpointFlowJson(), endpoint_uri: 'https://example.com/ep' })
    ).id;
    const sourceJson = await h.client.flows.downloadFlowJson(source);
    const clone = await h.client.flows.createFlow({ name: uniqueName('clone'), clone_flow_id: source, categories: ['LEAD_GENERATION'] });
    expect(clone.id).not.toBe(source);
    const flow = await h.client.flows.getFlow(clone.id, { fields: 'status,categories,endpoint_uri,json_version,data_api_version' });
    expect(flow).toMatchObject({ status: 'DRAFT', categories: ['LEAD_GENERATION'], endpoint_uri: 'https://example.com/ep', json_version: '7.3', data_api_version: '4.0' });
    expect(await h.client.flows.downloadFlowJson(clone.id)).toEqual(sourceJson);
    // Without categories the clone takes the source's (raw: the SDK always sends categories).
    const raw = await h.raw(`/${WABA}/flows`, { json: { name: uniqueName('clone2'), clone_flow_id: source } });
    expect(raw.status).toBe(200);
    expect((await h.client.flows.getFlow(raw.body.id, { fields: 'categories' })).categories).toEqual(['LEAD_GENERATION']);
  });
});

describe('list paging', () => {
  async function makeFlows(waba: string, n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await h.client.flows.createFlow(waba, { name: `paged_${i}`, categories: ['OTHER'] })).id);
    return ids;
  }

  it('for await walks every page; paging.next only while more pages exist', async () => {
    const waba = freshWaba();
    const ids = await makeFlows(waba, 7);
    const seen: string[] = [];
    for await (const flow of h.client.flows.listFlows(waba, { limit: 3 })) seen.push(flow.id);
    expect(seen).toEqual([...ids].reverse()); // newest first
    const pages = [];
    for await (const page of h.client.flows.listFlows(waba, { limit: 3, fields: 'id,name,status' }).iterPages()) pages.push(page);
    expect(pages.map((p) => p.data.length)).toEqual([3, 3, 1]);
    expect(pages.map((p) => Boolean(p.paging?.next))).toEqual([true, true, false]);
    expect(pages.map((p) => Boolean(p.paging?.previous))).toEqual([false, true, true]);
    expect(pages[2]!.data[0]).toEqual({ id: ids[0], name: 'paged_0', status: 'DRAFT' });
    for (const p of pages) expect(p.paging?.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
  });

  it('an exact multiple of the page size ends without a next link; before goes back a page', async () => {
    const waba = freshWaba();
    await makeFlows(waba, 4);
    const first = await h.raw(`/${waba}/flows?limit=2`);
    expect(first.body.paging.next).toMatch(new RegExp(`/${waba}/flows\\?.*after=`));
    const second = await h.raw(`/${waba}/flows?limit=2&after=${first.body.paging.cursors.after}`);
    expect(second.body.data).toHaveLength(2);
    expect(second.body.paging.next).toBeUndefined();
    const back = await h.raw(`/${waba}/flows?limit=2&before=${second.body.paging.cursors.before}`);
    expect(back.body.data).toEqual(first.body.data);
    const past = await h.raw(`/${waba}/flows?limit=2&after=${second.body.paging.cursors.after}`);
    expect(past.body).toEqual({ data: [] });
    // The SDK's for await makes exactly two requests' worth of items.
    const all = [];
    for await (const f of h.client.flows.listFlows(waba, { limit: 2 })) all.push(f);
    expect(all).toHaveLength(4);
  });

  it('an empty WABA lists nothing, without paging', async () => {
    const page = await h.client.flows.listFlows(freshWaba());
    expect(page.data).toEqual([]);
    expect(page.paging).toBeUndefined();
  });
});

describe('get with fields, previews', () => {
  it('every documented field', async () => {
    const id = (await h.client.flows.createFlow({ name: uniqueName('fields'), categories: ['SURVEY'], flow_json: endpointFlowJson(), endpoint_uri: 'https://example.com/ep' })).id;
    const fields = ['id', 'name', 'categories', 'preview', 'status', 'validation_errors', 'json_version', 'data_api_version', 'data_channel_uri', 'endpoint_uri', 'whatsapp_business_account', 'application', 'health_status', 'updated_at'];
    const flow = await h.client.flows.getFlow(id, { fields });
    expect(flow).toMatchObject({
      id,
      categories: ['SURVEY'],
      status: 'DRAFT',
      validation_errors: [],
      json_version: '7.3',
      data_api_version: '4.0',
      endpoint_uri: 'https://example.com/ep',
      whatsapp_business_account: { id: WABA },
      application: { id: expect.any(String), name: expect.any(String), link: expect.any(String) },
      preview: { preview_url: expect.stringContaining(`/_emulator/preview/${id}?token=`), expires_at: expect.stringMatching(TIMESTAMP) },
      updated_at: expect.stringMatching(TIMESTAMP),
    });
    expect(flow).not.toHaveProperty('data_channel_uri');
    // Default fields.
    expect(Object.keys(await h.client.flows.getFlow(id)).sort()).toEqual(['categories', 'id', 'name', 'status', 'validation_errors']);
  });

  it('preview.invalidate(true) mints a new URL each time; the page is served at preview_url', async () => {
    const name = uniqueName('preview');
    const id = (await h.client.flows.createFlow({ name, categories: ['OTHER'], flow_json: twoScreens })).id;
    const a = (await h.client.flows.getFlowPreview(id)).preview;
    const again = (await h.client.flows.getFlowPreview(id, { invalidate: false })).preview;
    expect(again).toEqual(a);
    const b = (await h.client.flows.getFlowPreview(id, { invalidate: true })).preview;
    const c = (await h.client.flows.getFlowPreview(id, { invalidate: true })).preview;
    expect(new Set([a.preview_url, b.preview_url, c.preview_url]).size).toBe(3);
    const expires = Date.parse(c.expires_at.replace('+0000', 'Z'));
    expect(Math.round((expires - Date.now()) / 86_400_000)).toBe(30);

    const page = await fetch(c.preview_url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain(`<h1>${name}</h1>`);
    expect(html).toContain('&quot;CONFIRM&quot;');
    for (const old of [a.preview_url, b.preview_url]) expect((await fetch(old)).status).toBe(404);
  });

  it('health_status: BLOCKED with errors for a failing draft, AVAILABLE published, LIMITED throttled', async () => {
    const health = async (id: string) => (await h.client.flows.getFlow(id, { fields: 'health_status' })).health_status!;
    const draft = (await h.client.flows.createFlow({ name: uniqueName('health'), categories: ['OTHER'], flow_json: endpointFlowJson() })).id;
    const blocked = await health(draft);
    expect(blocked.can_send_message).toBe('BLOCKED');
    const entity = blocked.entities.find((e) => e.entity_type === 'FLOW')!;
    expect(entity).toMatchObject({ id: draft, can_send_message: 'BLOCKED' });
    expect(entity.errors).toContainEqual({
      error_code: 131000,
      error_description: 'endpoint_uri: You need to set the endpoint URI before you can send or publish a flow.',
      possible_solution: expect.any(String),
    });
    expect(blocked.entities.map((e) => e.entity_type)).toEqual(['FLOW', 'WABA', 'APP']);

    const invalidDraft = (await h.client.flows.createFlow({ name: uniqueName('health'), categories: ['OTHER'], flow_json: invalidFlowJson() })).id;
    expect((await health(invalidDraft)).entities[0]!.errors?.[0]?.error_description).toMatch(/^flow_json: The Flow JSON has 2 validation error\(s\)\.$/);

    const published = await flowIn(h, 'PUBLISHED');
    expect(await health(published)).toMatchObject({ can_send_message: 'AVAILABLE', entities: [{ entity_type: 'FLOW', can_send_message: 'AVAILABLE' }, {}, {}] });
    expect((await health(published)).entities[0]).not.toHaveProperty('errors');
    await h.forceStatus(published, 'THROTTLED');
    expect((await health(published)).can_send_message).toBe('LIMITED');
    await h.forceStatus(published, 'BLOCKED');
    expect((await health(published)).can_send_message).toBe('BLOCKED');
    const deprecated = await flowIn(h, 'DEPRECATED');
    expect((await health(deprecated)).can_send_message).toBe('BLOCKED');
    // The phone_number() modifier is accepted.
    const withPhone = await h.client.flows.getFlow(published, { fields: `health_status.phone_number(${PHONE})` });
    expect(withPhone.health_status?.can_send_message).toBe('BLOCKED');
  });
});

describe('assets', () => {
  it('download_url returns the exact uploaded bytes', async () => {
    const id = (await h.client.flows.createFlow({ name: uniqueName('bytes'), categories: ['OTHER'] })).id;
    const text =
      '{\r\n\t"version" :\t"7.3" , \r\n  "screens": [ {"id":"WELCOME","title":"Olá — 👋 ñ 日本 \\u00e9 \u2028 \u00a0 \u200b","terminal":true,"data":{},' +
      '\n"layout":{"type":"SingleColumnLayout","children":[{"type":"TextHeading","text":"Grüße\\n\\"quoted\\""},' +
      '{"type":"Footer","label":"Done","on-click-action":{"name":"complete","payload":{}}}]}}]   }\n\n  \t';
    await h.client.flows.uploadFlowJson(id, text);
    const assets = await h.client.flows.getFlowAssets(id);
    expect(assets.data).toEqual([{ name: 'flow.json', asset_type: 'FLOW_JSON', download_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/_emulator\/assets\//) }]);
    const res = await fetch(assets.data[0]!.download_url!, { headers: { authorization: `Bearer ${TOKEN}` } }); // the emulator's token protects downloads too
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes).equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(await h.client.flows.downloadFlowJson(id)).toEqual(JSON.parse(text));
  });

  it('the published version stays downloadable after an edit', async () => {
    const id = await flowIn(h, 'PUBLISHED', simpleFlowJson('7.3', 'Published text'));
    const before = (await h.client.flows.getFlowAssets(id)).data[0]!.download_url!;
    await h.client.flows.uploadFlowJson(id, simpleFlowJson('7.3', 'Draft text'));
    const after = (await h.client.flows.getFlowAssets(id)).data[0]!.download_url!;
    expect(after).not.toBe(before);
    expect(await (await fetch(before, { headers: { authorization: `Bearer ${TOKEN}` } })).text()).toContain('Published text');
    expect(await (await fetch(after, { headers: { authorization: `Bearer ${TOKEN}` } })).text()).toContain('Draft text');
  });
});

describe('migrate', () => {
  it('published sources arrive published, drafts as drafts, with new ids and the same JSON', async () => {
    const source = freshWaba();
    const dest = freshWaba();
    const published = (await h.client.flows.createFlow(source, { name: 'm_published', categories: ['OTHER'], flow_json: twoScreens, publish: true })).id;
    const draft = (await h.client.flows.createFlow(source, { name: 'm_draft', categories: ['SURVEY'], flow_json: simpleFlowJson('7.2') })).id;
    const throttled = (await h.client.flows.createFlow(source, { name: 'm_throttled', categories: ['OTHER'], flow_json: simpleFlowJson(), publish: true })).id;
    await h.forceStatus(throttled, 'THROTTLED');

    const res = await h.client.flows.migrateFlows(dest, { source_waba_id: source });
    expect(res.failed_flows).toEqual([]);
    expect(res.migrated_flows).toHaveLength(3);
    const byName = Object.fromEntries(res.migrated_flows.map((m) => [m.source_name, m]));
    expect(byName.m_published).toEqual({ source_name: 'm_published', source_id: published, migrated_id: expect.any(String) });
    const ids = res.migrated_flows.map((m) => m.migrated_id);
    expect(new Set([...ids, published, draft, throttled]).size).toBe(6);

    const statusOf = async (id: string) => (await h.client.flows.getFlow(id, { fields: 'status,whatsapp_business_account,categories' }));
    expect(await statusOf(byName.m_published!.migrated_id)).toMatchObject({ status: 'PUBLISHED', whatsapp_business_account: { id: dest } });
    expect(await statusOf(byName.m_draft!.migrated_id)).toMatchObject({ status: 'DRAFT', categories: ['SURVEY'] });
    expect(await statusOf(byName.m_throttled!.migrated_id)).toMatchObject({ status: 'PUBLISHED' });
    expect(await h.client.flows.downloadFlowJson(byName.m_published!.migrated_id)).toEqual(JSON.parse(twoScreens));
    // Copies, not moves.
    expect((await h.client.flows.getFlow(published, { fields: 'status' })).status).toBe('PUBLISHED');
    const migratedPublished = byName.m_published!.migrated_id;
    await h.client.messages.flow({ to: '15551234567', flowId: migratedPublished, cta: 'Go', body: 'Hi' });

    // The SDK's { flow_ids } form: a second run fails with 4233041 for each.
    const again = await h.client.flows.migrateFlows(dest, { flow_ids: [published, draft] });
    expect(again.migrated_flows).toEqual([]);
    expect(again.failed_flows.map((f) => f.error_code)).toEqual(['4233041', '4233041']);
  });

  it('only the named flows, as Meta\'s Postman collection sends it (form data)', async () => {
    const source = freshWaba();
    const dest = freshWaba();
    await h.client.flows.createFlow(source, { name: 'a', categories: ['OTHER'] });
    await h.client.flows.createFlow(source, { name: 'b', categories: ['OTHER'] });
    const form = new FormData();
    form.set('source_waba_id', source);
    form.set('source_flow_names', '["b"]');
    const res = await h.raw(`/${dest}/migrate_flows`, { body: form });
    expect(res.status).toBe(200);
    expect(res.body.migrated_flows.map((m: { source_name: string }) => m.source_name)).toEqual(['b']);
  });
});

describe('business public key', () => {
  it('round trip of a 2048-bit key generated with node:crypto', async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    const phone = '200000000000777';
    expect(await h.client.encryption.getBusinessPublicKey(phone)).toEqual({});
    await expect(h.client.encryption.setBusinessPublicKey(publicKey, phone)).resolves.toEqual({ success: true });
    expect(await h.client.encryption.getBusinessPublicKey(phone)).toEqual({ business_public_key: publicKey.trim(), business_public_key_signature_status: 'VALID' });
    const raw = await h.raw(`/${phone}/whatsapp_business_encryption`);
    expect(raw.body).toEqual({ data: [{ business_public_key: publicKey.trim(), business_public_key_signature_status: 'VALID' }] });
    // JSON bodies are accepted too (pywa sends JSON).
    const second = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }).publicKey;
    expect((await h.raw(`/${phone}/whatsapp_business_encryption`, { json: { business_public_key: second } })).status).toBe(200);
    expect((await h.client.encryption.getBusinessPublicKey(phone)).business_public_key).toBe(second.trim());
  });
});

describe('templates with a FLOW button (Meta\'s Postman bodies)', () => {
  const collection = JSON.parse(readFileSync(join(here, '../fixtures/meta-flows-tools/whatsapp-flows-api.postman_collection.json'), 'utf8')) as {
    item: Array<{ item: Array<{ name: string; request: { body?: { raw?: string } } }> }>;
  };
  const postmanBody = (name: string, replace: Record<string, string>): Record<string, any> => {
    const item = collection.item.flatMap((group) => group.item).find((i) => i.name === name);
    let raw = item!.request.body!.raw!;
    for (const [from, to] of Object.entries(replace)) raw = raw.split(from).join(to);
    return JSON.parse(raw) as Record<string, any>;
  };
  const createTemplate = async (body: unknown) => {
    const res = await h.raw(`/${WABA}/message_templates`, { json: body });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ id: expect.any(String), status: 'APPROVED', category: 'MARKETING' });
    return res.body.id as string;
  };
  const storedButton = async (templateId: string) => {
    const list = await h.raw(`/${WABA}/message_templates?limit=100`);
    const t = list.body.data.find((x: { id: string }) => x.id === templateId);
    return t.components[1].buttons[0] as Record<string, unknown>;
  };

  it('by flow_id, by flow_name and by flow_json; the template keeps the flow id', async () => {
    const flowName = uniqueName('tpl');
    const flowId = (await h.client.flows.createFlow({ name: flowName, categories: ['OTHER'], flow_json: twoScreens, publish: true })).id;

    const byId = await createTemplate(postmanBody('Create Flow Template Message by ID', { '<TEMPLATE_NAME>': 'offer_by_id', '{{flow-id}}': flowId, '<SCREEN_ID>': 'ASK' }));
    expect(await storedButton(byId)).toEqual({ type: 'FLOW', text: 'Check out this offer!', flow_id: flowId, navigate_screen: 'ASK', flow_action: 'navigate' });

    const byName = await createTemplate(postmanBody('Create Flow Template Message by Name', { '<TEMPLATE_NAME>': 'offer_by_name', '{{flow-name}}': flowName, '<SCREEN_ID>': 'ASK' }));
    expect(await storedButton(byName)).toEqual({ type: 'FLOW', text: 'Check out this offer!', flow_id: flowId, navigate_screen: 'ASK', flow_action: 'navigate' });

    // Meta's sample Flow JSON is version 5.0: valid, so the flow is created, but frozen, so it stays a draft.
    const byJson = await createTemplate(postmanBody('Create Flow Template Message by Flow JSON', { '<TEMPLATE_NAME>': 'offer_by_json' }));
    const jsonButton = await storedButton(byJson);
    expect(jsonButton).toEqual({ type: 'FLOW', text: 'Check out this offer!', flow_id: expect.any(String), navigate_screen: 'WELCOME_SCREEN', flow_action: 'navigate' });
    expect(await h.client.flows.getFlow(String(jsonButton.flow_id), { fields: 'status,json_version,whatsapp_business_account' })).toMatchObject({
      status: 'DRAFT',
      json_version: '5.0',
      whatsapp_business_account: { id: WABA },
    });

    // With a publishable version the flow created for the template is published.
    const modern = postmanBody('Create Flow Template Message by Flow JSON', { '<TEMPLATE_NAME>': 'offer_by_json_73' });
    modern.components[1].buttons[0].flow_json = JSON.stringify(simpleFlowJson('7.3'));
    modern.components[1].buttons[0].navigate_screen = 'WELCOME';
    const modernId = await createTemplate(modern);
    const modernFlow = String((await storedButton(modernId)).flow_id);
    expect((await h.client.flows.getFlow(modernFlow, { fields: 'status' })).status).toBe('PUBLISHED');
  });

  it('a template message with a FLOW button is sent, and shows in /_emulator/messages', async () => {
    const flowId = (await h.client.flows.createFlow({ name: uniqueName('tplsend'), categories: ['OTHER'], flow_json: twoScreens, publish: true })).id;
    await createTemplate(postmanBody('Create Flow Template Message by ID', { '<TEMPLATE_NAME>': 'send_me', '{{flow-id}}': flowId, '<SCREEN_ID>': 'ASK' }));

    // Meta's own send body.
    const body = postmanBody('Send Flow Template Message', {
      '{{customer-phone-number}}': '15550001111',
      '<TEMPLATE_NAME>': 'send_me',
      '<FLOW_TOKEN>': 'token-from-postman',
      '<CUSTOM_KEY>': 'first_name',
      '<CUSTOM_VALUE>': 'Ana',
    });
    const raw = await h.raw(`/${PHONE}/messages`, { json: body });
    expect(raw.status, raw.text).toBe(200);
    expect(raw.body).toEqual({ messaging_product: 'whatsapp', contacts: [{ input: '15550001111', wa_id: '15550001111' }], messages: [{ id: expect.stringMatching(/^wamid\./) }] });

    // The SDK's form.
    const sdk = await h.client.messages.template({ to: '15550002222', name: 'send_me', language: 'en_US', flowButton: { flow_token: 'sdk-token', flow_action_data: { first_name: 'Bo' } } });
    const sent = await messages();
    const [fromPostman, fromSdk] = sent.slice(-2);
    expect(fromPostman).toMatchObject({
      id: raw.body.messages[0].id,
      phoneNumberId: PHONE,
      to: '15550001111',
      type: 'template',
      body,
      flow: { id: flowId, mode: 'published', token: 'token-from-postman', action: 'navigate', screen: 'ASK', data: { first_name: 'Ana' }, jsonVersion: '7.3' },
      sentAt: expect.stringMatching(TIMESTAMP),
    });
    expect(fromSdk).toMatchObject({ id: sdk.messages[0]!.id, to: '15550002222', flow: { id: flowId, token: 'sdk-token', data: { first_name: 'Bo' } } });
  });

  it('an interactive flow message shows in /_emulator/messages with its flow, token, screen and data', async () => {
    const flowId = (await h.client.flows.createFlow({ name: uniqueName('msg'), categories: ['OTHER'], flow_json: twoScreens })).id;
    const res = await h.client.messages.flow({ to: '15553334444', flowId, cta: 'Book!', body: 'Book now', header: 'Header', footer: 'Footer', token: 'abc', screen: 'CONFIRM', data: { first_name: 'Ana' }, mode: 'draft' });
    const last = (await messages()).at(-1)!;
    expect(last).toMatchObject({
      id: res.messages[0]!.id,
      to: '15553334444',
      type: 'interactive',
      body: { messaging_product: 'whatsapp', interactive: { type: 'flow', header: { type: 'text', text: 'Header' }, footer: { text: 'Footer' } } },
      flow: { id: flowId, mode: 'draft', token: 'abc', action: 'navigate', screen: 'CONFIRM', data: { first_name: 'Ana' }, jsonVersion: '7.3' },
    });
    // By name, as in Meta's "Send Draft Flow by Name".
    const name = (await h.client.flows.getFlow(flowId, { fields: 'name' })).name!;
    await h.client.messages.flow({ to: '15553334444', flowName: name, cta: 'Go', body: 'Hi', mode: 'draft' });
    expect((await messages()).at(-1)!.flow).toMatchObject({ id: flowId, token: 'unused', action: 'navigate' });
  });
});

describe('/_emulator/reset and /_emulator/state', () => {
  it('reset clears flows, templates and messages', async () => {
    const r = await startEmulator();
    try {
      const id = await flowIn(r, 'PUBLISHED');
      await r.client.messages.flow({ to: '15551234567', flowId: id, cta: 'Go', body: 'Hi' });
      const state = await r.raw('/_emulator/state');
      expect(Object.keys(state.body.flows)).toEqual([id]);
      expect(state.body.messages).toHaveLength(1);
      expect(await r.raw('/_emulator/reset', { method: 'POST' })).toMatchObject({ status: 200, body: { success: true } });
      expect(r.emu.state()).toMatchObject({ flows: {}, templates: {}, messages: [], wabas: {}, phones: {} });
      expect((await r.client.flows.listFlows()).data).toEqual([]);
      expect((await messages(r))).toEqual([]);
      await expectGraphError(r.client.flows.getFlow(id), { status: 400, code: 100, subcode: 33, type: 'GraphMethodException', message: /^Unsupported get request/ });
      // A name used before the reset is free again.
      const again = await r.client.flows.createFlow({ name: 'after_reset', categories: ['OTHER'] });
      expect(again.success).toBe(true);
    } finally {
      await r.close();
    }
  });
});

describe('body encodings and the token in the query', () => {
  const name = () => uniqueName('enc');

  it('create with JSON, urlencoded and multipart bodies', async () => {
    const viaJson = await h.raw(`/${WABA}/flows`, { json: { name: name(), categories: ['SURVEY', 'OTHER'], flow_json: JSON.stringify(simpleFlowJson()), publish: true } });
    const viaForm = await h.raw(`/${WABA}/flows`, {
      body: new URLSearchParams({ name: name(), categories: '["SURVEY","OTHER"]', flow_json: JSON.stringify(simpleFlowJson()), publish: 'true' }),
    });
    const multipart = new FormData();
    multipart.set('name', name());
    multipart.set('categories', '["SURVEY","OTHER"]');
    multipart.set('flow_json', JSON.stringify(simpleFlowJson()));
    multipart.set('publish', 'true');
    const viaMultipart = await h.raw(`/${WABA}/flows`, { body: multipart });
    // Categories as a comma list are accepted too.
    const viaComma = await h.raw(`/${WABA}/flows`, { body: new URLSearchParams({ name: name(), categories: 'SURVEY,OTHER' }) });
    for (const res of [viaJson, viaForm, viaMultipart, viaComma]) {
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual({ id: expect.any(String), success: true });
    }
    for (const res of [viaJson, viaForm, viaMultipart]) {
      expect(await h.client.flows.getFlow(res.body.id, { fields: 'status,categories,json_version' })).toMatchObject({ status: 'PUBLISHED', categories: ['SURVEY', 'OTHER'], json_version: '7.3' });
    }
    expect((await h.client.flows.getFlow(viaComma.body.id, { fields: 'categories' })).categories).toEqual(['SURVEY', 'OTHER']);
  });

  it('update metadata with JSON, urlencoded and multipart bodies', async () => {
    const id = (await h.client.flows.createFlow({ name: name(), categories: ['OTHER'] })).id;
    const n1 = name();
    expect((await h.raw(`/${id}`, { json: { name: n1, categories: ['SIGN_IN'] } })).body).toEqual({ success: true });
    expect(await h.client.flows.getFlow(id, { fields: 'name,categories' })).toMatchObject({ name: n1, categories: ['SIGN_IN'] });
    const n2 = name();
    expect((await h.raw(`/${id}`, { body: new URLSearchParams({ name: n2, endpoint_uri: 'https://example.com/a' }) })).body).toEqual({ success: true });
    expect(await h.client.flows.getFlow(id, { fields: 'name,endpoint_uri' })).toMatchObject({ name: n2, endpoint_uri: 'https://example.com/a' });
    const form = new FormData();
    form.set('categories', '["CUSTOMER_SUPPORT"]');
    form.set('application_id', '1234');
    expect((await h.raw(`/${id}`, { body: form })).body).toEqual({ success: true });
    expect((await h.client.flows.getFlow(id, { fields: 'categories' })).categories).toEqual(['CUSTOMER_SUPPORT']);
    expect(h.emu.state().flows[id]!.applicationId).toBe('1234');
  });

  it('upload Flow JSON as a form field instead of a file part', async () => {
    const id = (await h.client.flows.createFlow({ name: name(), categories: ['OTHER'] })).id;
    const res = await h.raw(`/${id}/assets`, { body: new URLSearchParams({ name: 'flow.json', asset_type: 'FLOW_JSON', file: twoScreens }) });
    expect(res.body).toEqual({ success: true, validation_errors: [] });
    expect(await h.client.flows.downloadFlowJson(id)).toEqual(JSON.parse(twoScreens));
  });

  it('access_token as a query parameter is accepted (and checked)', async () => {
    const ok = await h.raw(`/${WABA}/flows?access_token=${TOKEN}&limit=1`, { token: null });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toHaveLength(1);
    const created = await h.raw(`/${WABA}/flows?access_token=${TOKEN}`, { token: null, body: new URLSearchParams({ name: name(), categories: '["OTHER"]' }) });
    expect(created.status).toBe(200);
    // In the body, as form-data clients do.
    const renamed = name();
    const inBody = await h.raw(`/${created.body.id}`, { token: null, body: new URLSearchParams({ access_token: TOKEN, name: renamed }) });
    expect(inBody.body).toEqual({ success: true });
    expect((await h.client.flows.getFlow(created.body.id, { fields: 'name' })).name).toBe(renamed);
    expect((await h.raw(`/${WABA}/flows?access_token=nope`, { token: null })).status).toBe(401);
  });

  it('any Graph version prefix, or none, reaches the same API', async () => {
    for (const prefix of ['/v19.0', '/v25.0', '']) {
      const res = await fetch(`${h.url}${prefix}/${WABA}/flows?limit=1`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
    }
  });
});

/**
 * Every error the emulator produces (flowError, invalidParameter, new GraphError, messageParamError, unknownObject
 * in src/emulator), with HTTP status, code, subcode, type and message. The SDK is used where it sends the request
 * as is; raw fetch where the SDK would refuse to send it (so the emulator's own validation is reached).
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, EmulatorSaveError } from '../../src/emulator/index.js';
import type { FlowStatus } from '../../src/enums/flow-status.js';
import {
  endpointFlowJson,
  expectGraphError,
  expectNoStackTrace,
  expectRawError,
  flowIn,
  invalidFlowJson,
  OTHER_WABA,
  PHONE,
  rawRequest,
  simpleFlowJson,
  startEmulator,
  TOKEN,
  uniqueName,
  WABA,
  type ExpectedGraphError,
  type Harness,
  type RawInit,
} from './helpers/emulator.js';

let h: Harness;
beforeAll(async () => {
  h = await startEmulator({ token: TOKEN });
});
afterAll(async () => {
  await h.close();
});

const invalid = (message: string | RegExp, extra: Partial<ExpectedGraphError> = {}): ExpectedGraphError => ({
  status: 400,
  code: 100,
  message: typeof message === 'string' ? `(#100) ${message}` : message,
  ...extra,
});

async function rawError(path: string, init: RawInit, expected: ExpectedGraphError): Promise<void> {
  expectRawError(await h.raw(path, init), expected);
}

async function createdDraft(json: Record<string, unknown> = simpleFlowJson()): Promise<string> {
  return (await h.client.flows.createFlow({ name: uniqueName('draft'), categories: ['OTHER'], flow_json: json })).id;
}

function uploadForm(fields: Record<string, string | Blob>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string') form.set(k, v);
    else form.set(k, v, 'flow.json');
  }
  return form;
}

describe('unknown objects and paths', () => {
  const unsupported = (method: string, id: string): ExpectedGraphError => ({
    status: 400,
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
    message: `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
  });

  it('GET, POST, DELETE of an unknown id: 100/33 GraphMethodException', async () => {
    const id = '999999999999999';
    await expectGraphError(h.client.flows.getFlow(id), unsupported('get', id));
    await expectGraphError(h.client.flows.updateFlowMetadata(id, { name: 'x' }), unsupported('post', id));
    await expectGraphError(h.client.flows.deleteFlow(id), unsupported('delete', id));
  });

  it('edges of an unknown flow: 100/33', async () => {
    const id = '888888888888888';
    await expectGraphError(h.client.flows.publishFlow(id), unsupported('post', id));
    await expectGraphError(h.client.flows.deprecateFlow(id), unsupported('post', id));
    await expectGraphError(h.client.flows.uploadFlowJson(id, simpleFlowJson()), unsupported('post', id));
    await expectGraphError(h.client.flows.getFlowAssets(id), unsupported('get', id));
  });

  it('unknown paths and methods: code 100 "Unknown path components"', async () => {
    const flowId = await createdDraft();
    await rawError(`/${WABA}/flows/extra`, {}, invalid(/^Unknown path components: \/100000000000001\/flows\/extra /));
    await rawError(`/${WABA}/no_such_edge`, {}, invalid(/^Unknown path components: \/100000000000001\/no_such_edge /));
    await rawError(`/${flowId}`, { method: 'PUT', body: '{}' }, invalid(/^Unknown path components: /));
    await rawError(`/${WABA}/flows`, { method: 'DELETE' }, invalid(/^Unknown path components: /));
    await rawError('/', {}, invalid(/^Unknown path components: \/ /));
  });

  it('a malformed percent-encoding in the path is a 400, not a crash', async () => {
    await rawError('/%E0%A4%A/flows', {}, invalid(/^Unknown path components: /));
  });

  it('emulator routes: unknown route, unknown flow, bad status, unknown asset (404/400, code 100)', async () => {
    await rawError('/_emulator/nope', {}, { status: 404, code: 100, message: 'Unknown emulator route GET /_emulator/nope.' });
    await rawError('/_emulator/flows/123/status', { json: { status: 'BLOCKED' } }, { status: 404, code: 100, message: 'Flow 123 does not exist.' });
    const id = await createdDraft();
    await rawError(`/_emulator/flows/${id}/status`, { json: { status: 'GONE' } }, {
      status: 400,
      code: 100,
      message: 'status must be one of DRAFT, PUBLISHED, THROTTLED, BLOCKED, DEPRECATED.',
    });
    await rawError(`/_emulator/flows/${id}/status`, { body: 'not json', headers: { 'content-type': 'application/json' } }, {
      status: 400,
      code: 100,
      message: /^status must be one of/,
    });
    await rawError(`/_emulator/assets/${id}/1/flow.json`, {}, { status: 404, code: 100, message: 'Asset not found.' });
  });
});

describe('access tokens (token option)', () => {
  it('a wrong token: HTTP 401, code 190', async () => {
    const client = h.newClient({ accessToken: 'wrong-token' });
    const error = await expectGraphError(client.flows.listFlows(), {
      status: 401,
      code: 190,
      message: 'Invalid OAuth access token - Cannot parse access token',
    });
    expect(error.name).toBe('AuthenticationError');
    await rawError(`/${WABA}/flows?access_token=wrong`, { token: null }, { status: 401, code: 190, message: /Invalid OAuth access token/ });
  });

  it('no token: code 104', async () => {
    await rawError(`/${WABA}/flows`, { token: null }, { status: 400, code: 104, message: 'An access token is required to request this resource.' });
    await rawError(`/${WABA}/flows`, { token: null, headers: { authorization: 'Bearer ' } }, { status: 400, code: 104, message: /access token is required/ });
  });

  it('with a token set, the emulator routes need it too (admin-token.test.ts covers every route)', async () => {
    await rawError('/_emulator/health', { token: null }, { status: 400, code: 104, message: 'An access token is required to request this resource.' });
    expect((await h.raw('/_emulator/health')).body).toEqual({ status: 'ok' });
  });
});

describe('request bodies', () => {
  it('a body that is not JSON, or not a JSON object', async () => {
    const headers = { 'content-type': 'application/json' };
    await rawError(`/${WABA}/flows`, { body: '{"name": ', headers }, invalid('The request body is not valid JSON.'));
    await rawError(`/${WABA}/flows`, { body: '["a"]', headers }, invalid('The request body must be a JSON object.'));
    await rawError(`/${WABA}/flows`, { body: '42', headers }, invalid('The request body must be a JSON object.'));
    // No content type at all: read as JSON too.
    await rawError(`/${WABA}/flows`, { body: 'name=x' }, invalid('The request body is not valid JSON.'));
  });

  it('a multipart body that does not parse', async () => {
    await rawError(`/${WABA}/flows`, { body: 'garbage', headers: { 'content-type': 'multipart/form-data; boundary=xyz' } }, invalid('The request body could not be parsed as form data.'));
  });

  it('a body over the limit: HTTP 413', async () => {
    const big = 'x'.repeat(13 * 1024 * 1024);
    await rawError(`/${WABA}/flows`, { body: big, headers: { 'content-type': 'application/json' } }, {
      status: 413,
      code: 100,
      message: `(#100) Request body too large: ${big.length} bytes (limit ${12 * 1024 * 1024}).`,
    });
  });
});

describe('create', () => {
  it('name missing or blank', async () => {
    await rawError(`/${WABA}/flows`, { json: { categories: ['OTHER'] } }, invalid('The parameter name is required.'));
    await rawError(`/${WABA}/flows`, { json: { name: '  ', categories: ['OTHER'] } }, invalid('The parameter name is required.'));
  });

  it('categories missing, empty, malformed or unknown', async () => {
    await rawError(`/${WABA}/flows`, { json: { name: uniqueName() } }, invalid('The parameter categories is required.'));
    await rawError(`/${WABA}/flows`, { json: { name: uniqueName(), categories: [] } }, invalid('The parameter categories is required.'));
    await rawError(`/${WABA}/flows`, { json: { name: uniqueName(), categories: ['OTHER', 'APPOINTMENT'] } }, invalid(
      'Param categories[1] must be one of {SIGN_UP, SIGN_IN, APPOINTMENT_BOOKING, LEAD_GENERATION, CONTACT_US, CUSTOMER_SUPPORT, SURVEY, OTHER} - got "APPOINTMENT".',
    ));
    await rawError(`/${WABA}/flows`, { json: { name: uniqueName(), categories: [1] } }, invalid('Param categories must be an array of strings.'));
    await rawError(`/${WABA}/flows`, { body: uploadForm({ name: uniqueName(), categories: '["OTHER"' }) }, invalid('Param categories must be a JSON array of strings.'));
  });

  it('name not unique in the WABA (100), but the same name in another WABA is fine', async () => {
    const name = uniqueName('dup');
    await h.client.flows.createFlow({ name, categories: ['OTHER'] });
    await expectGraphError(h.client.flows.createFlow({ name, categories: ['SURVEY'] }), {
      status: 400,
      code: 100,
      message: 'Flow name is not unique',
      userTitle: 'Flow name is not unique',
      userMessage: `A flow named "${name}" already exists in this WhatsApp Business Account.`,
      isTransient: false,
    });
    await expect(h.client.flows.createFlow(OTHER_WABA, { name, categories: ['OTHER'] })).resolves.toMatchObject({ success: true });
  });

  it('invalid endpoint URI (100)', async () => {
    for (const uri of ['not a url', 'ftp://example.com/flow']) {
      await rawError(`/${WABA}/flows`, { json: { name: uniqueName(), categories: ['OTHER'], endpoint_uri: uri } }, {
        status: 400,
        code: 100,
        message: 'Invalid Endpoint URI',
        userTitle: 'Invalid Endpoint URI',
        userMessage: `"${uri}" is not a valid URL.`,
      });
    }
  });

  it('clone of an unknown flow (100 "Flow with specified ID does not exist")', async () => {
    await expectGraphError(h.client.flows.createFlow({ name: uniqueName(), categories: ['OTHER'], clone_flow_id: '777777777777777' }), {
      status: 400,
      code: 100,
      message: 'Flow with specified ID does not exist',
      userTitle: 'Flow with specified ID does not exist',
    });
  });

  it('clone_flow_id and clone_template together (100 "Only one clone source can be set")', async () => {
    const source = await createdDraft();
    await rawError(`/${WABA}/flows`, { json: { name: uniqueName(), categories: ['OTHER'], clone_flow_id: source, clone_template: 'x' } }, {
      status: 400,
      code: 100,
      message: 'Only one clone source can be set',
      userTitle: 'Only one clone source can be set',
    });
  });

  it('endpoint_uri with Flow JSON below 3.0 (100 "Specify Endpoint Uri in Flow JSON")', async () => {
    await expectGraphError(
      h.client.flows.createFlow({ name: uniqueName(), categories: ['OTHER'], flow_json: simpleFlowJson('2.1'), endpoint_uri: 'https://example.com/flow' }),
      { status: 400, code: 100, message: 'Specify Endpoint Uri in Flow JSON', userMessage: /data_channel_uri/ },
    );
  });

  it('publish that is not a boolean', async () => {
    await rawError(`/${WABA}/flows`, { json: { name: uniqueName(), categories: ['OTHER'], publish: 'maybe' } }, invalid('Param publish must be a boolean.'));
  });

  it('flow_json over 10 MB', async () => {
    const flowJson = JSON.stringify({ version: '7.3', pad: 'x'.repeat(10 * 1024 * 1024) });
    await rawError(`/${WABA}/flows`, { json: { name: uniqueName(), categories: ['OTHER'], flow_json: flowJson } }, invalid('flow_json exceeds the 10 MB limit.'));
  });
});

describe('update metadata', () => {
  it('blank name, taken name, empty categories, bad category, bad endpoint URI', async () => {
    const id = await createdDraft();
    const other = uniqueName('taken');
    await h.client.flows.createFlow({ name: other, categories: ['OTHER'] });
    await rawError(`/${id}`, { json: { name: ' ' } }, invalid('The parameter name must not be empty.'));
    await expectGraphError(h.client.flows.updateFlowMetadata(id, { name: other }), { status: 400, code: 100, message: 'Flow name is not unique', userTitle: 'Flow name is not unique' });
    await rawError(`/${id}`, { json: { categories: [] } }, invalid('The parameter categories must contain at least one category.'));
    await rawError(`/${id}`, { json: { categories: ['NOPE'] } }, invalid(/^\(#100\) Param categories\[0\] must be one of \{SIGN_UP, .*\} - got "NOPE"\.$/));
    await rawError(`/${id}`, { json: { endpoint_uri: 'nope' } }, { status: 400, code: 100, message: 'Invalid Endpoint URI' });
  });

  it('endpoint_uri on a flow whose JSON is below 3.0 (139001 "Specify Endpoint Uri in Flow JSON")', async () => {
    const id = await createdDraft(simpleFlowJson('2.1'));
    await expectGraphError(h.client.flows.updateFlowMetadata(id, { endpoint_uri: 'https://example.com/flow' }), {
      status: 400,
      code: 139001,
      message: 'Specify Endpoint Uri in Flow JSON',
      userTitle: 'Specify Endpoint Uri in Flow JSON',
    });
  });
});

describe('upload Flow JSON', () => {
  const json = () => new Blob([JSON.stringify(simpleFlowJson())], { type: 'application/json' });

  it('wrong asset name or type, missing file', async () => {
    const id = await createdDraft();
    await rawError(`/${id}/assets`, { body: uploadForm({ file: json(), name: 'other.json', asset_type: 'FLOW_JSON' }) }, invalid('Param name must be "flow.json" - got "other.json".'));
    await rawError(`/${id}/assets`, { body: uploadForm({ file: json(), asset_type: 'FLOW_JSON' }) }, invalid('Param name must be "flow.json" - got nothing.'));
    await rawError(`/${id}/assets`, { body: uploadForm({ file: json(), name: 'flow.json', asset_type: 'IMAGE' }) }, invalid('Param asset_type must be one of {FLOW_JSON} - got "IMAGE".'));
    await rawError(`/${id}/assets`, { body: uploadForm({ file: json(), name: 'flow.json' }) }, invalid('Param asset_type must be one of {FLOW_JSON} - got nothing.'));
    await rawError(`/${id}/assets`, { body: uploadForm({ name: 'flow.json', asset_type: 'FLOW_JSON' }) }, invalid('The parameter file is required.'));
  });

  it('a file over 10 MB', async () => {
    const id = await createdDraft();
    const big = new Blob([JSON.stringify({ version: '7.3', pad: 'x'.repeat(10 * 1024 * 1024) })]);
    await rawError(`/${id}/assets`, { body: uploadForm({ file: big, name: 'flow.json', asset_type: 'FLOW_JSON' }) }, invalid('The Flow JSON file exceeds the 10 MB limit.'));
  });

  it('JSON with validation errors is accepted (success with validation_errors), as Meta does', async () => {
    const id = await createdDraft();
    const res = await h.client.flows.uploadFlowJson(id, invalidFlowJson());
    expect(res.success).toBe(true);
    expect(res.validation_errors?.map((e) => e.error)).toEqual(expect.arrayContaining(['MISSING_TERMINAL_SCREEN', 'PATTERN_MISMATCH']));
    const pattern = res.validation_errors!.find((e) => e.error === 'PATTERN_MISMATCH')!;
    expect(pattern).toMatchObject({ error_type: expect.any(String), message: 'Property id should only consist of alphabets and underscores.' });
    expect(pattern.pointers?.[0]?.path).toBe('screens[0].id');
  });
});

describe('publishing checks (139002)', () => {
  let p: Harness;
  beforeAll(async () => {
    p = await startEmulator(); // own emulator: the public-key check looks at every phone number
  });
  afterAll(async () => {
    await p.close();
  });
  const create = async (body: Record<string, unknown>) => (await p.client.flows.createFlow({ name: uniqueName('pub'), categories: ['OTHER'], ...body })).id;
  const publishError = (title: string, userMessage?: string | RegExp): ExpectedGraphError => ({
    status: 400,
    code: 139002,
    message: title,
    userTitle: title,
    isTransient: false,
    ...(userMessage !== undefined ? { userMessage } : {}),
  });

  it('no Flow JSON at all', async () => {
    const id = await create({});
    await expectGraphError(p.client.flows.publishFlow(id), publishError('Publishing Flow with validation errors', 'No Flow JSON has been uploaded.'));
  });

  it('JSON with validation errors', async () => {
    const id = await create({ flow_json: invalidFlowJson() });
    await expectGraphError(p.client.flows.publishFlow(id), publishError('Publishing Flow with validation errors', 'The Flow JSON has 2 validation error(s).'));
    expect((await p.client.flows.getFlow(id, { fields: 'status' })).status).toBe('DRAFT');
  });

  it.each(['2.1', '3.0', '3.1', '4.0', '5.0'])('frozen version %s: "Versions in Flow JSON file are not available for publishing"', async (version) => {
    const id = await create({ flow_json: simpleFlowJson(version) });
    await expectGraphError(
      p.client.flows.publishFlow(id),
      publishError('Versions in Flow JSON file are not available for publishing', `Flow JSON version ${version} cannot be published.`),
    );
  });

  it('endpoint flow without endpoint_uri, then without a public key, then published', async () => {
    const id = await create({ flow_json: endpointFlowJson() });
    await expectGraphError(
      p.client.flows.publishFlow(id),
      publishError('Publishing without specifying endpoint_uri is forbidden', /You need to set the endpoint URI before you can send or publish a flow\./),
    );
    await p.client.flows.updateFlowMetadata(id, { endpoint_uri: 'https://example.com/flow' });
    await expectGraphError(
      p.client.flows.publishFlow(id),
      publishError('Missing Flows Signed Public Key', 'No business public key has been uploaded for a phone number.'),
    );
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    await p.client.encryption.setBusinessPublicKey(publicKey);
    await expect(p.client.flows.publishFlow(id)).resolves.toEqual({ success: true });
  });
});

describe('fields and metrics', () => {
  it('a field the node does not have: "Tried accessing nonexisting field"', async () => {
    const id = await createdDraft();
    await expectGraphError(h.client.flows.getFlow(id, { fields: ['id', 'nope'] }), invalid('Tried accessing nonexisting field (nope) on node type (Flow)'));
    await expectGraphError(h.client.flows.listFlows({ fields: 'name,owner' }), invalid('Tried accessing nonexisting field (owner) on node type (Flow)'));
  });

  it('fields syntax errors and a bad invalidate()', async () => {
    const id = await createdDraft();
    await rawError(`/${id}?fields=Name`, {}, invalid('Syntax error in fields near "Name".'));
    await rawError(`/${id}?fields=preview.invalidate`, {}, invalid('Syntax error "Expected "(" instead of end of string." at character 18: preview.invalidate'));
    await rawError(`/${id}?fields=preview.invalidate(maybe)`, {}, invalid('invalidate must be true or false.'));
  });

  it('metrics: 139006 "Metrics threshold is not reached"', async () => {
    const id = await createdDraft();
    await expectGraphError(h.client.flows.getFlowMetrics(id, { name: 'ENDPOINT_REQUEST_COUNT', granularity: 'DAY', since: '2024-01-28', until: '2024-01-30' }), {
      status: 400,
      code: 139006,
      message: 'Metrics threshold is not reached',
      userTitle: 'Metrics threshold is not reached',
      userMessage: 'The flow needs at least 250 endpoint requests before metrics are available.',
    });
    // Meta's own sample writes the granularity in lower case.
    await rawError(`/${id}?fields=metric.name(ENDPOINT_AVAILABILITY).granularity(day)`, {}, { status: 400, code: 139006, message: 'Metrics threshold is not reached' });
  });

  it('metrics: bad or missing name and granularity', async () => {
    const id = await createdDraft();
    await rawError(`/${id}?fields=metric.name(REQUESTS).granularity(DAY)`, {}, invalid(
      'Param name must be one of {ENDPOINT_REQUEST_COUNT, ENDPOINT_REQUEST_ERROR, ENDPOINT_REQUEST_ERROR_RATE, ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL, ENDPOINT_AVAILABILITY} - got "REQUESTS".',
    ));
    await rawError(`/${id}?fields=metric.granularity(DAY)`, {}, invalid('The parameter name is required for metric.'));
    await rawError(`/${id}?fields=metric.name(ENDPOINT_REQUEST_COUNT)`, {}, invalid('The parameter granularity is required for metric.'));
    await rawError(`/${id}?fields=metric.name(ENDPOINT_REQUEST_COUNT).granularity(WEEK)`, {}, invalid('Param granularity must be one of {DAY, HOUR, LIFETIME} - got "WEEK".'));
  });
});

describe('pagination parameters', () => {
  it('bad limit and bad cursors', async () => {
    await rawError(`/${WABA}/flows?limit=0`, {}, invalid('Param limit must be a positive integer.'));
    await rawError(`/${WABA}/flows?limit=abc`, {}, invalid('Param limit must be a positive integer.'));
    await rawError(`/${WABA}/flows?after=***`, {}, invalid('Invalid cursor.'));
    await rawError(`/${WABA}/flows?before=${btoa('hello')}`, {}, invalid('Invalid cursor.'));
    await expectGraphError(h.client.flows.listFlows({ after: btoa('cursor:x') }), invalid('Invalid cursor.'));
  });
});

describe('templates', () => {
  const button = (extra: Record<string, unknown>) => ({ type: 'FLOW', text: 'Open the flow', flow_action: 'navigate', ...extra });
  const template = (name: string, buttons: unknown[], extra: Record<string, unknown> = {}) => ({
    name,
    language: 'en_US',
    category: 'MARKETING',
    components: [{ type: 'body', text: 'Check out this new offer' }, { type: 'BUTTONS', buttons }],
    ...extra,
  });
  const createTemplate = (body: unknown, waba = WABA) => h.raw(`/${waba}/message_templates`, { json: body });

  it('name, language, category and components', async () => {
    const flowId = await createdDraft();
    const ok = template('t_ok', [button({ flow_id: flowId })]);
    expectRawError(await createTemplate({ ...ok, name: 'Bad Name' }), invalid('Param name must be lowercase letters, digits and underscores.'));
    expectRawError(await createTemplate({ ...ok, language: '' }), invalid('The parameter language is required.'));
    expectRawError(await createTemplate({ ...ok, category: 'PROMO' }), invalid('Param category must be one of {MARKETING, UTILITY, AUTHENTICATION}.'));
    expectRawError(await createTemplate({ ...ok, components: 'none' }), invalid('The parameter components is required.'));
  });

  it('components and buttons that are not objects are refused, not a crash', async () => {
    const flowId = await createdDraft();
    expectRawError(await createTemplate(template('t_null_component', [button({ flow_id: flowId })], { components: [null] })), invalid(/^\(#100\) .*component/i));
    expectRawError(await createTemplate(template('t_null_button', [null])), invalid(/^\(#100\) .*button/i));
  });

  it('duplicate name and language: 100 / 2388023', async () => {
    const flowId = await createdDraft();
    const body = template(`t_dup_${process.pid}`, [button({ flow_id: flowId })]);
    expect((await createTemplate(body)).status).toBe(200);
    expectRawError(await createTemplate(body), {
      status: 400,
      code: 100,
      subcode: 2388023,
      message: 'Invalid parameter',
      userTitle: 'Message template name is already in use',
      userMessage: 'There is already en_US content for this template.',
    });
    // Another language of the same template is fine.
    expect((await createTemplate({ ...body, language: 'pt_BR' })).status).toBe(200);
  });

  it('bad FLOW buttons', async () => {
    const flowId = await createdDraft();
    const t = (buttons: unknown[]) => createTemplate(template(uniqueName('t').toLowerCase(), buttons));
    expectRawError(await t([button({ flow_id: flowId, text: '' })]), invalid('A FLOW button needs text (at most 25 characters).'));
    expectRawError(await t([button({ flow_id: flowId, text: 'x'.repeat(26) })]), invalid(/The text of a FLOW button can have at most 25 characters; "x+" has 26\./));
    expectRawError(await t([button({})]), invalid('A FLOW button needs exactly one of flow_id, flow_name and flow_json.'));
    expectRawError(await t([button({ flow_id: flowId, flow_name: 'x' })]), invalid('A FLOW button needs exactly one of flow_id, flow_name and flow_json.'));
    expectRawError(await t([button({ flow_id: flowId, flow_action: 'open' })]), invalid('flow_action must be "navigate" or "data_exchange"; got "open".'));
    expectRawError(await t([button({ flow_id: '123' })]), invalid('The flow of the FLOW button (123) does not exist in this WhatsApp Business Account.'));
    expectRawError(await t([button({ flow_name: 'no_such_flow' })]), invalid('The flow of the FLOW button (no_such_flow) does not exist in this WhatsApp Business Account.'));
    expectRawError(await t([button({ flow_id: flowId, navigate_screen: 'NOWHERE' })]), invalid('navigate_screen "NOWHERE" is not a screen of the flow.'));
    expectRawError(await t([button({ flow_json: JSON.stringify(invalidFlowJson()) })]), {
      status: 400,
      code: 100,
      message: '(#100) Invalid parameter',
      userTitle: 'Flow JSON has validation errors',
      userMessage: /Terminal screen is required but not provided\./,
    });
  });

  it('a FLOW button naming a flow of another WABA', async () => {
    const foreign = (await h.client.flows.createFlow(OTHER_WABA, { name: uniqueName(), categories: ['OTHER'] })).id;
    expectRawError(await createTemplate(template('t_foreign', [button({ flow_id: foreign })])), invalid(/does not exist in this WhatsApp Business Account/));
  });

  it('sending: template name / language missing, unknown template (132001), flow gone (131009)', async () => {
    const send = (template: unknown) => h.raw(`/${PHONE}/messages`, { json: { messaging_product: 'whatsapp', to: '15551234567', type: 'template', template } });
    const msg = (details: string): ExpectedGraphError => ({ status: 400, code: 100, message: '(#100) Invalid parameter', details });
    expectRawError(await send(undefined), msg('template.name is required.'));
    expectRawError(await send({ name: 'x', language: 'en_US' }), msg('template.language.code is required.'));
    await expectGraphError(h.client.messages.template({ to: '15551234567', name: 'never_created', language: 'en_US' }), {
      status: 400,
      code: 132001,
      message: '(#132001) Template name does not exist in the translation',
      details: 'template name (never_created) does not exist in en_US',
    });
    const flowId = await createdDraft();
    const name = `t_gone_${process.pid}`;
    expect((await createTemplate(template(name, [button({ flow_id: flowId })]))).status).toBe(200);
    await h.client.flows.deleteFlow(flowId);
    await expectGraphError(h.client.messages.template({ to: '15551234567', name, language: 'en_US', flowButton: {} }), {
      status: 400,
      code: 131009,
      message: '(#131009) Parameter value is not valid',
      details: 'The flow of this template no longer exists.',
    });
  });
});

describe('messages', () => {
  let published: string;
  beforeAll(async () => {
    published = await flowIn(h, 'PUBLISHED');
  });
  const base = { messaging_product: 'whatsapp', to: '15551234567', type: 'interactive' };
  const flowMessage = (parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    ...base,
    interactive: { type: 'flow', body: { text: 'Hi' }, action: { name: 'flow', parameters: { flow_message_version: '3', flow_cta: 'Open', ...parameters } }, ...extra },
  });
  const send = (body: unknown) => h.raw(`/${PHONE}/messages`, { json: body });
  const param = (details: string | RegExp): ExpectedGraphError => ({ status: 400, code: 100, message: '(#100) Invalid parameter', details });
  const notValid = (details: string | RegExp): ExpectedGraphError => ({ status: 400, code: 131009, message: '(#131009) Parameter value is not valid', details });

  it('envelope: messaging_product, to, interactive', async () => {
    expectRawError(await send({ to: '15551234567', type: 'text', text: { body: 'x' } }), param('The parameter messaging_product is required and must be "whatsapp".'));
    expectRawError(await send({ messaging_product: 'whatsapp', to: 'bob', type: 'text' }), param(/^The parameter to must be a phone number in international format .* or a business-scoped user ID/));
    expectRawError(await send(base), param('The parameter interactive is required for type interactive.'));
  });

  it('flow message shape: body, action name, parameters, version, cta', async () => {
    expectRawError(await send(flowMessage({ flow_id: published }, { body: undefined })), param('interactive.body.text is required for flow messages: body: { text: "..." }.'));
    expectRawError(await send({ ...base, interactive: { type: 'flow', body: { text: 'Hi' }, action: { name: 'cta_url' } } }), param('interactive.action.name must be "flow" for flow messages.'));
    expectRawError(await send({ ...base, interactive: { type: 'flow', body: { text: 'Hi' }, action: { name: 'flow' } } }), param(/^interactive\.action\.parameters is required: /));
    expectRawError(await send(flowMessage({ flow_id: published, flow_message_version: '2' })), param('flow_message_version must be "3" (the only version); got "2".'));
    expectRawError(await send(flowMessage({ flow_id: published, flow_cta: ' ' })), param(/^flow_cta must be a non-empty string/));
  });

  it('flow_id xor flow_name', async () => {
    const name = (await h.client.flows.getFlow(published, { fields: 'name' })).name;
    expectRawError(await send(flowMessage({ flow_id: published, flow_name: name })), param('Give either flow_id or flow_name, not both.'));
    expectRawError(await send(flowMessage({})), param('A flow message needs flow_id or flow_name.'));
    expectRawError(await send(flowMessage({ flow_id: '4242' })), notValid('Flow with id 4242 does not exist.'));
    expectRawError(await send(flowMessage({ flow_name: 'nobody' })), notValid('Flow with name nobody does not exist.'));
    expect((await send(flowMessage({ flow_name: name }))).status).toBe(200);
  });

  it('mode, flow_action and the payload', async () => {
    expectRawError(await send(flowMessage({ flow_id: published, mode: 'live' })), param('mode must be "published" or "draft"; got "live".'));
    expectRawError(await send(flowMessage({ flow_id: published, flow_action: 'jump' })), param('flow_action must be "navigate" or "data_exchange"; got "jump".'));
    expectRawError(
      await send(flowMessage({ flow_id: published, flow_action: 'data_exchange', flow_action_payload: { screen: 'WELCOME' } })),
      param(/^flow_action_payload is only for flow_action "navigate"/),
    );
    expectRawError(await send(flowMessage({ flow_id: published, flow_action_payload: null })), param(/^flow_action_payload must be an object/));
    expectRawError(await send(flowMessage({ flow_id: published, flow_action_payload: { screen: 'NOWHERE' } })), notValid('flow_action_payload.screen "NOWHERE" is not a screen of the flow.'));
    expectRawError(await send(flowMessage({ flow_id: published, flow_action_payload: { screen: 'WELCOME', data: {} } })), param(/^flow_action_payload\.data must be a non-empty object \(or a JSON string of one\)/));
    // Meta's docs disagree on whether data is an object or a string: both are accepted.
    expect((await send(flowMessage({ flow_id: published, flow_action_payload: { screen: 'WELCOME', data: '{"a":1}' } }))).status).toBe(200);
  });

  it('a draft without Flow JSON cannot be sent, even in draft mode (131009)', async () => {
    const id = (await h.client.flows.createFlow({ name: uniqueName('empty'), categories: ['OTHER'] })).id;
    expectRawError(await send(flowMessage({ flow_id: id, mode: 'draft' })), notValid('The flow has no Flow JSON to send.'));
  });
});

describe('migrate', () => {
  const SOURCE = '300000000000003';
  const DEST = '300000000000004';

  it('parameter errors: no source, source = destination, more than 100 names, names not strings', async () => {
    await rawError(`/${DEST}/migrate_flows`, { json: {} }, invalid('The parameter source_waba_id is required.'));
    await rawError(`/${DEST}/migrate_flows`, { json: { source_waba_id: DEST } }, invalid('source_waba_id must differ from the destination WABA.'));
    const names = Array.from({ length: 101 }, (_, i) => `flow_${i}`);
    await rawError(`/${DEST}/migrate_flows`, { json: { source_waba_id: SOURCE, source_flow_names: names } }, invalid('At most 100 flow names can be migrated in one request.'));
    await rawError(`/${DEST}/migrate_flows?source_waba_id=${SOURCE}&source_flow_names=${encodeURIComponent('[1,2]')}`, { method: 'POST' }, invalid('Param source_flow_names must be an array of strings.'));
  });

  it('per-flow failures: same name in the destination (4233041), unknown name', async () => {
    const name = uniqueName('mig');
    await h.client.flows.createFlow(SOURCE, { name, categories: ['OTHER'] });
    await h.client.flows.createFlow(DEST, { name, categories: ['OTHER'] });
    const res = await h.client.flows.migrateFlows(DEST, { source_waba_id: SOURCE, source_flow_names: [name, 'missing_flow'] });
    expect(res.migrated_flows).toEqual([]);
    expect(res.failed_flows).toEqual([
      { source_name: name, source_id: expect.any(String), error_code: '4233041', error_message: 'Flows Migration Error: Flow with the same name exists in destination WABA.' },
      { source_name: 'missing_flow', error_code: '100', error_message: 'Flows Migration Error: Flow with name missing_flow does not exist in source WABA.' },
    ]);
  });
});

describe('business public key', () => {
  const set = (pem: string | undefined) =>
    h.raw(`/${PHONE}/whatsapp_business_encryption`, { body: new URLSearchParams(pem === undefined ? {} : { business_public_key: pem }) });

  it('missing', async () => {
    expectRawError(await set(undefined), invalid('The parameter business_public_key is required.'));
  });

  it('a private key is refused (the SDK would not even send it)', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    expectRawError(await set(privateKey), invalid('business_public_key must be a PEM encoded public key ("-----BEGIN PUBLIC KEY-----").'));
    await expect(h.client.encryption.setBusinessPublicKey(privateKey)).rejects.toThrow(/PRIVATE key/);
  });

  it('not 2048 bits', async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    await expectGraphError(h.client.encryption.setBusinessPublicKey(publicKey), invalid('business_public_key must be a 2048-bit RSA key; got 1024 bits.'));
  });

  it('garbage: not base64, not a key, not RSA', async () => {
    const pem = (body: string) => `-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----`;
    expectRawError(await set(pem('!!!! not base64 !!!!')), invalid('business_public_key is not valid base64 inside the PEM block.'));
    expectRawError(await set(pem(btoa('hello, not a key'))), invalid('business_public_key is not an RSA public key.'));
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    expectRawError(await set(publicKey), invalid('business_public_key is not an RSA public key.'));
    expectRawError(await set('just some text'), invalid(/must be a PEM encoded public key/));
  });
});

describe('fault header', () => {
  it('an unknown x-emulator-fault value is a 400', async () => {
    await rawError(`/${WABA}/flows`, { headers: { 'x-emulator-fault': 'explode' } }, invalid('Unknown x-emulator-fault "explode": use one of 429, throttle, 500, 503, timeout.'));
  });
});

describe('server-side failures', () => {
  it('a save that fails is a 503 (transient), leaves nothing behind, and carries no internal detail', async () => {
    const emu = createEmulator({
      persistence: {
        load: async () => undefined,
        save: async () => {
          throw new EmulatorSaveError('Could not save the emulator state to /secret/path/emulator-state.json: the disk is full.');
        },
        close: async () => {},
      },
    });
    const server = await emu.listen({ port: 0 });
    try {
      const res = await rawRequest(server.url, `/${WABA}/flows`, { json: { name: 'x', categories: ['OTHER'] } });
      expectRawError(res, { status: 503, code: 2, message: /could not save its state; the change was not made/, isTransient: true });
      expect(res.text).not.toContain('/secret/path');
      const list = await rawRequest(server.url, `/${WABA}/flows`, { method: 'GET' });
      expect(JSON.parse(list.text).data).toEqual([]);
    } finally {
      await server.close();
      await emu.close();
    }
  });
});

describe('bad input is never a 500 and never carries a stack trace', () => {
  it('a batch of malformed requests', async () => {
    const flowId = await createdDraft();
    const status: FlowStatus = 'DRAFT';
    const cases: Array<[string, RawInit]> = [
      [`/${WABA}/flows`, { json: { name: { nested: true }, categories: 'OTHER' } }],
      [`/${WABA}/flows`, { json: { name: 'n', categories: '["OTHER"]', flow_json: { not: 'a flow' } } }],
      [`/${WABA}/flows`, { json: { name: null, categories: null } }],
      [`/${WABA}/flows?limit=-1&after=%%%`, {}],
      [`/${flowId}?fields=,,,`, {}],
      [`/${flowId}?fields=preview.invalidate(true).x(1)`, {}],
      [`/${flowId}?fields=metric.name()`, {}],
      [`/${flowId}?fields=health_status.phone_number(abc)`, {}],
      [`/${flowId}/assets`, { json: { name: 'flow.json', asset_type: 'FLOW_JSON', file: 'not json at all' } }],
      [`/${flowId}/assets`, { body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
      [`/${flowId}/publish`, { method: 'POST' }],
      [`/${PHONE}/messages`, { json: { messaging_product: 'whatsapp', to: '15551234567', type: 'interactive', interactive: { type: 'flow', body: { text: 'x' }, action: { name: 'flow', parameters: [] } } } }],
      [`/${PHONE}/messages`, { json: { messaging_product: 'whatsapp', to: '15551234567', type: 'template', template: { name: 'x', language: { code: 'en' }, components: [null, 1, 'a'] } } }],
      [`/${PHONE}/messages`, { body: 'messaging_product=whatsapp&to=1555123&type=interactive&interactive=%7B', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
      [`/${WABA}/message_templates`, { json: { name: 'x', language: 'en_US', category: 'UTILITY', components: [{ type: 'BUTTONS', buttons: 'nope' }, 3] } }],
      [`/${WABA}/message_templates`, { body: 'name=x&language=en_US&category=utility&components=%5B', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
      [`/${WABA}/migrate_flows`, { json: { source_waba_id: OTHER_WABA, source_flow_names: 'a,b' } }],
      [`/${PHONE}/whatsapp_business_encryption`, { json: { business_public_key: 12345 } }],
      [`/_emulator/flows/${flowId}/status`, { json: { status } }],
      [`/_emulator/preview/${flowId}?token=nope`, {}],
      [`/%ZZ`, {}],
      [`/${WABA}/flows`, { headers: { 'x-emulator-fault': '' } }],
    ];
    for (const [path, init] of cases) {
      const res = await h.raw(path, init);
      expect(res.status, `${path}: ${res.text}`).toBeLessThan(500);
      expectNoStackTrace(res.text);
    }
  });

  it('the preview page of a flow whose uploaded text is not JSON', async () => {
    const id = await createdDraft();
    const form = uploadForm({ file: new Blob(['{ this is not json']), name: 'flow.json', asset_type: 'FLOW_JSON' });
    const up = await h.raw(`/${id}/assets`, { body: form });
    expect(up.status).toBe(200);
    expect(up.body.validation_errors[0].error).toBe('INVALID_FLOW_JSON');
    const preview = await h.client.flows.getFlowPreview(id);
    const page = await fetch(preview.preview.preview_url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('{ this is not json');
    expectNoStackTrace(html);
  });
});

/**
 * Issue 10 #10: JSON nested 100 000 deep (or just past the emulator's limit) in any request body or form field is
 * a Graph-shaped 400, never a 500, and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowJsonValidationError } from '../../src/client/resources/flows/local-validation.js';
import { MAX_REQUEST_JSON_DEPTH, jsonNestingDepth } from '../../src/emulator/request-json.js';
import { expectRawError, flowIn, startEmulator, TOKEN, WABA, PHONE, type Harness } from './helpers/emulator.js';

let h: Harness;
beforeAll(async () => {
  h = await startEmulator({ token: TOKEN });
});
afterAll(() => h.close());

const nested = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);
const nestedObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const tooDeep = { status: 400, code: 100, message: new RegExp(`nested too deeply: JSON may nest at most ${MAX_REQUEST_JSON_DEPTH} levels`) };

describe('deeply nested JSON in requests', () => {
  it('a JSON body nested 100 000 deep is a 400 on every Graph route, and changes nothing', async () => {
    const before = h.snapshot();
    const headers = { 'content-type': 'application/json' };
    for (const body of [`{"name":"x","categories":${nested(100_000)}}`, `{"x":${nestedObject(100_000)}}`, nested(100_000)]) {
      for (const path of [`/${WABA}/flows`, `/${PHONE}/messages`, `/${WABA}/message_templates`]) {
        expectRawError(await h.raw(path, { body, headers }), tooDeep);
      }
    }
    expect(h.snapshot()).toEqual(before);
  });

  it('just past the limit is refused, at the limit is read', async () => {
    const headers = { 'content-type': 'application/json' };
    const at = `{"name":"deep_ok","categories":["OTHER"],"x":${nested(MAX_REQUEST_JSON_DEPTH - 1)}}`;
    const past = `{"name":"deep_no","categories":["OTHER"],"x":${nested(MAX_REQUEST_JSON_DEPTH)}}`;
    expect(jsonNestingDepth(at)).toBe(MAX_REQUEST_JSON_DEPTH);
    expect((await h.raw(`/${WABA}/flows`, { body: at, headers })).status).toBe(200);
    expectRawError(await h.raw(`/${WABA}/flows`, { body: past, headers }), tooDeep);
  });

  it('form fields holding deep JSON (categories, template components, message parts) are a 400', async () => {
    const deep = nested(100_000);
    expectRawError(await h.raw(`/${WABA}/flows`, { body: new URLSearchParams({ name: 'deep_form', categories: deep }) }), { ...tooDeep, message: /Param categories is nested too deeply/ });
    expectRawError(await h.raw(`/${WABA}/message_templates`, { body: new URLSearchParams({ name: 'deep_tpl', language: 'en_US', category: 'MARKETING', components: deep }) }), tooDeep);
    expectRawError(await h.raw(`/${PHONE}/messages`, { body: new URLSearchParams({ messaging_product: 'whatsapp', to: '15551234567', type: 'interactive', interactive: `{"x":${deep}}` }) }), tooDeep);
  });

  it('the bodies of /_emulator/complete and /_emulator/flows/{id}/status', async () => {
    const id = await flowIn(h, 'PUBLISHED');
    const headers = { 'content-type': 'application/json' };
    expectRawError(await h.raw('/_emulator/complete', { body: `{"answers":${nestedObject(100_000)}}`, headers }), tooDeep);
    expectRawError(await h.raw(`/_emulator/flows/${id}/status`, { body: `{"status":"BLOCKED","x":${nested(100_000)}}`, headers }), tooDeep);
    expect((await h.client.flows.getFlow(id, { fields: 'status' })).status).toBe('PUBLISHED');
    expectRawError(await h.raw('/_emulator/complete', { body: '{"answers": ', headers }), { status: 400, code: 100, message: /is not valid JSON/ });
    expectRawError(await h.raw('/_emulator/complete', { body: 'x'.repeat(1024 * 1024 + 1), headers }), { status: 413, code: 100, message: /too large/ });
  });

  it('a Flow JSON upload nested 100 000 deep never gets a 500 (a RangeError anywhere is the input\'s fault: 400)', async () => {
    const { id } = await h.client.flows.createFlow({ name: 'deep_upload', categories: ['OTHER'] });
    const form = new FormData();
    form.set('file', new Blob([`{"version":"7.3","screens":${nested(100_000)}}`], { type: 'application/json' }), 'flow.json');
    form.set('name', 'flow.json');
    form.set('asset_type', 'FLOW_JSON');
    const res = await h.raw(`/${id}/assets`, { body: form });
    expect(res.status, res.text).toBeLessThan(500);
    if (res.status !== 200) expectRawError(res, { status: 400, code: 100, message: /nested too deeply/ });
  });

  it('counts depth without parsing: brackets inside strings do not count, escapes are skipped', () => {
    expect(jsonNestingDepth('{"a":"[[[[{{{{","b":[1,[2]]}')).toBe(3);
    expect(jsonNestingDepth('["\\"[[[", {"x": []}]')).toBe(3);
    expect(jsonNestingDepth('42')).toBe(0);
    expect(jsonNestingDepth(nested(10), 5)).toBe(6); // stops once past the limit
  });
});

describe('deeply nested Flow JSON uploads (issue 10 #3)', () => {
  // 4 000 levels in 8 KB used to throw a RangeError in the validator: the emulator answered a transient 500 (so the
  // client uploaded three times) and uploadFlowJson({ validate: true }) threw the RangeError itself.
  const deepFlow = `{"version":"7.3","screens":[{"id":"A","layout":${'['.repeat(4000)}${']'.repeat(4000)}}]}`;

  it('the emulator stores it and answers its validation_errors (200, not a 500)', async () => {
    const id = await flowIn(h, 'DRAFT');
    const result = await h.client.flows.uploadFlowJson(id, deepFlow);
    expect(result.validation_errors).toEqual([expect.objectContaining({ error: 'INVALID_FLOW_JSON', message: expect.stringMatching(/[Nn]ested too deeply/) })]);
  });

  it('uploadFlowJson({ validate: true }) refuses it locally with FlowJsonValidationError, not a RangeError', async () => {
    const id = await flowIn(h, 'DRAFT');
    const error = await h.client.flows.uploadFlowJson(id, deepFlow, { validate: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlowJsonValidationError);
    expect((error as Error).message).toMatch(/nested too deeply/i);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { createFlowEndpoint, type FlowRequest } from '../../src/endpoint/index-node.js';
import { FlowSimulator, SimulatorInputError, SimulatorProtocolError, type SimulatorEvent } from '../../src/simulator/index.js';
import { keys, pizzaEndpoint, pizzaFlow, serve } from './endpoint-fixture.js';
import { flowFixture } from './helpers.js';

const texts = (sim: FlowSimulator) => sim.components.filter((c) => c.type.startsWith('Text') && c.type !== 'TextInput' && c.type !== 'TextArea').map((c) => c.props.text);

describe('endpoint flows against the real createFlowEndpoint, in-process', () => {
  it('INIT, data_exchange, BACK with refresh_on_back, data_exchange on select, SUCCESS → completion (signed with the app secret)', async () => {
    const seen: FlowRequest[] = [];
    const events: SimulatorEvent[] = [];
    const endpoint = pizzaEndpoint({ appSecret: 's3cret' }, seen);
    const sim = new FlowSimulator({ flowJson: pizzaFlow, endpoint, publicKey: keys.publicKey, appSecret: 's3cret', flowToken: 'tok-1', onEvent: (e) => events.push(e) });

    await sim.open({ action: 'data_exchange' });
    expect(sim.screen).toBe('START');
    expect(texts(sim)).toEqual(['Hi Ana']);
    await sim.select('size', 'large');
    await sim.submit();
    expect(sim.screen).toBe('DETAILS');
    expect(texts(sim)).toEqual(['Size: Large, price 12 EUR']);

    await sim.back();
    expect(sim.screen).toBe('START');
    expect(texts(sim)).toEqual(['Welcome back, Ana']);
    expect(sim.form).toEqual({ size: 'large' });
    await sim.submit();

    expect(() => sim.fill({ topping: 'cheese' })).toThrow(SimulatorInputError);
    await sim.select('topping', 'cheese');
    expect(sim.screen).toBe('DETAILS');
    expect(texts(sim)).toEqual(['Size: Large, price 13 EUR', 'Extra cheese costs 1 EUR']);
    expect(sim.form).toEqual({ topping: 'cheese' });
    sim.fill({ customer: 'Ana' });
    await sim.submit();
    expect(sim.screen).toBe('DONE');
    expect(texts(sim)).toEqual(['large pizza with cheese for Ana']);
    await sim.submit();

    expect(sim.completion).toEqual({
      name: 'flow',
      body: 'Sent',
      response_json: '{"flow_token":"tok-1","order_id":"A-17","total":13}',
      flow_token: 'tok-1',
      response: { flow_token: 'tok-1', order_id: 'A-17', total: 13 },
      source: 'endpoint',
      screen: 'DONE',
    });
    expect(seen.map((r) => `${r.action}:${r.screen ?? ''}`)).toEqual([
      'INIT:',
      'data_exchange:START',
      'BACK:DETAILS',
      'data_exchange:START',
      'data_exchange:DETAILS',
      'data_exchange:DETAILS',
      'data_exchange:DONE',
    ]);
    expect(seen.every((r) => r.flow_token === 'tok-1' && r.version === '4.0')).toBe(true);
    // Flow JSON 7.3 + Data API 4.0 + app secret: flow_token_signature, verified by the endpoint.
    expect(seen.every((r) => r.flowTokenSignatureVerified)).toBe(true);
    expect(seen[1]!.data).toEqual({ size: 'large' });
    expect(seen[5]!.data).toEqual({ customer: 'Ana', topping: 'cheese' });
    expect(events.filter((e) => e.type === 'screen').map((e) => (e.type === 'screen' ? `${e.screen}/${e.via}` : ''))).toEqual([
      'START/endpoint',
      'DETAILS/endpoint',
      'START/back',
      'DETAILS/endpoint',
      'DETAILS/endpoint',
      'DONE/endpoint',
    ]);
  });

  it('answers the health check', async () => {
    const sim = new FlowSimulator({ flowJson: pizzaFlow, endpoint: pizzaEndpoint(), publicKey: keys.publicKey });
    expect(await sim.ping()).toEqual({ data: { status: 'active' } });
  });

  it('a wrong app secret is a signature error (432)', async () => {
    const sim = new FlowSimulator({ flowJson: pizzaFlow, endpoint: pizzaEndpoint({ appSecret: 's3cret' }), publicKey: keys.publicKey, appSecret: 'wrong' });
    const error = await sim.open({ action: 'data_exchange' }).catch((e) => e);
    expect(error).toBeInstanceOf(SimulatorProtocolError);
    expect(error).toMatchObject({ error: 'request-signature-error', status: 432 });
  });

  it('a Meta-style sign-in flow: same-screen answers with a snackbar, complete after the endpoint (4.0, Data API 3.0)', async () => {
    const flowJson = flowFixture('valid/4.0-sign-in-endpoint.json');
    const seen: FlowRequest[] = [];
    const endpoint = createFlowEndpoint({
      privateKey: keys.privateKey,
      onInit: () => ({ screen: 'SIGN_IN', data: { email: 'maria@example.com', email_error: '' } }),
      onBack: () => ({ screen: 'SIGN_IN', data: { email: 'maria@example.com', email_error: 'Signed out' } }),
      onDataExchange: (r) => {
        seen.push(r);
        if (r.screen === 'SIGN_IN') return { screen: 'VERIFY_CODE', data: { masked_phone: '+44 ••• 321', code_error: '' } };
        if (r.data.action === 'resend_code') return { screen: 'VERIFY_CODE', data: { masked_phone: '+44 ••• 321', code_error: '', error_message: 'We sent a new code' } };
        return { screen: 'SIGNED_IN', data: { greeting: 'Hi Maria', points_summary: '1,240 points' } };
      },
    });
    const sim = new FlowSimulator({ flowJson, endpoint, publicKey: keys.publicKey, flowToken: 'sign-in-1' });
    await sim.open({ action: 'data_exchange' });
    expect(sim.form).toEqual({ email: 'maria@example.com' });
    sim.fill({ password: 'secret' });
    await sim.submit();
    expect(sim.screen).toBe('VERIFY_CODE');
    await sim.click('Send a new code');
    expect(sim.screen).toBe('VERIFY_CODE');
    expect(sim.errorMessage).toBe('We sent a new code');
    expect(seen[1]!.data).toEqual({ action: 'resend_code', email: 'maria@example.com' });
    await expect(sim.submit()).rejects.toMatchObject({ rule: 'required', field: 'code' });
    expect(() => sim.fill({ code: '12345' })).toThrow(/at least 6/);
    sim.fill({ code: '123456' });
    await sim.submit();
    expect(sim.screen).toBe('SIGNED_IN');
    expect(sim.stack).toEqual(['SIGN_IN', 'VERIFY_CODE']);
    await sim.submit();
    expect(sim.completion).toMatchObject({ source: 'complete', response: { flow_token: 'sign-in-1', signed_in: true, email: 'maria@example.com' } });
  });
});

describe('a DatePicker before Flow JSON 5.0 (Meta example 4.0/date_picker_dates_str)', () => {
  it('takes epoch-ms dates within min/max, not unavailable, and its on-select-action calls the endpoint', async () => {
    const seen: FlowRequest[] = [];
    const endpoint = createFlowEndpoint({
      privateKey: keys.privateKey,
      onRequest: (r) => (seen.push(r), r.data.date ? { screen: 'DEMO_SCREEN', data: {} } : { screen: 'SUCCESS', data: { extension_message_response: { params: { flow_token: r.flow_token, booked: true } } } }),
    });
    const sim = new FlowSimulator({ flowJson: flowFixture('meta-doc-examples/4.0/date_picker_dates_str.json'), endpoint, publicKey: keys.publicKey });
    await sim.open({ screen: 'DEMO_SCREEN' });
    await expect(sim.answer({ date: '2023-10-01' })).rejects.toMatchObject({ rule: 'date-format' });
    await expect(sim.answer({ date: '1693440000000' })).rejects.toMatchObject({ rule: 'min-date' });
    await expect(sim.answer({ date: '1694779200000' })).rejects.toMatchObject({ rule: 'unavailable-dates' });
    await sim.answer({ date: '1696118400000' });
    expect(seen.map((r) => r.data)).toEqual([{ date: '1696118400000' }]);
    await sim.submit();
    expect(sim.completion?.response).toEqual({ flow_token: 'unused', booked: true });
  });
});

describe('endpoint flows over HTTP', () => {
  const servers: Array<{ close(): Promise<void> }> = [];
  afterAll(async () => Promise.all(servers.map((s) => s.close())));

  it('walks the flow with auto answers through toNodeListener on port 0', async () => {
    const seen: FlowRequest[] = [];
    const server = await serve(pizzaEndpoint({ appSecret: 'http-secret' }, seen));
    servers.push(server);
    const sim = new FlowSimulator({ flowJson: JSON.stringify(pizzaFlow), endpoint: server.url, publicKey: keys.publicKey, appSecret: 'http-secret', flowToken: 'http-1' });
    await sim.open({ action: 'data_exchange' });
    await sim.select('size', 'small');
    await sim.submit();
    await sim.back();
    expect(sim.screen).toBe('START');
    const completion = await sim.runAuto();
    expect(completion).toMatchObject({ source: 'endpoint', flow_token: 'http-1', response: { flow_token: 'http-1', order_id: 'A-17', total: 13 } });
    expect(seen.map((r) => r.action)).toEqual(['INIT', 'data_exchange', 'BACK', 'data_exchange', 'data_exchange', 'data_exchange', 'data_exchange']);
    expect(seen.every((r) => r.flowTokenSignatureVerified)).toBe(true);
    expect(seen[5]!.data).toEqual({ customer: 'Sample text', topping: 'cheese' });
    expect(await sim.ping()).toEqual({ data: { status: 'active' } });
  });

  it('sends the picker files of a data_exchange as WhatsApp media items', async () => {
    const seen: FlowRequest[] = [];
    const flowJson = flowFixture('valid/7.2-kyc-document-upload-endpoint.json');
    const endpoint = createFlowEndpoint({ privateKey: keys.privateKey, onRequest: (r) => (seen.push(r), { screen: 'SUCCESS', data: { extension_message_response: { params: { flow_token: r.flow_token } } } }) });
    const server = await serve(endpoint);
    servers.push(server);
    const sim = new FlowSimulator({ flowJson, endpoint: server.url, publicKey: keys.publicKey });
    const picker = flowJson.screens.find((s: { layout: { children: unknown[] } }) => JSON.stringify(s).includes('"DocumentPicker"'));
    await sim.open({ screen: picker.id });
    await sim.runAuto();
    const files = Object.values(seen[0]!.data).find(Array.isArray) as Array<Record<string, unknown>>;
    expect(Object.keys(files[0]!).sort()).toEqual(['cdn_url', 'encryption_metadata', 'file_name', 'media_id']);
    expect(files[0]!.encryption_metadata).toMatchObject({ iv: expect.any(String), hmac_key: expect.any(String) });
  });
});

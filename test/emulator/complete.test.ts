import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WhatsApp from '../../src/index.js';
import { toNodeListener } from '../../src/adapters/node.js';
import { closeFlow, createFlowEndpoint } from '../../src/endpoint/index-node.js';
import { createEmulator } from '../../src/emulator/index.js';
import { createWebhookHandler } from '../../src/webhooks/index.js';
import type { FlowCompletionEvent } from '../../src/webhooks/events.js';

/** `POST /_emulator/complete`: the simulator plays the user, and the nfm_reply webhook reaches a real receiver. */
const SECRET = 'app-secret-for-tests';
const completions: FlowCompletionEvent[] = [];
const servers: Array<{ close(): unknown }> = [];
let emulator: ReturnType<typeof createEmulator>;
let baseUrl: string;
let client: WhatsApp;

async function serve(handler: (r: Request) => Promise<Response>): Promise<string> {
  const server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({ close: () => server.close() });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  const webhookUrl = await serve(createWebhookHandler({ appSecret: SECRET, onFlowCompletion: (e) => void completions.push(e) }));
  emulator = createEmulator({ webhookUrl: `${webhookUrl}/webhook`, appSecret: SECRET });
  const server = await emulator.listen({ port: 0 });
  servers.push(server);
  baseUrl = server.url;
  client = new WhatsApp({ accessToken: 't', baseUrl, businessAcctId: '1001', phoneNumberId: '2002' });
});
afterAll(async () => {
  await emulator.close();
  for (const s of servers) await s.close();
});

const complete = async (body: object) => {
  const res = await fetch(`${baseUrl}/_emulator/complete`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe('POST /_emulator/complete', () => {
  it('completes an endpoint-less flow with the given answers and delivers the signed nfm_reply webhook', async () => {
    const flow = await client.flows.createFlow({ name: 'feedback', categories: ['SURVEY'] });
    await client.flows.uploadFlowJson(flow.id, {
      version: '7.3',
      screens: [
        {
          id: 'QUESTION',
          title: 'Feedback',
          terminal: true,
          data: {},
          layout: {
            type: 'SingleColumnLayout',
            children: [
              { type: 'TextInput', name: 'feedback', label: 'Your feedback', required: true },
              { type: 'Footer', label: 'Send', 'on-click-action': { name: 'complete', payload: { feedback: '${form.feedback}' } } },
            ],
          },
        },
      ],
    });
    await client.flows.publishFlow(flow.id);
    const sent = await client.messages.flow({ to: '15551234567', flowId: flow.id, cta: 'Go', body: 'Tell us', token: 'tok-1', screen: 'QUESTION' });
    const { status, body } = await complete({ answers: { QUESTION: { feedback: 'Great service' } } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ completed: true, context_message_id: sent.messages[0]!.id, flow_token: 'tok-1', response: { feedback: 'Great service' }, webhook: { delivered: true } });
    expect(JSON.parse(body.response_json)).toEqual({ flow_token: 'tok-1', feedback: 'Great service' });
    const event = completions.at(-1)!;
    expect(event.flowToken).toBe('tok-1');
    expect(event.response).toEqual({ feedback: 'Great service' });
    expect(event.contextMessageId).toBe(sent.messages[0]!.id);
    expect(event.from).toBe('15551234567');
  });

  it('completes an endpoint flow through the real endpoint, with generated answers', async () => {
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    const seen: string[] = [];
    const endpointUrl = await serve(
      createFlowEndpoint({
        privateKey: keys.privateKey,
        appSecret: SECRET,
        onInit: () => (seen.push('INIT'), { screen: 'START', data: { greeting: 'Hello' } }),
        screens: { START: (r) => (seen.push(`START:${JSON.stringify(r.data)}`), closeFlow(r.flow_token!, { booked: true, name: r.data.name })) },
      }),
    );
    await client.encryption.setBusinessPublicKey(keys.publicKey);
    const flow = await client.flows.createFlow({ name: 'booking', categories: ['APPOINTMENT_BOOKING'], endpoint_uri: endpointUrl });
    await client.flows.uploadFlowJson(flow.id, {
      version: '7.3',
      data_api_version: '3.0',
      routing_model: { START: [] },
      screens: [
        {
          id: 'START',
          title: 'Book',
          terminal: true,
          data: { greeting: { type: 'string', __example__: 'Hi' } },
          layout: {
            type: 'SingleColumnLayout',
            children: [
              { type: 'TextHeading', text: '${data.greeting}' },
              { type: 'TextInput', name: 'name', label: 'Name', required: true },
              { type: 'Footer', label: 'Book', 'on-click-action': { name: 'data_exchange', payload: { name: '${form.name}' } } },
            ],
          },
        },
      ],
    });
    await client.flows.publishFlow(flow.id);
    await client.messages.flow({ to: '15557654321', flowId: flow.id, cta: 'Book', body: 'Book now', token: 'tok-2', action: 'data_exchange' });
    const { status, body } = await complete({});
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.flow_token).toBe('tok-2');
    expect(body.response).toMatchObject({ booked: true });
    expect(seen[0]).toBe('INIT');
    expect(seen[1]).toMatch(/^START:\{"name":".+"\}$/);
    expect(completions.at(-1)!.response).toMatchObject({ booked: true });
  });

  it('completes the version a message was sent with, and refuses deprecated flows', async () => {
    const screen = (answer: string) => ({
      version: '7.3',
      screens: [
        {
          id: 'ONLY',
          title: 'Only',
          terminal: true,
          data: {},
          layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: { v: answer } } }] },
        },
      ],
    });
    const flow = await client.flows.createFlow({ name: 'versions', categories: ['OTHER'] });
    await client.flows.uploadFlowJson(flow.id, screen('one'));
    await client.flows.publishFlow(flow.id);
    const first = await client.messages.flow({ to: '15550000001', flowId: flow.id, cta: 'Go', body: 'v1', token: 't1' });
    await client.flows.uploadFlowJson(flow.id, screen('two'));
    await client.flows.publishFlow(flow.id);
    const second = await complete({ message_id: first.messages[0]!.id });
    expect(second.status).toBe(200);
    expect(second.body.response).toMatchObject({ v: 'one' });
    await client.messages.flow({ to: '15550000001', flowId: flow.id, cta: 'Go', body: 'v2', token: 't2' });
    expect((await complete({})).body.response).toMatchObject({ v: 'two' });
    await client.flows.deprecateFlow(flow.id);
    const refused = await complete({});
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/DEPRECATED.*cannot_be_served/);
  });

  it('refuses a flow message whose payload data is a string that is not a JSON object', async () => {
    const res = await fetch(`${baseUrl}/v25.0/2002/messages`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        to: '15550000002',
        type: 'interactive',
        interactive: { type: 'flow', body: { text: 'x' }, action: { name: 'flow', parameters: { flow_message_version: '3', flow_cta: 'Go', flow_name: 'feedback', flow_action_payload: { screen: 'QUESTION', data: '5' } } } },
      }),
    });
    expect(res.status).toBe(400);
  });

  it('reports what stops a completion clearly', async () => {
    const fresh = createEmulator();
    const res = await fresh.fetch(new Request('http://x/_emulator/complete', { method: 'POST', body: '{}' }));
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/No flow message/);
    await fresh.close();
    const { status, body } = await complete({ answers: { QUESTION: {} }, message_id: completionsMessageId() });
    expect(status).toBe(422);
    expect(body.error.message).toMatch(/could not be completed/);
  });
});

describe('POST /_emulator/complete for a username user (flows-platform §6.1)', () => {
  const BSUID = 'US.13491208655302741918';
  let messageId: string;

  beforeAll(async () => {
    const flow = await client.flows.createFlow({ name: 'username-survey', categories: ['SURVEY'] });
    await client.flows.uploadFlowJson(flow.id, {
      version: '7.3',
      screens: [
        {
          id: 'RATE',
          title: 'Rate us',
          terminal: true,
          data: {},
          layout: {
            type: 'SingleColumnLayout',
            children: [
              { type: 'TextInput', name: 'stars', label: 'Stars', required: true },
              { type: 'Footer', label: 'Send', 'on-click-action': { name: 'complete', payload: { stars: '${form.stars}' } } },
            ],
          },
        },
      ],
    });
    await client.flows.publishFlow(flow.id);
    const sent = await client.messages.flow({ to: '15551234567', flowId: flow.id, cta: 'Go', body: 'Rate', token: 'tok-user', screen: 'RATE' });
    messageId = sent.messages[0]!.id;
  });

  it('a username user without a phone number: the webhook has no from and no wa_id, and onFlowCompletion gets the answers', async () => {
    const { status, body } = await complete({ message_id: messageId, answers: { RATE: { stars: '5' } }, user: { userId: BSUID, username: 'jane.doe' }, profile_name: 'Jane' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ completed: true, user: { userId: BSUID, username: 'jane.doe' }, webhook: { delivered: true } });
    const event = completions.at(-1)!;
    expect(event.response).toEqual({ stars: '5' });
    expect(event.flowToken).toBe('tok-user');
    expect(event.user).toEqual({ userId: BSUID, username: 'jane.doe' });
    expect(event.from).toBeUndefined();
    expect(event.contact).toEqual({ name: 'Jane' });
    // The wire: Meta's fields for a user who shares no phone number.
    expect(event.raw.from).toBeUndefined();
    expect(event.raw.from_user_id).toBe(BSUID);
    const recorded = emulator.state().messages.at(-1)!.body as { contacts: Array<Record<string, unknown>> };
    expect(recorded.contacts).toEqual([{ profile: { name: 'Jane', username: 'jane.doe' }, user_id: BSUID }]);
  });

  it('with a phone number and a parent BSUID, every field is on the wire', async () => {
    await complete({ message_id: messageId, answers: { RATE: { stars: '4' } }, user: { userId: BSUID, waId: '15557654321', parentUserId: 'US.ENT.11815799212886844830' } });
    const event = completions.at(-1)!;
    expect(event.user).toEqual({ waId: '15557654321', userId: BSUID, parentUserId: 'US.ENT.11815799212886844830' });
    expect(event.from).toBe('15557654321');
    expect(event.raw).toMatchObject({ from: '15557654321', from_user_id: BSUID, from_parent_user_id: 'US.ENT.11815799212886844830' });
  });

  it('without a user the phone user the message went to completes it, as before', async () => {
    await complete({ message_id: messageId, answers: { RATE: { stars: '3' } } });
    const event = completions.at(-1)!;
    expect(event.user).toEqual({ waId: '15551234567' });
    expect(event.raw.from_user_id).toBeUndefined();
  });

  it('a user that is not one is refused with a 400 that shows the accepted shape', async () => {
    for (const user of ['jane', { username: 'jane' }, { userId: '' }, { userId: BSUID, phone: '1555' }, { userId: BSUID, waId: '+1 555 123' }]) {
      const { status, body } = await complete({ message_id: messageId, user });
      expect(status, JSON.stringify(user)).toBe(400);
      expect(body.error.message).toMatch(/user/);
      expect(body.error.message).toMatch(/userId|waId/);
    }
  });
});

function completionsMessageId(): string | undefined {
  return completions[0]?.contextMessageId;
}

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WhatsApp, { flowButtonComponent, isBusinessScopedUserId, isParentBusinessScopedUserId, isPhoneNumber } from '../src/index.js';
import { startGraphServer, type GraphServer } from './helpers/graph-server.js';
import { RECIPIENT_CASES } from './platform/message-cases.js';

let server: GraphServer;
let client: WhatsApp;
const SENT = { messaging_product: 'whatsapp', contacts: [{ input: '15551234567', wa_id: '15551234567' }], messages: [{ id: 'wamid.X' }] };

beforeAll(async () => {
  server = await startGraphServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.handle(() => ({ json: SENT }));
  client = new WhatsApp({ accessToken: 'tok-abcdef', phoneNumberId: 222, baseUrl: server.url, apiVersion: 'v23.0', maxRetries: 0 });
});

const sent = () => {
  const r = server.requests.at(-1)!;
  expect(r.method).toBe('POST');
  expect(r.headers['content-type']).toBe('application/json');
  return { path: r.path, body: r.json() };
};

describe('client.messages', () => {
  it('interactive() in the seed\'s shape produces Meta\'s wire format', async () => {
    const res = await client.messages.interactive({
      to: '15551234567',
      type: 'flow',
      body: { text: 'Please fill out our survey' },
      action: {
        name: 'flow',
        parameters: {
          flow_message_version: '3',
          flow_token: 'UNIQUE_FLOW_TOKEN',
          flow_id: 'FLOW_ID',
          flow_cta: 'Start Survey',
          flow_action: 'navigate',
          flow_action_payload: { screen: 'WELCOME' },
        },
      },
    });
    expect(res).toEqual(SENT);
    const { path, body } = sent();
    expect(path).toBe('/v23.0/222/messages');
    expect(body).toEqual({
      messaging_product: 'whatsapp',
      to: '15551234567',
      type: 'interactive',
      interactive: {
        type: 'flow',
        body: { text: 'Please fill out our survey' },
        action: {
          name: 'flow',
          parameters: {
            flow_message_version: '3',
            flow_token: 'UNIQUE_FLOW_TOKEN',
            flow_id: 'FLOW_ID',
            flow_cta: 'Start Survey',
            flow_action: 'navigate',
            flow_action_payload: { screen: 'WELCOME' },
          },
        },
      },
    });
  });

  it('flow() builds the same message as Meta\'s Postman "Send Draft Flow by Name"', async () => {
    await client.messages.flow({
      to: '15551234567',
      flowName: 'my_flow',
      cta: 'Not shown in draft mode',
      body: 'Not shown in draft mode',
      header: 'Not shown in draft mode',
      footer: 'Not shown in draft mode',
      token: '<FLOW_TOKEN>',
      recipient_type: 'individual',
      mode: 'draft',
      action: 'navigate',
      screen: 'SCREEN_ID',
      data: { key: 'value' },
    });
    expect(sent().body).toEqual({
      messaging_product: 'whatsapp',
      to: '15551234567',
      recipient_type: 'individual',
      type: 'interactive',
      interactive: {
        type: 'flow',
        header: { type: 'text', text: 'Not shown in draft mode' },
        body: { text: 'Not shown in draft mode' },
        footer: { text: 'Not shown in draft mode' },
        action: {
          name: 'flow',
          parameters: {
            flow_message_version: '3',
            flow_action: 'navigate',
            flow_token: '<FLOW_TOKEN>',
            flow_name: 'my_flow',
            flow_cta: 'Not shown in draft mode',
            mode: 'draft',
            flow_action_payload: { screen: 'SCREEN_ID', data: { key: 'value' } },
          },
        },
      },
    });
  });

  it('flow() sends flowId as a string, a data_exchange flow without payload, and a per-call phone number', async () => {
    await client.messages.flow({ to: 15551234567, flowId: 123, cta: 'Book', body: 'Hi', action: 'data_exchange', phoneNumberId: '333' });
    const { path, body } = sent();
    expect(path).toBe('/v23.0/333/messages');
    expect(body.to).toBe('15551234567');
    expect(body.phoneNumberId).toBeUndefined();
    expect(body.interactive.action.parameters).toEqual({ flow_message_version: '3', flow_cta: 'Book', flow_id: '123', flow_action: 'data_exchange' });
  });

  it('rejects invalid flow messages locally with a clear message', async () => {
    const base = { to: '15551234567' as const, cta: 'Go', body: 'Hi' };
    await expect(client.messages.flow({ ...base, flowId: '1', flowName: 'n' })).rejects.toThrow(/either flow_id or flow_name, not both/);
    await expect(client.messages.flow({ ...base })).rejects.toThrow(/needs flow_id or flow_name/);
    await expect(client.messages.flow({ ...base, flowId: '1', cta: '' })).rejects.toThrow(/flow_cta must be a non-empty string/);
    await expect(client.messages.flow({ ...base, flowId: '1', action: 'data_exchange', screen: 'A' })).rejects.toThrow(/only for flow_action "navigate"/);
    await expect(client.messages.flow({ ...base, flowId: '1', screen: 'A', data: {} })).rejects.toThrow(/non-empty object/);
    await expect(client.messages.flow({ ...base, flowId: '1', mode: 'test' as never })).rejects.toThrow(/mode must be/);
    await expect(client.messages.flow({ ...base, flowId: '1', body: ' ' })).rejects.toThrow(/interactive.body.text is required/);
    await expect(client.messages.flow({ ...base, flowId: '1', to: 'bob' as never })).rejects.toThrow(/to must be a phone number in international format .* or a business-scoped user ID/);
    await expect(
      client.messages.interactive({ to: '1555123', type: 'flow', body: { text: 'x' }, action: { name: 'flow', parameters: { flow_cta: 'x', flow_id: '1', flow_message_version: '2' as never } } }),
    ).rejects.toThrow(/flow_message_version must be "3"/);
    expect(server.requests).toHaveLength(0);
  });

  // flows-platform §4.1: without `screen` WhatsApp opens the first entry screen, so data alone is a valid payload
  // (the same rule the emulator applies: src/platform/messages.ts).
  it('sends flow_action_payload.data without a screen (the first entry screen gets it)', async () => {
    await client.messages.flow({ to: '15551234567', cta: 'Go', body: 'Hi', flowId: '1', data: { a: 1 } });
    expect((sent().body as { interactive: { action: { parameters: Record<string, unknown> } } }).interactive.action.parameters.flow_action_payload).toEqual({ data: { a: 1 } });
  });

  it('a missing phone number id is a clear error naming the option and the variable', async () => {
    const noPhone = new WhatsApp({ accessToken: 't', baseUrl: server.url, phoneNumberId: Number(undefined) });
    const saved = process.env.WA_PHONE_NUMBER_ID;
    delete process.env.WA_PHONE_NUMBER_ID;
    try {
      await expect(new WhatsApp({ accessToken: 't', baseUrl: server.url }).messages.flow({ to: '15551234567', flowId: '1', cta: 'a', body: 'b' })).rejects.toThrow(
        /phoneNumberId.*WA_PHONE_NUMBER_ID/,
      );
      await expect(noPhone.messages.flow({ to: '15551234567', flowId: '1', cta: 'a', body: 'b' })).rejects.toThrow(/WA_PHONE_NUMBER_ID/);
    } finally {
      if (saved !== undefined) process.env.WA_PHONE_NUMBER_ID = saved;
    }
  });

  it('template() carries a FLOW button parameter as in Meta\'s Postman "Send Flow Template Message"', async () => {
    await client.messages.template({
      to: '15551234567',
      name: 'offer',
      language: 'en_US',
      flowButton: { index: 0, flow_token: '<FLOW_TOKEN>', flow_action_data: { key: 'value' } },
    });
    expect(sent().body).toEqual({
      messaging_product: 'whatsapp',
      to: '15551234567',
      type: 'template',
      template: {
        name: 'offer',
        language: { code: 'en_US' },
        components: [{ type: 'button', sub_type: 'flow', index: '0', parameters: [{ type: 'action', action: { flow_token: '<FLOW_TOKEN>', flow_action_data: { key: 'value' } } }] }],
      },
    });
    expect(flowButtonComponent()).toEqual({ type: 'button', sub_type: 'flow', index: '0', parameters: [{ type: 'action', action: {} }] });
    await expect(client.messages.template({ to: '15551234567', name: '', language: 'en_US' })).rejects.toThrow(/name is required/);
    await expect(client.messages.template({ to: '15551234567', name: 'x', language: 'en', flowButton: { index: -1 } })).rejects.toThrow(/index/);
  });
});

// flows-platform §6.1: every send form, on the wire, for every way of naming the recipient (shared table).
describe('client.messages: whom a message goes to (phone number, BSUID, parent BSUID, recipient, both)', () => {
  const sends = {
    interactive: (who: object) =>
      client.messages.interactive({ ...who, type: 'flow', body: { text: 'Hi' }, action: { name: 'flow', parameters: { flow_id: '1', flow_cta: 'Go' } } } as never),
    flow: (who: object) => client.messages.flow({ ...who, flowId: '1', cta: 'Go', body: 'Hi' } as never),
    template: (who: object) => client.messages.template({ ...who, name: 'offer', language: 'en_US', flowButton: {} } as never),
  };
  const cases = RECIPIENT_CASES.flatMap((c) => Object.keys(sends).map((send) => [`${send}: ${c.name}`, send as keyof typeof sends, c] as const));

  it.each(cases)('%s', async (_name, send, c) => {
    const attempt = sends[send](c.given);
    if ('problem' in c.expected) {
      await expect(attempt).rejects.toThrow(c.expected.problem);
      expect(server.requests).toHaveLength(0);
      return;
    }
    await attempt;
    const { body } = sent();
    // Exactly these address fields: a BSUID never goes out as `to`.
    expect({ to: body.to, recipient: body.recipient }).toEqual({ to: c.expected.wire.to, recipient: c.expected.wire.recipient });
    expect(body.messaging_product).toBe('whatsapp');
  });

  it('the refusal shows both accepted forms', async () => {
    await expect(sends.flow({ to: 'user@example.com' })).rejects.toThrow(/"15551234567".*"US\.13491208655302741918".*"US\.ENT\.11815799212886844830"/);
  });
});

describe('the recipient types (checked by tsc)', () => {
  it('take phone numbers, BSUIDs, parent BSUIDs and recipient without casts; a plain string needs narrowing', async () => {
    await client.messages.flow({ to: 'US.13491208655302741918', flowId: '1', cta: 'Go', body: 'Hi' });
    await client.messages.flow({ to: 'US.ENT.11815799212886844830', flowId: '1', cta: 'Go', body: 'Hi' });
    await client.messages.flow({ recipient: 'US.13491208655302741918', flowId: '1', cta: 'Go', body: 'Hi' });
    await client.messages.template({ to: '+1 555 123 4567', recipient: 'US.13491208655302741918', name: 'offer', language: 'en_US' });
    await client.messages.interactive({ to: 15551234567, type: 'flow', body: { text: 'Hi' }, action: { name: 'flow', parameters: { flow_id: '1', flow_cta: 'Go' } } });
    const fromDatabase: string = 'US.13491208655302741918';
    // @ts-expect-error a plain string is neither form until checked
    await client.messages.flow({ to: fromDatabase, flowId: '1', cta: 'Go', body: 'Hi' });
    if (isBusinessScopedUserId(fromDatabase) || isPhoneNumber(fromDatabase)) await client.messages.flow({ to: fromDatabase, flowId: '1', cta: 'Go', body: 'Hi' });
    // @ts-expect-error a phone number is not a recipient (recipient takes BSUIDs)
    await client.messages.flow({ recipient: 15551234567, flowId: '1', cta: 'Go', body: 'Hi' }).catch(() => undefined);
    expect(server.requests.map((r) => r.json().to ?? r.json().recipient)).toEqual([
      'US.13491208655302741918',
      'US.ENT.11815799212886844830',
      'US.13491208655302741918',
      '+1 555 123 4567',
      '15551234567',
      'US.13491208655302741918',
      'US.13491208655302741918',
    ]);
    expect(isParentBusinessScopedUserId('US.ENT.11815799212886844830')).toBe(true);
    expect(isParentBusinessScopedUserId('US.13491208655302741918')).toBe(false);
  });
});

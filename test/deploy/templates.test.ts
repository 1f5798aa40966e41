import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError, type WhatsApp } from '../../src/index.js';
import { orderFlow, startDeploy, STAGING, type DeployHarness } from './harness.js';

let h: DeployHarness;
let client: WhatsApp;
let flowId: string;
const button = (extra: Record<string, unknown> = {}) => ({ type: 'FLOW', text: 'Open', flow_action: 'navigate', navigate_screen: 'ASK', ...extra });
const components = (extra: Record<string, unknown> = {}) => [
  { type: 'BODY', text: 'Tell us about your order' },
  { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Later' }, button(extra)] },
];

beforeAll(async () => {
  h = await startDeploy();
  client = h.client(STAGING);
  flowId = (await client.flows.createFlow({ name: 'order_form', categories: ['OTHER'], flow_json: orderFlow(), publish: true })).id;
});
afterAll(() => h.close());

describe('client.templates', () => {
  it('create, list, get and delete a template with a FLOW button (flow_id, icon)', async () => {
    const created = await client.templates.create({ name: 'order_crud', language: 'en_US', category: 'UTILITY', components: components({ flow_id: flowId, icon: 'DOCUMENT' }) as never });
    expect(created).toEqual({ id: expect.any(String), status: 'APPROVED', category: 'UTILITY' });
    const listed = await client.templates.list({ name: 'order_crud' });
    expect(listed.data.map((t) => t.id)).toEqual([created.id]);
    const got = await client.templates.get(created.id);
    expect(got).toMatchObject({ name: 'order_crud', language: 'en_US', status: 'APPROVED' });
    expect((got.components[1] as any).buttons[1]).toEqual(button({ flow_id: flowId, icon: 'DOCUMENT' }));
    expect(await client.templates.delete({ name: 'order_crud' })).toEqual({ success: true });
    expect((await client.templates.list({ name: 'order_crud' })).data).toEqual([]);
  });

  it('by flow_name: the template keeps the flow id; bad FLOW buttons are refused locally', async () => {
    const created = await client.templates.create({ name: 'order_by_name', language: 'en_US', category: 'MARKETING', components: components({ flow_name: 'order_form' }) as never });
    expect(((await client.templates.get(created.id)).components[1] as any).buttons[1].flow_id).toBe(flowId);
    h.log.length = 0;
    await expect(client.templates.create({ name: 'bad', language: 'en_US', category: 'MARKETING', components: components({ flow_id: flowId, flow_name: 'x' }) as never })).rejects.toThrow(
      'A FLOW button needs exactly one of flow_id, flow_name and flow_json.',
    );
    await expect(client.templates.create({ name: 'bad', language: 'en_US', category: 'MARKETING', components: components({ flow_id: flowId, icon: 'STAR' }) as never })).rejects.toThrow(/icon must be one of DOCUMENT, PROMOTION, REVIEW/);
    expect(h.log).toEqual([]);
  });
});

describe('messages.template({ flow })', () => {
  beforeAll(async () => {
    await client.templates.create({ name: 'order_followup', language: 'en_US', category: 'MARKETING', components: components({ flow_id: flowId }) as never });
  });

  it('reads the template once (cached) and puts the button/flow component at the FLOW button index', async () => {
    h.log.length = 0;
    const sent = await client.messages.template({ to: '15551234567', name: 'order_followup', language: 'en_US', flow: { token: 'tok-1', data: { greeting: 'Hello Ana' } } });
    expect(sent.messages[0]!.id).toMatch(/^wamid\./);
    const message = h.emu.state().messages.at(-1)!;
    expect((message.body as any).template.components).toEqual([{ type: 'button', sub_type: 'flow', index: '1', parameters: [{ type: 'action', action: { flow_token: 'tok-1', flow_action_data: { greeting: 'Hello Ana' } } }] }]);
    expect(message.flow).toMatchObject({ id: flowId, token: 'tok-1', screen: 'ASK', data: { greeting: 'Hello Ana' } });

    await client.messages.template({ to: '15551234567', name: 'order_followup', language: 'en_US', flow: {} });
    expect((h.emu.state().messages.at(-1)!.body as any).template.components).toEqual([{ type: 'button', sub_type: 'flow', index: '1', parameters: [{ type: 'action', action: {} }] }]);
    expect(h.log.filter((l) => l.includes('message_templates'))).toHaveLength(1);
  });

  it('without the button component Meta (and the emulator) refuse the whole send with 131009', async () => {
    const res = await fetch(`${h.url}/v25.0/${STAGING.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', to: '15551234567', type: 'template', template: { name: 'order_followup', language: { code: 'en_US' } } }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error).toMatchObject({ code: 131009, message: '(#131009) Parameter value is not valid' });
    expect(body.error.error_data.details).toMatch(/FLOW button at index 1, and the message has no \{ type: "button", sub_type: "flow", index: "1" \} component/);
  });

  it('a send that would fail is refused locally with a clear message, before any write request', async () => {
    h.log.length = 0;
    const send = (extra: Record<string, unknown>) => client.messages.template({ to: '15551234567', name: 'order_followup', language: 'en_US', ...extra } as never);
    await expect(send({ flow: { data: { greeting: 5 } } })).rejects.toThrow(/flow_action_data does not fit screen ASK: greeting should be string, got number/);
    await expect(send({ flow: {}, components: [{ type: 'button', sub_type: 'flow', index: '0', parameters: [] }] })).rejects.toThrow(/more than one button component with sub_type "flow"/);
    await expect(send({ name: 'no_such_template', flow: {} })).rejects.toThrow(/Template "no_such_template" does not exist in en_US .*132001/);
    await expect(send({ flow: {}, flowButton: {} })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(h.writes()).toEqual([]);
  });
});

describe('template review', () => {
  it('an unapproved template: the emulator refuses the send (132001) and the client pre-flight says why', async () => {
    const clocked = await startDeploy({ templateApprovalDelayMs: 60_000 });
    try {
      const c = clocked.client(STAGING);
      const id = (await c.flows.createFlow({ name: 'order_form', categories: ['OTHER'], flow_json: orderFlow(), publish: true })).id;
      const created = await c.templates.create({ name: 'under_review', language: 'en_US', category: 'MARKETING', components: components({ flow_id: id }) as never });
      expect(created.status).toBe('PENDING');
      await expect(c.messages.template({ to: '15551234567', name: 'under_review', language: 'en_US', flow: {} })).rejects.toThrow(/is PENDING: Meta sends only APPROVED templates \(132001\)/);
      const raw = await c.messages
        .template({ to: '15551234567', name: 'under_review', language: 'en_US', flowButton: { index: 1 } })
        .then(() => undefined, (e: unknown) => e as { code?: number });
      expect(raw?.code).toBe(132001);
    } finally {
      await clocked.close();
    }
  });
});

/**
 * Whom a message goes to, through the emulator (flows-platform §6.1; src/platform/recipients.ts): the shared
 * recipient table through the real client against the emulator (the answer's `contacts[]`), the BSUID kept on the
 * emulator's message record, and the emulator's own refusals of wire bodies the client would never send.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError, type TemplateFlowButton } from '../../src/index.js';
import { BSUID, PHONE_NUMBER, RECIPIENT_CASES } from '../platform/message-cases.js';
import { expectRawError, flowIn, PHONE, startEmulator, WABA, type Harness } from './helpers/emulator.js';

let h: Harness;
let flowId: string;
beforeAll(async () => {
  h = await startEmulator();
  flowId = await flowIn(h, 'PUBLISHED');
  // A FLOW button with an icon (§6.4), typed by the client's TemplateFlowButton.
  const button: TemplateFlowButton = { type: 'FLOW', text: 'Open', flow_id: flowId, icon: 'PROMOTION' };
  const template = { name: 'flow_offer', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi' }, { type: 'BUTTONS', buttons: [button] }] };
  expect((await h.raw(`/${WABA}/message_templates`, { json: template })).status).toBe(200);
  const listed = await h.raw(`/${WABA}/message_templates?fields=name,components`, { method: 'GET' });
  expect(JSON.stringify(listed.body)).toContain('"icon":"PROMOTION"');
});
afterAll(async () => {
  await h.close();
});

const records = () => (h.snapshot() as { messages: Array<{ id: string; to: string; recipient?: string }> }).messages;

describe('recipient cases: the client and the emulator agree', () => {
  const sends = {
    flow: (who: object) => h.client.messages.flow({ ...who, flowId, cta: 'Go', body: 'Hi' } as never, { maxRetries: 0 }),
    template: (who: object) => h.client.messages.template({ ...who, name: 'flow_offer', language: 'en_US', flowButton: { flow_token: 't' } } as never, { maxRetries: 0 }),
  };
  const cases = RECIPIENT_CASES.flatMap((c) => Object.keys(sends).map((send) => [`${send}: ${c.name}`, send as keyof typeof sends, c] as const));

  it.each(cases)('%s', async (_name, send, c) => {
    const result = await sends[send](c.given).catch((e: Error) => e);
    if ('problem' in c.expected) {
      expect(result).toBeInstanceOf(InvalidArgumentError);
      expect((result as Error).message).toContain(c.expected.problem);
      return;
    }
    if (result instanceof Error) throw result;
    expect(result.contacts).toEqual([c.expected.contact]);
    const record = records().find((m) => m.id === result.messages[0]!.id)!;
    // The record keeps the BSUID given as recipient; `to` is whom Meta delivers to (the phone number wins).
    expect(record.recipient).toBe(c.expected.wire.recipient);
    expect(record.to).toBe(c.expected.contact.input);
  });
});

describe('the emulator reads to and recipient as Meta does', () => {
  const body = (who: object) => ({ messaging_product: 'whatsapp', ...who, type: 'text', text: { body: 'Hi' } });

  it('a BSUID in to is refused: Meta takes BSUIDs in recipient', async () => {
    expectRawError(await h.raw(`/${PHONE}/messages`, { json: body({ to: BSUID }) }), { status: 400, code: 100, message: '(#100) Invalid parameter', details: /send the business-scoped user ID "US\.13491208655302741918" as recipient/ });
  });

  it('a phone number in recipient is refused', async () => {
    expectRawError(await h.raw(`/${PHONE}/messages`, { json: body({ recipient: PHONE_NUMBER }) }), { status: 400, code: 100, message: '(#100) Invalid parameter', details: /recipient must be a business-scoped user ID/ });
  });

  it('neither to nor recipient: the refusal shows both forms', async () => {
    expectRawError(await h.raw(`/${PHONE}/messages`, { json: body({}) }), { status: 400, code: 100, message: '(#100) Invalid parameter', details: /to \(or recipient\) is required: .*"15551234567".*"US\.13491208655302741918"/ });
  });

  it('recipient alone is answered with user_id and no wa_id, and lists in /_emulator/messages', async () => {
    const res = await h.raw(`/${PHONE}/messages`, { json: body({ recipient: BSUID }) });
    expect(res.status).toBe(200);
    expect(res.body.contacts).toEqual([{ input: BSUID, user_id: BSUID }]);
    const listed = await h.raw('/_emulator/messages', { method: 'GET' });
    expect(JSON.stringify(listed.body)).toContain(`"recipient":"${BSUID}"`);
  });

  it('a message record with a recipient survives the state-shape check on restart', async () => {
    const { stateProblem } = await import('../../src/emulator/state-shape.js');
    expect(records().some((m) => m.recipient === BSUID)).toBe(true);
    expect(stateProblem(h.snapshot())).toBeUndefined();
  });
});

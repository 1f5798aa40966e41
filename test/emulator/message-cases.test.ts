/**
 * The shared message case tables (test/platform/message-cases.ts) through the client's pre-flight checks and the
 * emulator: both give the same verdict, with the same problem text (both use src/platform/messages.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/index.js';
import { FLOW_BUTTON_CASES, FLOW_ID, MESSAGE_CASES } from '../platform/message-cases.js';
import { PHONE, WABA, flowIn, startEmulator, type Harness } from './helpers/emulator.js';

let h: Harness;
let flowId: string;
beforeAll(async () => {
  h = await startEmulator();
  flowId = await flowIn(h, 'PUBLISHED');
});
afterAll(async () => {
  await h.close();
});

/** Replaces FLOW_ID (deeply) by the real flow id. */
function withFlow<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replaceAll(JSON.stringify(FLOW_ID), JSON.stringify(flowId))) as T;
}

describe('flow message cases: client and emulator agree', () => {
  it.each(MESSAGE_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const interactive = withFlow(c.interactive);
    const client = await h.client.messages.interactive({ to: '15551234567', type: 'interactive', interactive: interactive as never }, { maxRetries: 0 }).then(
      () => 'ok' as const,
      (e: Error) => e,
    );
    const emulator = await h.raw(`/${PHONE}/messages`, { json: { messaging_product: 'whatsapp', to: '15551234567', type: 'interactive', interactive } });
    if (c.expected === 'ok') {
      expect(client).toBe('ok');
      expect(emulator.status).toBe(200);
    } else {
      expect(client).toBeInstanceOf(InvalidArgumentError);
      expect((client as Error).message).toContain(c.expected.problem);
      expect(emulator.status).toBe(400);
      expect(emulator.body.error.error_data.details).toContain(c.expected.problem);
    }
  });
});

describe('template FLOW button cases: the emulator follows the table', () => {
  it.each(FLOW_BUTTON_CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const res = await h.raw(`/${WABA}/message_templates`, {
      json: { name: `case_${i}_${Date.now()}`, language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi' }, { type: 'BUTTONS', buttons: [withFlow(c.button)] }] },
    });
    if (c.expected === 'ok') expect(res.status).toBe(200);
    else {
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(c.expected.problem);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WhatsApp from '../../src/index.js';
import { createEmulator } from '../../src/emulator/index.js';

/**
 * Issue 10, finding 8, end to end: `POST /_emulator/complete` with a hostile answer to a catastrophic `pattern`
 * used to freeze the emulator for every client (12 s for 28 a's and a '!', doubling per character). Now it answers
 * 422 at once, and the emulator keeps serving.
 */
let emulator: ReturnType<typeof createEmulator>;
let server: { url: string; close(): unknown };
let client: WhatsApp;

beforeAll(async () => {
  emulator = createEmulator({});
  server = await emulator.listen({ port: 0 });
  client = new WhatsApp({ accessToken: 't', baseUrl: server.url, businessAcctId: '1001', phoneNumberId: '2002' });
});
afterAll(async () => {
  await emulator.close();
  await server.close();
});

async function sendFlowWithPattern(pattern: string): Promise<void> {
  const flow = await client.flows.createFlow({ name: `pattern ${pattern}`, categories: ['OTHER'] });
  await client.flows.uploadFlowJson(flow.id, {
    version: '7.3',
    screens: [
      {
        id: 'ASK',
        title: 'Code',
        terminal: true,
        data: {},
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type: 'TextInput', name: 'code', label: 'Code', required: true, pattern, 'helper-text': 'Only a letters' },
            { type: 'Footer', label: 'Send', 'on-click-action': { name: 'complete', payload: { code: '${form.code}' } } },
          ],
        },
      },
    ],
  });
  await client.flows.publishFlow(flow.id);
  await client.messages.flow({ to: '15551234567', flowId: flow.id, cta: 'Go', body: 'Code?', token: 'tok', screen: 'ASK' });
}

const complete = async (answers?: object) => {
  const res = await fetch(`${server.url}/_emulator/complete`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(answers ? { answers } : {}) });
  return { status: res.status, body: (await res.json()) as { error?: { message?: string; error_data?: Record<string, unknown> } } };
};

describe('POST /_emulator/complete with a catastrophic pattern', () => {
  // 28 a's took 12 s on RegExp, doubling per character: 60 would take centuries.
  it('^(a+)+$ and 60 a\'s and "!": a 422 naming the pattern failure, without freezing', async () => {
    await sendFlowWithPattern('^(a+)+$');
    const { status, body } = await complete({ ASK: { code: `${'a'.repeat(60)}!` } });
    expect(status).toBe(422);
    expect(body.error?.error_data).toMatchObject({ simulator_error: 'SimulatorInputError' });
    expect(body.error?.message).toMatch(/does not match the pattern/);
    expect((await complete({ ASK: { code: 'aaaa' } })).status).toBe(200);
  });

  it('a pattern only a backtracking matcher could run is refused: "pattern too slow"', async () => {
    await sendFlowWithPattern('^(a+)+\\1$');
    const { status, body } = await complete({ ASK: { code: `${'a'.repeat(40)}!` } });
    expect(status).toBe(422);
    expect(body.error?.error_data).toMatchObject({ simulator_error: 'SimulatorPatternError' });
    expect(body.error?.message).toMatch(/pattern too slow to check/);
  });
});

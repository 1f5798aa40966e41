/**
 * Every change is a transaction (src/emulator/store.ts): it runs on a draft, is saved, and only then becomes the
 * state and lets its webhooks go. A change that fails (a refused request or a failed save) leaves nothing behind
 * and sends nothing; requests that arrive meanwhile neither lose their changes nor get a false success.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { memoryPersistence } from '../../src/emulator/persistence/memory.js';
import type { EmulatorPersistence, EmulatorSnapshot } from '../../src/emulator/persistence/types.js';
import { EmulatorSaveError } from '../../src/emulator/persistence/types.js';
import { PHONE, rawRequest, simpleFlowJson, WABA, type RawResponse } from './helpers/emulator.js';
import type { RunningServer } from '../../src/emulator/listen.js';

/** A memory store whose next save can be held at a gate and then failed. */
function controllablePersistence() {
  const inner = memoryPersistence();
  let armed: { reached: () => void; release: Promise<void> } | undefined;
  const saves: EmulatorSnapshot[] = [];
  const persistence: EmulatorPersistence = {
    load: () => inner.load(),
    async save(snapshot) {
      const gate = armed;
      armed = undefined;
      if (gate) {
        gate.reached();
        await gate.release;
        throw new EmulatorSaveError('Could not save the emulator state to /private/state.json: the disk is full.');
      }
      saves.push(snapshot);
      await inner.save(snapshot);
    },
    close: () => inner.close(),
  };
  return {
    persistence,
    saves,
    /** The next save waits until `fail()` is called, then fails. Resolves when that save has started. */
    holdNextSave() {
      let reached!: () => void;
      let fail!: () => void;
      const started = new Promise<void>((resolve) => (reached = resolve));
      armed = { reached, release: new Promise<void>((resolve) => (fail = resolve)) };
      return { started, fail: () => fail() };
    },
  };
}

/** Captures webhook bodies (the emulator's `fetch` for deliveries). */
function webhookCapture() {
  const bodies: any[] = [];
  const fetchImpl = (async (_url: string | URL | Request, init?: RequestInit) => {
    bodies.push(JSON.parse(await new Response(init?.body).text()));
    return new Response('EVENT_RECEIVED', { status: 200 });
  }) as typeof fetch;
  return { bodies, fetch: fetchImpl, createdNames: () => bodies.map((b) => b.entry[0].changes[0].value).filter((v) => v.event === 'FLOW_STATUS_CHANGE' && !v.old_status).map((v) => v.message) };
}

let emu: Emulator | undefined;
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  await emu?.close();
  emu = server = undefined;
});

async function start(persistence: EmulatorPersistence, capture: ReturnType<typeof webhookCapture>) {
  emu = createEmulator({ persistence, webhookUrl: 'http://127.0.0.1:9/webhook', fetch: capture.fetch });
  server = await emu.listen({ port: 0 });
  const raw = (path: string, json?: unknown, method?: string): Promise<RawResponse> => rawRequest(server!.url, path, { ...(json !== undefined ? { json } : {}), ...(method ? { method } : {}) });
  return { raw, create: (name: string) => raw(`/${WABA}/flows`, { name, categories: ['OTHER'] }) };
}

describe('a failed save', () => {
  it('sends no webhook and leaves no flow; the next create sends only its own', async () => {
    const store = controllablePersistence();
    const capture = webhookCapture();
    const { create } = await start(store.persistence, capture);
    const held = store.holdNextSave();
    held.fail();
    expect((await create('lost')).status).toBe(503);
    expect((await create('kept')).status).toBe(200);
    await emu!.close(); // drains the webhook deliveries
    expect(capture.createdNames()).toEqual(['Flow kept has been created with DRAFT status']);
    expect(Object.values(emu!.state().flows).map((f) => f.name)).toEqual(['kept']);
  });

  it('of a completion sends no nfm_reply webhook and records nothing', async () => {
    const store = controllablePersistence();
    const capture = webhookCapture();
    const { raw } = await start(store.persistence, capture);
    const created = await raw(`/${WABA}/flows`, { name: 'to_complete', categories: ['OTHER'], flow_json: JSON.stringify(simpleFlowJson()), publish: true });
    const message = { messaging_product: 'whatsapp', to: '15550001111', type: 'interactive' };
    const parameters = { flow_message_version: '3', flow_id: created.body.id, flow_cta: 'Open' };
    expect((await raw(`/${PHONE}/messages`, { ...message, interactive: { type: 'flow', body: { text: 'Hi' }, action: { name: 'flow', parameters } } })).status).toBe(200);
    const messagesBefore = emu!.state().messages.length;
    store.holdNextSave().fail();
    expect((await raw('/_emulator/complete', {})).status).toBe(503);
    expect(emu!.state().messages).toHaveLength(messagesBefore);
    expect((await raw('/_emulator/complete', {})).status).toBe(200);
    await emu!.close();
    const replies = capture.bodies.filter((b) => b.entry[0].changes[0].field === 'messages');
    expect(replies).toHaveLength(1);
  });

  it('concurrent requests during a failed save lose nothing and get no false success', async () => {
    const store = controllablePersistence();
    const capture = webhookCapture();
    const { create, raw } = await start(store.persistence, capture);
    const existing = (await create('existing')).body.id as string;

    const held = store.holdNextSave();
    const doomed = create('doomed');
    await held.started; // the doomed change is being saved; everything below arrives meanwhile
    const meanwhile = [
      create('during_1'),
      create('during_2'),
      raw(`/${existing}`, { name: 'existing_renamed' }),
      raw(`/${existing}/assets`, { name: 'flow.json', asset_type: 'FLOW_JSON', file: JSON.stringify(simpleFlowJson()) }),
    ];
    // A read while the doomed change is in flight sees only committed state.
    const listed = await raw(`/${WABA}/flows?fields=name`, undefined, 'GET');
    expect(listed.body.data.map((f: { name: string }) => f.name)).toEqual(['existing']);
    held.fail();

    expect((await doomed).status).toBe(503);
    const answers = await Promise.all(meanwhile);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);

    // Every success is in the state and in the last saved snapshot; the failed change is in neither.
    const names = Object.values(emu!.state().flows).map((f) => f.name).sort();
    expect(names).toEqual(['during_1', 'during_2', 'existing_renamed']);
    const saved = (await store.persistence.load()) as { flows: Record<string, { name: string; json?: unknown }> };
    expect(Object.values(saved.flows).map((f) => f.name).sort()).toEqual(names);
    expect(saved.flows[existing]!.json).toBeDefined();

    await emu!.close();
    expect(capture.createdNames().sort()).toEqual(['Flow during_1 has been created with DRAFT status', 'Flow during_2 has been created with DRAFT status', 'Flow existing has been created with DRAFT status']);
  });
});

describe('a refused change', () => {
  it('a template whose second button is refused creates no flow and sends no webhook for the first', async () => {
    const capture = webhookCapture();
    const { raw, create } = await start(memoryPersistence(), capture);
    const flowJsonButton = { type: 'FLOW', text: 'Open', flow_json: JSON.stringify(simpleFlowJson()) };
    const badButton = { type: 'FLOW', text: 'x'.repeat(26), flow_json: JSON.stringify(simpleFlowJson()) };
    const res = await raw(`/${WABA}/message_templates`, { name: 'two_buttons', language: 'en_US', category: 'UTILITY', components: [{ type: 'BUTTONS', buttons: [flowJsonButton, badButton] }] });
    expect(res.status).toBe(400);
    expect(emu!.state().flows).toEqual({});
    await create('after');
    await emu!.close();
    expect(capture.createdNames()).toEqual(['Flow after has been created with DRAFT status']);
  });
});

describe('the committed state', () => {
  it('is frozen: nothing can write into it outside a transaction', async () => {
    const { create } = await start(memoryPersistence(), webhookCapture());
    const id = (await create('frozen')).body.id as string;
    const state = emu!.state();
    expect(() => {
      state.flows[id]!.name = 'changed';
    }).toThrow(TypeError);
    expect(() => state.messages.push({} as never)).toThrow(TypeError);
    expect(emu!.state().flows[id]!.name).toBe('frozen');
  });
});

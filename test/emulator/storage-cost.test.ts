/**
 * Issue 13: the cost of a write follows the change, not the stored state. A write hands persistence only the
 * entities it changed (never the whole state), a published flow's JSON is stored once, and a page of
 * `GET /{waba}/flows` reads only the flows on it (work is counted, not timed).
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/emulator/index.js';
import { registerStateAccess } from '../../src/emulator/committed-view.js';
import type { EmulatorContext } from '../../src/emulator/context.js';
import { FlowIndex } from '../../src/emulator/flow-index.js';
import { listFlows } from '../../src/emulator/handlers/flows.js';
import { memoryPersistence } from '../../src/emulator/persistence/memory.js';
import type { EmulatorPersistence } from '../../src/emulator/persistence/types.js';
import { readGraphRequest } from '../../src/emulator/request.js';
import { emptyState, type EmulatorState, type FlowRecord } from '../../src/emulator/state.js';
import { simpleFlowJson, TOKEN, WABA } from './helpers/emulator.js';

const T0 = '2026-01-01T00:00:00+0000';

function flowsState(count: number, wabaId = WABA): EmulatorState {
  const state = emptyState();
  state.wabas[wabaId] = { id: wabaId, createdAt: T0 };
  const text = JSON.stringify(simpleFlowJson('7.3', 'seeded'));
  for (let i = 0; i < count; i++) {
    const id = String(1_100_000_000_000_000 + i);
    const createdAt = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');
    state.flows[id] = {
      id,
      wabaId,
      name: `seeded_${i}`,
      categories: ['OTHER'],
      status: 'DRAFT',
      json: { text, assetId: `9${id}`, validationErrors: [], uploadedAt: createdAt },
      createdAt,
      updatedAt: createdAt,
    } as FlowRecord;
  }
  return state;
}

/** A memory store that records what the emulator hands it. */
function recordingPersistence(initial?: EmulatorState) {
  const inner = memoryPersistence();
  const changes: string[] = [];
  let snapshots = 0;
  const persistence: EmulatorPersistence = {
    load: () => inner.load(),
    save: (s) => inner.save(s),
    saveJson: (s) => inner.saveJson!(s),
    async saveChange(changeJson, snapshot) {
      changes.push(changeJson);
      await inner.saveChange!(changeJson, () => {
        snapshots++;
        return snapshot();
      });
    },
    close: () => inner.close(),
  };
  const seeded = initial ? inner.saveJson!(JSON.stringify(initial)) : Promise.resolve();
  return { persistence, changes, snapshots: () => snapshots, seeded };
}

async function call(emu: ReturnType<typeof createEmulator>, path: string, body?: unknown) {
  const res = await emu.fetch(
    new Request(`http://emulator.test/v25.0${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  return { status: res.status, body: (await res.json()) as any };
}

describe('a write records only what it changed', () => {
  it('at 2 000 stored flows, create, upload and publish each hand persistence one small change, never the whole state', async () => {
    const recorder = recordingPersistence(flowsState(2000));
    await recorder.seeded;
    const emu = createEmulator({ persistence: recorder.persistence });
    await emu.ready;
    const before = recorder.snapshots();
    const created = await call(emu, `/${WABA}/flows`, { name: 'fresh', categories: ['OTHER'] });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    expect((await call(emu, `/${id}/assets`, { name: 'flow.json', asset_type: 'FLOW_JSON', file: JSON.stringify(simpleFlowJson('7.3', 'UNIQUE_HEADING')) })).status).toBe(200);
    expect((await call(emu, `/${id}/publish`, {})).status).toBe(200);
    expect(recorder.changes).toHaveLength(3);
    for (const change of recorder.changes) {
      expect(change.length).toBeLessThan(3000); // the whole state is about 2 000 × 600 bytes
      expect(change).not.toContain('seeded_');
    }
    expect(recorder.snapshots()).toBe(before); // no whole-state serialisation on these writes
    expect(Object.keys(emu.state().flows)).toHaveLength(2001);
    await emu.close();
  });

  it("a published flow's JSON is stored once, and comes back as the same version after a restart", async () => {
    const recorder = recordingPersistence();
    const emu = createEmulator({ persistence: recorder.persistence });
    const created = await call(emu, `/${WABA}/flows`, { name: 'once', categories: ['OTHER'], flow_json: JSON.stringify(simpleFlowJson('7.3', 'ONLY_ONCE')), publish: true });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    const occurrences = (text: string) => text.split('ONLY_ONCE').length - 1;
    expect(occurrences(recorder.changes.at(-1)!)).toBe(1);
    await emu.close();

    const restarted = createEmulator({ persistence: recorder.persistence });
    await restarted.ready;
    const flow = restarted.state().flows[id]!;
    expect(flow.status).toBe('PUBLISHED');
    expect(flow.published).toBe(flow.json); // one object again
    expect(flow.published?.text).toContain('ONLY_ONCE');
    // A later edit makes them two versions; both are kept.
    expect((await call(restarted, `/${id}/assets`, { name: 'flow.json', asset_type: 'FLOW_JSON', file: JSON.stringify(simpleFlowJson('7.3', 'EDITED')) })).status).toBe(200);
    const edited = restarted.state().flows[id]!;
    expect(edited.published?.text).toContain('ONLY_ONCE');
    expect(edited.json?.text).toContain('EDITED');
    await restarted.close();
  });
});

describe('GET /{waba}/flows reads only the page', () => {
  /** A state whose flows map counts the flows read and whether the map was enumerated. */
  function countingContext(count: number) {
    const state = flowsState(count);
    const plain = state.flows;
    const counts = { reads: 0, enumerations: 0 };
    state.flows = new Proxy(plain, {
      get(target, key) {
        counts.reads++;
        return Reflect.get(target, key);
      },
      ownKeys(target) {
        counts.enumerations++;
        return Reflect.ownKeys(target);
      },
    });
    const index = FlowIndex.of(Object.values(plain));
    registerStateAccess(state, { orderedFlows: (wabaId) => index.ordered(wabaId), flowIdsNamed: (wabaId, name) => [...index.named(wabaId, name)] });
    const ctx = { state, now: () => new Date(), timestamp: () => T0, origin: 'http://emulator.test', templateApprovalDelayMs: 0, newApp: false, flowStatusChanged: () => {} } as EmulatorContext;
    return { ctx, counts };
  }

  async function listPage(ctx: EmulatorContext, query: string) {
    const req = await readGraphRequest(new Request(`http://emulator.test/v25.0/${WABA}/flows?${query}`));
    return listFlows(ctx, req, WABA) as { data: Array<{ id: string; name: string }>; paging: { cursors: { after: string } } };
  }

  it('the same work for a page of 25 at 100 and at 10 000 flows, first page and deep pages', async () => {
    const work: Array<{ reads: number; enumerations: number }> = [];
    for (const count of [100, 10_000]) {
      const { ctx, counts } = countingContext(count);
      const first = await listPage(ctx, 'limit=25&fields=id,name');
      expect(first.data.map((f) => f.name)).toEqual(Array.from({ length: 25 }, (_, i) => `seeded_${count - 1 - i}`)); // newest first
      const second = await listPage(ctx, `limit=25&fields=id,name&after=${first.paging.cursors.after}`);
      expect(second.data[0]!.name).toBe(`seeded_${count - 26}`);
      work.push({ ...counts });
    }
    expect(work[0]!.enumerations).toBe(0);
    expect(work[1]).toEqual(work[0]);
    expect(work[1]!.reads).toBeLessThanOrEqual(2 * 25 * 2);
  });
});

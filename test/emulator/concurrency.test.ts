/**
 * Many clients at once: no lost or mixed-up writes, uniqueness holds under races, and with `dataDir` every
 * acknowledged write is on disk for the next emulator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/emulator/index.js';
import { filePersistence } from '../../src/emulator/persistence/file.js';
import { GraphApiError, type WhatsApp } from '../../src/index.js';
import { rawRequest, simpleFlowJson, startEmulator, TOKEN, WABA, type Harness } from './helpers/emulator.js';

const N = 50;
const running: Harness[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of running.splice(0)) await h.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startEmulator>[0] = {}): Promise<Harness> {
  const h = await startEmulator(options);
  running.push(h);
  return h;
}

/** One client's work: create, upload its own JSON, read both back. */
async function createUploadRead(client: WhatsApp, i: number): Promise<{ id: string; name: string; heading: unknown; jsonVersion: unknown }> {
  const name = `concurrent_${i}`;
  const { id } = await client.flows.createFlow({ name, categories: ['OTHER'] });
  const upload = await client.flows.uploadFlowJson(id, simpleFlowJson('7.3', `Heading of flow ${i}`));
  expect(upload).toEqual({ success: true, validation_errors: [] });
  const flow = await client.flows.getFlow(id, { fields: 'name,json_version' });
  const json = (await client.flows.downloadFlowJson(id)) as { screens: Array<{ layout: { children: Array<{ text?: unknown }> } }> };
  expect(flow.name).toBe(name);
  return { id, name, heading: json.screens[0]!.layout.children[0]!.text, jsonVersion: flow.json_version };
}

describe('50 concurrent clients', () => {
  it('each creates a flow, uploads its own JSON and reads it back: nothing lost or mixed up', async () => {
    const h = await start();
    const clients = Array.from({ length: N }, () => h.newClient());
    const results = await Promise.all(clients.map((client, i) => createUploadRead(client, i)));
    results.forEach((r, i) => expect(r).toEqual({ id: expect.any(String), name: `concurrent_${i}`, heading: `Heading of flow ${i}`, jsonVersion: '7.3' }));
    expect(new Set(results.map((r) => r.id)).size).toBe(N);
    const flows = Object.values(h.emu.state().flows);
    expect(flows).toHaveLength(N);
    for (const r of results) {
      const stored = h.emu.state().flows[r.id]!;
      expect(stored.name).toBe(r.name);
      expect(JSON.parse(stored.json!.text).screens[0].layout.children[0].text).toBe(r.heading);
    }
    // The list agrees.
    const listed = [];
    for await (const f of h.client.flows.listFlows({ limit: 7, fields: 'id,name' })) listed.push(f);
    expect(listed.map((f) => f.id).sort()).toEqual(results.map((r) => r.id).sort());
  });

  it('50 concurrent creates with the same name: exactly one succeeds', async () => {
    const h = await start();
    const outcomes = await Promise.allSettled(Array.from({ length: N }, () => h.newClient().flows.createFlow({ name: 'one_name', categories: ['OTHER'] })));
    const ok = outcomes.filter((o) => o.status === 'fulfilled');
    const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(N - 1);
    for (const f of failed) {
      expect(f.reason).toBeInstanceOf(GraphApiError);
      expect(f.reason).toMatchObject({ status: 400, code: 100, error: { message: 'Flow name is not unique' } });
    }
    expect(Object.values(h.emu.state().flows).filter((f) => f.name === 'one_name')).toHaveLength(1);
  });

  it('publish and delete racing on one draft: exactly one wins', async () => {
    const h = await start();
    for (let round = 0; round < 10; round++) {
      const { id } = await h.client.flows.createFlow({ name: `race_${round}`, categories: ['OTHER'], flow_json: simpleFlowJson() });
      const [publish, remove] = await Promise.allSettled([h.newClient().flows.publishFlow(id), h.newClient().flows.deleteFlow(id)]);
      const wins = [publish, remove].filter((o) => o.status === 'fulfilled');
      expect(wins).toHaveLength(1);
      const flow = h.emu.state().flows[id];
      if (publish.status === 'fulfilled') expect(flow?.status).toBe('PUBLISHED');
      else expect(flow).toBeUndefined();
    }
  });
});

describe('with dataDir', () => {
  it('after 50 concurrent writes, a new emulator on the same directory has all of them', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mca-emulator-concurrency-'));
    dirs.push(dataDir);
    const h = await start({ dataDir });
    const results = await Promise.all(Array.from({ length: N }, (_, i) => createUploadRead(h.newClient(), i)));

    // The first emulator is still running (and idle): every answer it gave was preceded by a durable save.
    const onDisk = (await filePersistence(dataDir).load()) as { flows: Record<string, unknown> };
    expect(Object.keys(onDisk.flows)).toHaveLength(N);
    // One emulator per directory (directory-lock.ts): the next one starts once the first has stopped.
    running.splice(running.indexOf(h), 1);
    await h.close();
    const second = createEmulator({ dataDir });
    await second.ready;
    const server = await second.listen({ port: 0 });
    try {
      const flows = second.state().flows;
      expect(Object.keys(flows)).toHaveLength(N);
      for (const r of results) {
        expect(flows[r.id]?.name).toBe(r.name);
        expect(JSON.parse(flows[r.id]!.json!.text).screens[0].layout.children[0].text).toBe(r.heading);
      }
      const listed = await rawRequest(server.url, `/${WABA}/flows?limit=100&fields=id,name`, { token: TOKEN });
      expect(listed.body.data).toHaveLength(N);
      // New ids continue after the restored ones.
      const created = await rawRequest(server.url, `/${WABA}/flows`, { json: { name: 'after_restart', categories: ['OTHER'] } });
      expect(created.status).toBe(200);
      expect(results.map((r) => r.id)).not.toContain(created.body.id);
    } finally {
      await server.close();
      await second.close();
    }
  });
});

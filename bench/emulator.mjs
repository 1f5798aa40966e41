#!/usr/bin/env node
/**
 * Emulator storage (issue 13): does the cost of a write grow with the stored state? Two emulators per storage mode,
 * one seeded with SMALL flows (100) and one with LARGE (10 000), both served on 127.0.0.1 and driven over HTTP in
 * interleaved rounds (small, large, large, small, ...). Per round and mode:
 *
 * - cycles/s (create + upload Flow JSON + publish, one cycle after the other) at LARGE ÷ at SMALL: target >= 0.8;
 * - bytes written per write at LARGE ÷ 64 KB: target <= 1. In memory: the bytes the store hands its persistence
 *   (each change's JSON, plus any compaction snapshot). On disk (`dataDir`): what the round added to the data
 *   directory (journal growth; a rewritten snapshot counts whole);
 * - time of the first page of `GET /{waba}/flows` (limit 25) at LARGE ÷ at SMALL: target <= 1.2 (O(page)).
 *
 * The flows are seeded through the state the emulator loads at start (a snapshot: `saveJson` in memory, the state
 * file on disk), not over HTTP, so that 10 000 flows take seconds. Each cycle adds a flow, so SMALL grows by
 * cycles × rounds during the run (LARGE too). Both sides do the same work; only the stored state differs.
 *
 *   npm run build && node bench/emulator.mjs [--rounds 9] [--cycles 12] [--json] [--quick]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEmulator, memoryPersistence } from '../dist/emulator.js';
import { makeRow, report } from './lib/report.mjs';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '9' },
    cycles: { type: 'string', default: '12' },
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
  },
});
const QUICK = values.quick;
const SMALL = QUICK ? 30 : 100;
const LARGE = QUICK ? 200 : 10_000;
const ROUNDS = QUICK ? 1 : Number(values.rounds);
const CYCLES = QUICK ? 2 : Number(values.cycles);
const LISTS = QUICK ? 3 : 60;
const WRITE_BUDGET = 64 * 1024;
const WABA = '100000000000001';
const TOKEN = 'bench-token';

const flowJson = (heading) =>
  JSON.stringify({
    version: '7.3',
    screens: [
      {
        id: 'WELCOME',
        title: 'Welcome',
        terminal: true,
        data: {},
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type: 'TextHeading', text: heading },
            { type: 'TextBody', text: 'A flow of the kind people build: a heading, some text, a footer. '.repeat(8) },
            { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } },
          ],
        },
      },
    ],
  });
const UPLOAD = flowJson('Uploaded by the bench');

/** A state of `count` flows in one WABA, half of them published (stored once: `"published":"json"`). */
function seededStateJson(count) {
  const text = flowJson('Seeded');
  const flows = {};
  for (let i = 0; i < count; i++) {
    const id = String(1_100_000_000_000_000 + i);
    const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');
    const published = i % 2 === 0;
    flows[id] = {
      id,
      wabaId: WABA,
      name: `seeded_${i}`,
      categories: ['OTHER'],
      status: published ? 'PUBLISHED' : 'DRAFT',
      json: { text, assetId: `9${id}`, version: '7.3', validationErrors: [], uploadedAt: at },
      ...(published ? { published: 'json' } : {}),
      createdAt: at,
      updatedAt: at,
    };
  }
  return JSON.stringify({ format: 1, nextId: count * 2 + 1, wabas: { [WABA]: { id: WABA, createdAt: '2026-01-01T00:00:00+0000' } }, phones: {}, flows, templates: {}, messages: [] });
}

/** The memory store, counting the bytes it is handed. */
function countingMemory(stateJson) {
  const inner = memoryPersistence();
  const count = { bytes: 0 };
  const persistence = {
    load: () => inner.load(),
    save: (s) => inner.save(s),
    saveJson: (s) => inner.saveJson(s),
    async saveChange(changeJson, snapshot) {
      count.bytes += Buffer.byteLength(changeJson);
      await inner.saveChange(changeJson, () => {
        const whole = snapshot();
        count.bytes += Buffer.byteLength(whole);
        return whole;
      });
    },
    close: () => inner.close(),
  };
  return { persistence, count, seeded: inner.saveJson(stateJson) };
}

const dirs = [];
/** A data directory holding the seeded state as its snapshot file. */
function seededDataDir(stateJson) {
  const dir = mkdtempSync(join(tmpdir(), 'mca-bench-emulator-'));
  dirs.push(dir);
  mkdirSync(dir, { recursive: true });
  const sha = createHash('sha256').update(stateJson, 'utf8').digest('hex');
  writeFileSync(join(dir, 'emulator-state.json'), `{"format":1,"seq":0,"sha256":"${sha}","state":${stateJson}}\n`);
  return dir;
}

/** Bytes in the data directory's files, and the snapshot's inode (a compaction replaces it). */
function diskUsage(dir) {
  const size = (name) => {
    try {
      const s = statSync(join(dir, name));
      return { size: s.size, ino: s.ino };
    } catch {
      return { size: 0, ino: 0 };
    }
  };
  return { snapshot: size('emulator-state.json'), journal: size('emulator-journal.log').size };
}
function diskBytesWritten(before, after) {
  if (after.snapshot.ino !== before.snapshot.ino) return after.snapshot.size + after.journal;
  return after.journal - before.journal;
}

async function start(kind, count) {
  const stateJson = seededStateJson(count);
  if (kind === 'memory') {
    const memory = countingMemory(stateJson);
    await memory.seeded;
    const emulator = createEmulator({ persistence: memory.persistence });
    const server = await emulator.listen({ port: 0 });
    return { kind, count, emulator, server, written: () => memory.count.bytes };
  }
  const dir = seededDataDir(stateJson);
  const emulator = createEmulator({ dataDir: dir });
  const server = await emulator.listen({ port: 0 });
  return { kind, count, emulator, server, dir };
}

async function call(target, path, body) {
  const res = await fetch(`${target.server.url}/v25.0${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = await res.json();
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

let serial = 0;
/** One cycle; returns its time in seconds. */
async function cycle(target) {
  const started = process.hrtime.bigint();
  const { id } = await call(target, `/${WABA}/flows`, { name: `bench_${++serial}`, categories: ['OTHER'] });
  await call(target, `/${id}/assets`, { name: 'flow.json', asset_type: 'FLOW_JSON', file: UPLOAD });
  await call(target, `/${id}/publish`, {});
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * CYCLES cycles on each target, alternating cycle by cycle so that load changes hit both alike; returns per target
 * cycles/s and bytes written per write.
 */
async function cycles(order) {
  const seconds = new Map(order.map((t) => [t, 0]));
  const before = new Map(order.map((t) => [t, t.dir ? diskUsage(t.dir) : t.written()]));
  for (let i = 0; i < CYCLES; i++) for (const target of order) seconds.set(target, seconds.get(target) + (await cycle(target)));
  const out = new Map();
  for (const target of order) {
    const bytes = target.dir ? diskBytesWritten(before.get(target), diskUsage(target.dir)) : target.written() - before.get(target);
    out.set(target, { perSecond: CYCLES / seconds.get(target), bytesPerWrite: bytes / (3 * CYCLES) });
  }
  return out;
}

/** Mean time of the first page of the flows list per target, in ms, alternating request by request. */
async function firstPages(order) {
  const ms = new Map(order.map((t) => [t, 0]));
  for (let i = 0; i < LISTS; i++) {
    for (const target of order) {
      const started = process.hrtime.bigint();
      const page = await call(target, `/${WABA}/flows?limit=25&fields=id,name,status`);
      ms.set(target, ms.get(target) + Number(process.hrtime.bigint() - started) / 1e6);
      if (page.data.length !== 25) throw new Error('a page of 25 was expected');
    }
  }
  return new Map(order.map((t) => [t, ms.get(t) / LISTS]));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const kind of ['memory', 'disk']) {
  const small = await start(kind, SMALL);
  const large = await start(kind, LARGE);
  await cycles([small, large]); // warm-up (JIT, connections, the base snapshot on disk)
  const r = { cyclesSmall: [], cyclesLarge: [], cycleRatios: [], bytes: [], byteRatios: [], listSmall: [], listLarge: [], listRatios: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [small, large] : [large, small];
    const measured = await cycles(order);
    const listed = await firstPages(order);
    const s = measured.get(small);
    const l = measured.get(large);
    r.cyclesSmall.push(s.perSecond);
    r.cyclesLarge.push(l.perSecond);
    r.cycleRatios.push(l.perSecond / s.perSecond);
    r.bytes.push(l.bytesPerWrite / 1024);
    r.byteRatios.push(l.bytesPerWrite / WRITE_BUDGET);
    r.listSmall.push(listed.get(small));
    r.listLarge.push(listed.get(large));
    r.listRatios.push(listed.get(large) / listed.get(small));
    process.stderr.write(`${kind} round ${round + 1}/${ROUNDS}\r`);
  }
  const where = kind === 'memory' ? 'in memory' : 'on disk (dataDir)';
  rows.push(
    makeRow({ what: `emulator cycles/s ${where}, ${LARGE} vs ${SMALL} flows`, ours: median(r.cyclesLarge), baseline: median(r.cyclesSmall), unit: 'cycles/s', ratios: r.cycleRatios, target: '>= 0.8', baselineName: `${SMALL} flows`, note: 'a cycle is create + upload Flow JSON + publish over HTTP; both sides do the same work' }),
    makeRow({ what: `emulator bytes written per write ${where} at ${LARGE} flows`, ours: median(r.bytes), baseline: WRITE_BUDGET / 1024, unit: 'KB/write', ratios: r.byteRatios, target: '<= 1', baselineName: '64 KB budget' }),
    makeRow({ what: `emulator first page of GET /{waba}/flows ${where}, ${LARGE} vs ${SMALL} flows`, ours: median(r.listLarge), baseline: median(r.listSmall), unit: 'ms/page', ratios: r.listRatios, target: '<= 1.2', baselineName: `${SMALL} flows` }),
  );
  for (const target of [small, large]) {
    await target.server.close();
    await target.emulator.close();
  }
}
for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
report('emulator storage (bench/emulator.mjs)', rows, { json: values.json });

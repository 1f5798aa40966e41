/**
 * The metrics recorder loads with the endpoint, off its startup path (issue 12). A request answered before the
 * recorder has loaded is still counted: the answer waits for it. The recorder's module is held back here until the
 * first answer is ready, so removing that wait makes this test fail.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { keys, post, sealRequest } from './whatsapp-side.js';

let release!: () => void;
const gate = new Promise<void>((resolve) => (release = resolve));
vi.mock('../../src/endpoint/metrics-recorder.js', async (importOriginal) => {
  await gate;
  return importOriginal();
});

describe('metrics while the recorder loads', () => {
  it('the first request, answered before the recorder loads, is counted once it has', async () => {
    const { createFlowEndpoint } = await import('../../src/endpoint/index-node.js');
    const samples: unknown[] = [];
    const endpoint = createFlowEndpoint({ privateKey: keys.privateKey, onRequest: () => ({ screen: 'A', data: {} }), onMetrics: (s) => samples.push(s) });
    let answered = false;
    const pending = endpoint(post(sealRequest({ version: '3.0', action: 'ping' }).body)).then((r) => ((answered = true), r));
    await nextTurn(); // the exchange is done within a turn (node:crypto); the answer now waits for the recorder
    expect([answered, endpoint.metrics().requests]).toEqual([false, 0]);
    release();
    expect((await pending).status).toBe(200);
    expect(endpoint.metrics()).toMatchObject({ requests: 1, actions: { ping: 1 } });
    expect(samples).toHaveLength(1);
  });
});

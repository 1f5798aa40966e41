import { afterEach, beforeEach, expect, it } from 'vitest';
import { applyPlan, createPlan, DeployError } from '../../src/deploy/index.js';
import { orderFlow, projectConfig, startDeploy, STAGING, TOKENS, type DeployHarness } from './harness.js';

let h: DeployHarness;
beforeEach(async () => {
  h = await startDeploy();
  await h.write('flows.config.json', projectConfig(h.url));
  await h.write('flows/order.flow.json', orderFlow());
  await h.write('flows/survey.flow.json', orderFlow('Survey'));
});
afterEach(() => h.close());

/** A fetch that fails the `n`th write request as a dropped connection would (nothing reaches the emulator). */
function failingWrite(n: number): typeof fetch {
  let writes = 0;
  return async (input, init) => {
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (method !== 'GET' && ++writes === n) throw new TypeError('fetch failed (injected: the process died here)');
    return fetch(input, init);
  };
}

/** Apply run again finishes the work: each flow once, in its final state, each template once, and nothing left to plan. */
async function applyAgainFinishesOnce(): Promise<void> {
  const r = await h.cli('apply', '--env', 'staging', '--yes');
  expect(r.code, r.err).toBe(0);
  const flows = Object.values(h.emu.state().flows).filter((f) => f.wabaId === STAGING.wabaId);
  expect(flows.map((f) => [f.name, f.status]).sort()).toEqual([
    ['order_form', 'PUBLISHED'],
    ['survey', 'DRAFT'],
  ]);
  const templates = Object.values(h.emu.state().templates).map((t) => t.name);
  expect(templates.length).toBeGreaterThan(0);
  expect(new Set(templates).size).toBe(templates.length);
  expect((await h.cli('plan', '--env', 'staging')).code).toBe(0);
}

it('an apply stopped after its first steps leaves a lock of what was done; running it again finishes without duplicates', async () => {
  const { plan, context } = await createPlan({ config: h.dir, environment: 'staging', env: TOKENS, fetch: failingWrite(3), maxRetries: 0 });
  const error = await applyPlan(plan, context).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DeployError);
  expect((error as Error).message).toMatch(/^apply stopped at "publish flow order_form": .*run apply again/s);
  // Steps 1 and 2 (create, upload) are in the lock; the publish is not.
  const partial = (await h.lock()).environments.staging.flows.order_form;
  expect(partial).toMatchObject({ status: 'DRAFT', uploaded_sha256: expect.any(String) });
  expect(partial.published_sha256).toBeUndefined();

  const again = await h.cli('plan', '--env', 'staging', '--json');
  const steps = JSON.parse(again.out).flows.map((f: any) => [f.key, f.steps.map((s: any) => s.kind)]);
  expect(steps).toEqual([
    ['order_form', ['publish']],
    ['survey', ['create', 'upload']],
  ]);
  await applyAgainFinishesOnce();
});

it('killed between the create request and the lock write: the flow is found again by its name', async () => {
  // The create reached WhatsApp, the lock never heard of it.
  await h.client(STAGING).flows.createFlow(STAGING.wabaId, { name: 'order_form', categories: ['OTHER'] });
  const { plan } = await createPlan({ config: h.dir, environment: 'staging', env: TOKENS });
  expect(plan.flows.find((f) => f.key === 'order_form')!.steps.map((s) => s.kind)).toEqual(['upload', 'publish']);
  expect((await h.cli('apply', '--env', 'staging', '--yes')).code).toBe(0);
  expect(Object.values(h.emu.state().flows).filter((f) => f.name === 'order_form')).toHaveLength(1);
});

it.each([1, 2, 3])('SIGKILLed at write request %i of an apply (the built CLI, a real process): running it again finishes, one flow and one template per name', async (killAt) => {
  const bin = new URL('../../dist/cli/bin.js', import.meta.url).pathname;
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [bin, 'apply', '--env', 'staging', '--yes'], { cwd: h.dir, env: { ...process.env, ...TOKENS }, stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  // Killed as the emulator logs the killAt-th write request (create, upload, publish): wherever the process was at
  // that moment (waiting for the answer, or writing the lock), a second apply must finish the work without
  // duplicating it.
  const push = h.log.push.bind(h.log);
  h.log.push = (...lines: string[]) => {
    const n = push(...lines);
    if (h.writes().length >= killAt) child.kill('SIGKILL');
    return n;
  };
  expect(await exited).toBe('SIGKILL');
  h.log.push = push;
  const writesBefore = h.writes().length;
  expect(writesBefore).toBeGreaterThanOrEqual(killAt);

  await applyAgainFinishesOnce();
});

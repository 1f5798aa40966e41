import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderFlow, projectConfig, startDeploy, STAGING, type DeployHarness } from './harness.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
let h: DeployHarness;

beforeEach(async () => {
  h = await startDeploy();
  await h.write('flows.config.json', projectConfig(h.url));
  await h.write('flows/order.flow.json', orderFlow());
  await h.write('flows/survey.flow.json', orderFlow('Survey'));
});
afterEach(() => h.close());

const planJson = async (env = 'staging') => {
  const r = await h.cli('plan', '--env', env, '--json');
  return { ...r, plan: JSON.parse(r.out) };
};
const steps = (plan: any) => Object.fromEntries([...plan.flows, ...plan.templates].map((x: any) => [x.key, x.steps.map((s: any) => s.kind)]));

describe('plan and apply from nothing', () => {
  it('creates, publishes and writes the lock; a second apply sends no write request', async () => {
    const first = await planJson();
    expect(first.code, first.err).toBe(2);
    expect(steps(first.plan)).toEqual({ order_form: ['create', 'upload', 'publish'], survey: ['create', 'upload'], order_followup: ['create'] });
    expect(h.writes()).toEqual([]); // plan only reads

    const applied = await h.cli('apply', '--env', 'staging', '--yes');
    expect(applied.code, applied.err).toBe(0);
    const lock = await h.lock();
    const order = lock.environments.staging.flows.order_form;
    const orderText = await h.read('flows/order.flow.json');
    expect(order).toMatchObject({ name: 'order_form', status: 'PUBLISHED', json_version: '7.3', uploaded_sha256: sha(orderText), published_sha256: sha(orderText) });
    expect(lock.environments.staging.flows.survey).toMatchObject({ status: 'DRAFT', uploaded_sha256: sha(await h.read('flows/survey.flow.json')) });
    expect(lock.environments.staging.flows.survey.published_sha256).toBeUndefined();
    const template = lock.environments.staging.templates.order_followup;
    expect(template).toMatchObject({ name: 'order_followup', language: 'en_US', status: 'APPROVED' });
    // The emulator has exactly what the lock says.
    const state = h.emu.state();
    expect(state.flows[order.id]).toMatchObject({ wabaId: STAGING.wabaId, name: 'order_form', status: 'PUBLISHED' });
    expect((state.templates[template.id]!.components[1] as any).buttons[0]).toMatchObject({ type: 'FLOW', flow_id: order.id, navigate_screen: 'ASK' });

    const again = await planJson();
    expect(again.code, again.out).toBe(0);
    expect(steps(again.plan)).toEqual({ order_form: [], survey: [], order_followup: [] });
    h.log.length = 0;
    const second = await h.cli('apply', '--env', 'staging', '--yes');
    expect(second.code, second.err).toBe(0);
    expect(h.log.length).toBeGreaterThan(0); // it did read the account
    expect(h.writes()).toEqual([]);
    expect(await h.lock()).toEqual(lock);
  });

  it('without --yes, apply shows the plan and changes nothing (exit 1)', async () => {
    const r = await h.cli('apply', '--env', 'staging');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/flow order_form .*create/);
    expect(r.err).toMatch(/--yes/);
    expect(h.writes()).toEqual([]);
  });
});

describe('changes after a first apply', () => {
  beforeEach(async () => {
    expect((await h.cli('apply', '--env', 'staging', '--yes')).code).toBe(0);
    h.log.length = 0;
  });

  it('one flow changed: only it is uploaded, and published again because it is configured so', async () => {
    const before = await h.lock();
    await h.write('flows/order.flow.json', orderFlow('Your new order'));
    const { code, plan } = await planJson();
    expect(code).toBe(2);
    expect(steps(plan)).toEqual({ order_form: ['upload', 'publish'], survey: [], order_followup: [] });
    const order = plan.flows.find((f: any) => f.key === 'order_form');
    expect(order.messages.map((m: any) => m.message).join('\n')).toMatch(/is PUBLISHED: uploading its JSON returns it to DRAFT until it is published again; apply publishes it again/);

    h.log.length = 0;
    expect((await h.cli('apply', '--env', 'staging', '--yes')).code).toBe(0);
    const id = before.environments.staging.flows.order_form.id;
    expect(h.writes().map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([`POST /v25.0/${id}/assets`, `POST /v25.0/${id}/publish`]);
    const after = await h.lock();
    const text = await h.read('flows/order.flow.json');
    expect(after.environments.staging.flows.order_form).toMatchObject({ id, status: 'PUBLISHED', uploaded_sha256: sha(text), published_sha256: sha(text) });
    expect(after.environments.staging.flows.survey).toEqual(before.environments.staging.flows.survey);
  });

  it('a draft flow changed without publish: uploaded, stays DRAFT', async () => {
    await h.write('flows/survey.flow.json', orderFlow('Survey 2'));
    const { plan } = await planJson();
    expect(steps(plan)).toEqual({ order_form: [], survey: ['upload'], order_followup: [] });
    expect((await h.cli('apply', '--env', 'staging', '--yes')).code).toBe(0);
    expect((await h.lock()).environments.staging.flows.survey.status).toBe('DRAFT');
  });

  it('drift: a flow changed in WhatsApp Manager is reported and overwritten by apply', async () => {
    const id = (await h.lock()).environments.staging.flows.survey.id;
    await h.client(STAGING).flows.uploadFlowJson(id, orderFlow('Edited by hand'));
    await h.client(STAGING).flows.updateFlowMetadata(id, { categories: ['OTHER'] });
    const { code, plan } = await planJson();
    expect(code).toBe(2);
    const survey = plan.flows.find((f: any) => f.key === 'survey');
    expect(survey.steps).toEqual([{ kind: 'upload' }, { kind: 'update-metadata', fields: { categories: ['SURVEY'] } }]);
    expect(survey.messages.map((m: any) => m.message).join('\n')).toMatch(/Drift: the Flow JSON of "survey" \(\d+\) was changed outside this repository/);
    expect((await h.cli('apply', '--env', 'staging', '--yes')).code).toBe(0);
    expect((await planJson()).code).toBe(0);
  });

  it('a DEPRECATED flow cannot be changed: plan errors (139001) and apply changes nothing', async () => {
    const id = (await h.lock()).environments.staging.flows.order_form.id;
    await h.client(STAGING).flows.deprecateFlow(id);
    await h.write('flows/order.flow.json', orderFlow('Too late'));
    const { code, plan } = await planJson();
    expect(code).toBe(1);
    expect(JSON.stringify(plan)).toMatch(/is DEPRECATED: Meta refuses changes \(139001 Flow can't be updated\)/);
    h.log.length = 0;
    expect((await h.cli('apply', '--env', 'staging', '--yes')).code).toBe(1);
    expect(h.writes()).toEqual([]);
  });
});

describe('local validation', () => {
  it('an invalid flow stops the plan before any request (exit 1), with annotations for GitHub', async () => {
    const broken = orderFlow();
    (broken.screens as any[])[1].terminal = false;
    await h.write('flows/order.flow.json', broken);
    const r = await h.cli('plan', '--env', 'staging', '--format', 'github');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^::error file=flows\/order\.flow\.json,line=\d+,col=\d+::\[staging\] /m);
    expect(h.log).toEqual([]);
  });
});

describe('plan exit codes', () => {
  it('a usage error exits 1, not 2: a CI step accepting 2 ("changes") never accepts a mistyped option', async () => {
    const changes = await h.cli('plan', '--env', 'staging', '--json');
    expect(changes.code, changes.err).toBe(2);
    const typo = await h.cli('plan', '--env', 'staging', '--formt', 'github');
    expect(typo.err).toMatch(/Unknown option '--formt'.*--format/);
    expect(typo.code).toBe(1);
    const badFormat = await h.cli('plan', '--env', 'staging', '--format', 'xml');
    expect([badFormat.code, badFormat.err]).toEqual([1, expect.stringMatching(/--format must be pretty, github or json/)]);
    // Other commands keep exit 2 for usage errors.
    expect((await h.cli('validate', '--formt', 'github')).code).toBe(2);
  });
});

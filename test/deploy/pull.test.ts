import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { captureIO } from '../helpers/capture-io.js';
import { orderFlow, PROD, startDeploy, TOKENS, type DeployHarness } from './harness.js';

let h: DeployHarness;
beforeEach(async () => {
  h = await startDeploy();
});
afterEach(() => h.close());

it('pull adopts a WABA with flows made by hand: files, config and lock; the next plan shows no change', async () => {
  const hand = h.client(PROD);
  const published = await hand.flows.createFlow(PROD.wabaId, { name: 'Lead form', categories: ['LEAD_GENERATION'] });
  await hand.flows.uploadFlowJson(published.id, JSON.stringify(orderFlow('Leads'), null, 4));
  await hand.flows.publishFlow(published.id);
  const draft = await hand.flows.createFlow(PROD.wabaId, { name: 'survey', categories: ['SURVEY'] });
  await hand.flows.uploadFlowJson(draft.id, orderFlow('Survey'));
  await hand.flows.createFlow(PROD.wabaId, { name: 'empty', categories: ['OTHER'] }); // no JSON yet
  h.log.length = 0;

  const io = captureIO({ env: TOKENS });
  const code = await main(['pull', '--env', 'prod', '--config', h.dir, '--waba-id', PROD.wabaId, '--phone-number-id', PROD.phoneNumberId, '--base-url', h.url], io);
  expect(code, io.err).toBe(0);
  expect(io.out).toMatch(/Pulled 2 flow\(s\)/);
  expect(io.out).toMatch(/Left out \(no Flow JSON uploaded\): empty/);
  expect(h.writes()).toEqual([]);

  const config = JSON.parse(await h.read('flows.config.json'));
  expect(config).toEqual({
    environments: { prod: { wabaId: PROD.wabaId, phoneNumberId: PROD.phoneNumberId, baseUrl: h.url } },
    flows: {
      lead_form: { file: 'flows/lead_form.flow.json', name: 'Lead form', categories: ['LEAD_GENERATION'], publish: true },
      survey: { file: 'flows/survey.flow.json', categories: ['SURVEY'] },
    },
  });
  expect(await h.read('flows/lead_form.flow.json')).toBe(JSON.stringify(orderFlow('Leads'), null, 4));
  expect((await h.lock()).environments.prod.flows.lead_form).toMatchObject({ id: published.id, status: 'PUBLISHED', json_version: '7.3' });

  const plan = await h.cli('plan', '--env', 'prod');
  expect(plan.code, plan.out).toBe(0);
  expect(plan.out).toMatch(/No changes\./);
});

it('pull into an existing config keeps its keys and files', async () => {
  const hand = h.client(PROD);
  const flow = await hand.flows.createFlow(PROD.wabaId, { name: 'order_form', categories: ['OTHER'] });
  await hand.flows.uploadFlowJson(flow.id, orderFlow('From WhatsApp Manager'));
  await writeFile(
    join(h.dir, 'flows.config.json'),
    JSON.stringify({ environments: { prod: { ...PROD, baseUrl: h.url } }, flows: { orders: { file: 'mine/order.json', name: 'order_form' } } }),
  );
  const r = await h.cli('pull', '--env', 'prod');
  expect(r.code, r.err).toBe(0);
  expect(JSON.parse(await h.read('mine/order.json')).screens[0].title).toBe('From WhatsApp Manager');
  expect(Object.keys(JSON.parse(await h.read('flows.config.json')).flows)).toEqual(['orders']);
  expect((await h.cli('plan', '--env', 'prod')).code).toBe(0);
});

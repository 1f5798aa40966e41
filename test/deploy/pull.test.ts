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

it('pull adopts the templates the config can express, with the flows they open; the others are named with the reason', async () => {
  const hand = h.client(PROD);
  const flow = await hand.flows.createFlow(PROD.wabaId, { name: 'Lead form', categories: ['LEAD_GENERATION'] });
  await hand.flows.uploadFlowJson(flow.id, orderFlow('Leads'));
  await hand.flows.publishFlow(flow.id);
  const flowButton = { type: 'FLOW', text: 'Open the form', flow_id: flow.id, flow_action: 'navigate', navigate_screen: 'ASK', icon: 'DOCUMENT' };
  const create = (name: string, components: unknown[]) => hand.templates.create({ name, language: 'en_US', category: 'MARKETING', components: components as never }, PROD.wabaId);
  const adopted = await create('lead_invite', [{ type: 'BODY', text: 'Tell us what you need' }, { type: 'BUTTONS', buttons: [flowButton] }]);
  await create('plain_notice', [{ type: 'BODY', text: 'We are open on Sunday' }]);
  await create('with_header', [{ type: 'HEADER', format: 'TEXT', text: 'Hello' }, { type: 'BODY', text: 'Tell us' }, { type: 'BUTTONS', buttons: [flowButton] }]);
  await create('with_variables', [{ type: 'BODY', text: 'Hi {{1}}', example: { body_text: [['Ana']] } }]);
  await create('two_buttons', [{ type: 'BODY', text: 'Tell us' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Later' }, flowButton] }]);
  h.log.length = 0;

  const io = captureIO({ env: TOKENS });
  const code = await main(['pull', '--env', 'prod', '--config', h.dir, '--waba-id', PROD.wabaId, '--phone-number-id', PROD.phoneNumberId, '--base-url', h.url], io);
  expect(code, io.err).toBe(0);
  expect(h.writes()).toEqual([]);
  expect(io.out).toMatch(/Adopted 2 template\(s\): lead_invite, plain_notice/);
  expect(io.out).toMatch(/Template left out: with_header \(en_US\): it has a HEADER component/);
  expect(io.out).toMatch(/Template left out: with_variables \(en_US\): its body has variables/);
  expect(io.out).toMatch(/Template left out: two_buttons \(en_US\): it has a BUTTONS component with several buttons/);

  const config = JSON.parse(await h.read('flows.config.json'));
  expect(config.templates).toEqual({
    lead_invite: { language: 'en_US', category: 'MARKETING', body: 'Tell us what you need', flowButton: { text: 'Open the form', flow: 'lead_form', screen: 'ASK', icon: 'DOCUMENT' } },
    plain_notice: { language: 'en_US', category: 'MARKETING', body: 'We are open on Sunday' },
  });
  expect((await h.lock()).environments.prod.templates.lead_invite).toEqual({ id: adopted.id, name: 'lead_invite', language: 'en_US', status: expect.any(String) });

  const plan = await h.cli('plan', '--env', 'prod');
  expect(plan.code, plan.out).toBe(0);
  expect(plan.out).toMatch(/No changes\./);
  expect(plan.out).not.toMatch(/differs from the config/);
});

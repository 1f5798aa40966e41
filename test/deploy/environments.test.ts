import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpointFlow, orderFlow, PROD, projectConfig, startDeploy, STAGING, type DeployHarness } from './harness.js';

let h: DeployHarness;
const uris = { staging: 'https://staging.example.com/flow', prod: 'https://example.com/flow' };
const publicKey = () => generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }).publicKey;

beforeEach(async () => {
  h = await startDeploy();
  await h.write('flows.config.json', projectConfig(h.url, { flows: { booking: { file: 'flows/booking.flow.json', categories: ['APPOINTMENT_BOOKING'], endpointUri: uris, publish: true } } }));
  await h.write('flows/order.flow.json', orderFlow());
  await h.write('flows/survey.flow.json', orderFlow('Survey'));
  await h.write('flows/booking.flow.json', endpointFlow());
});
afterEach(() => h.close());

const plan = async (env: string) => {
  const r = await h.cli('plan', '--env', env, '--json');
  return { code: r.code, plan: JSON.parse(r.out), err: r.err };
};

describe('two environments', () => {
  it('publishing an endpoint flow without a business public key on the phone: plan names it (139002) and exits 1', async () => {
    const { code, plan: p } = await plan('staging');
    expect(code).toBe(1);
    const booking = p.flows.find((f: any) => f.key === 'booking');
    expect(booking.messages).toContainEqual(
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(new RegExp(`Publishing flow "booking" would fail: no business public key on phone ${STAGING.phoneNumberId} \\(139002 "Missing Flows Signed Public Key"\\)`)) }),
    );
    expect((await h.cli('apply', '--env', 'staging', '--yes')).code).toBe(1);
    expect(h.writes()).toEqual([]);
  });

  it('from a folder of flows to published flows on two environments; endpoint_uri changed for one only', async () => {
    await h.client(STAGING).encryption.setBusinessPublicKey(publicKey(), STAGING.phoneNumberId);
    await h.client(PROD).encryption.setBusinessPublicKey(publicKey(), PROD.phoneNumberId);
    for (const env of ['staging', 'prod']) {
      const r = await h.cli('apply', '--env', env, '--yes');
      expect(r.code, r.err).toBe(0);
    }
    const lock = await h.lock();
    for (const env of ['staging', 'prod'] as const) {
      const booking = lock.environments[env].flows.booking;
      expect(booking).toMatchObject({ status: 'PUBLISHED', endpoint_uri: uris[env] });
      expect(h.emu.state().flows[booking.id]).toMatchObject({ wabaId: env === 'staging' ? STAGING.wabaId : PROD.wabaId, endpointUri: uris[env], status: 'PUBLISHED' });
    }
    expect(lock.environments.staging.flows.booking.id).not.toBe(lock.environments.prod.flows.booking.id);

    const config = JSON.parse(await h.read('flows.config.json'));
    config.flows.booking.endpointUri.staging = 'https://staging2.example.com/flow';
    await h.write('flows.config.json', config);
    const staging = await plan('staging');
    expect(staging.code).toBe(2);
    expect(staging.plan.flows.find((f: any) => f.key === 'booking').steps).toEqual([
      { kind: 'update-metadata', fields: { endpoint_uri: 'https://staging2.example.com/flow' } },
      { kind: 'publish' },
    ]);
    expect(staging.plan.flows.filter((f: any) => f.steps.length > 0).map((f: any) => f.key)).toEqual(['booking']);
    expect((await plan('prod')).code).toBe(0);

    h.log.length = 0;
    expect((await h.cli('apply', '--env', 'staging', '--yes')).code).toBe(0);
    const id = lock.environments.staging.flows.booking.id;
    expect(h.writes().map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([`POST /v25.0/${id}`, `POST /v25.0/${id}/publish`]);
    expect((await h.lock()).environments.staging.flows.booking).toMatchObject({ endpoint_uri: 'https://staging2.example.com/flow', status: 'PUBLISHED' });
    expect((await h.lock()).environments.prod).toEqual(lock.environments.prod);
  });

  it('tokens come from <ENV>_CLOUD_API_ACCESS_TOKEN, and only from the environment', async () => {
    await h.write('flows/booking.flow.json', orderFlow('Booking')); // no public key needed
    const { main } = await import('../../src/cli/cli.js');
    const { captureIO } = await import('../helpers/capture-io.js');
    const io = captureIO({ env: { STAGING_CLOUD_API_ACCESS_TOKEN: 'only-staging' } });
    expect(await main(['plan', '--env', 'prod', '--config', h.dir], io)).toBe(1);
    expect(io.err).toMatch(/No access token for environment "prod": set PROD_CLOUD_API_ACCESS_TOKEN \(or CLOUD_API_ACCESS_TOKEN\)/);

    const config = JSON.parse(await h.read('flows.config.json'));
    config.environments.prod.accessToken = 'EAAG-secret';
    await h.write('flows.config.json', config);
    const r = await h.cli('plan', '--env', 'prod');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/environments\.prod\.accessToken: access tokens and secrets never go in the config file/);
    expect(r.err).not.toContain('EAAG-secret');
  });
});

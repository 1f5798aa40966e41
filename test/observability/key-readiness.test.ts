/** createFlowEndpoint checks the key and passphrase when it is created: at once on node:crypto, via ready() on Web Crypto. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { createFlowEndpoint as createWebEndpoint } from '../../src/endpoint/index.js';
import { createFlowEndpoint as createNodeEndpoint, KeyFormatError } from '../../src/endpoint/index-node.js';
import { toNodeListener } from '../../src/adapters/node.js';
import { keys, post, sealRequest } from '../endpoint/whatsapp-side.js';

const PASSPHRASE = 'correct horse battery staple';
const encrypted = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSPHRASE },
});
const onInit = () => ({ screen: 'START', data: {} });

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('node:crypto build: createFlowEndpoint throws a bad key at once', () => {
  it('a wrong passphrase: KeyFormatError naming the passphrase option, without the passphrase or the key', () => {
    const error = thrown(() => createNodeEndpoint({ privateKey: encrypted.privateKey, passphrase: 'wrong passphrase', onInit }));
    expect(error).toBeInstanceOf(KeyFormatError);
    expect(error).toMatchObject({ code: 'WRONG_PASSPHRASE', name: 'KeyFormatError' });
    expect((error as Error).message).toMatch(/^createFlowEndpoint: the passphrase option is wrong: .*passphrase is wrong/);
    expect((error as Error).message).not.toContain('wrong passphrase');
    expect((error as Error).message).not.toContain(encrypted.privateKey.split('\n')[1]);
  });

  it('a missing passphrase names passphrase; a damaged key names privateKey', () => {
    expect(thrown(() => createNodeEndpoint({ privateKey: encrypted.privateKey, onInit }))).toMatchObject({ code: 'PASSPHRASE_REQUIRED', message: expect.stringMatching(/the passphrase option is wrong/) });
    const damaged = '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----';
    expect(thrown(() => createNodeEndpoint({ privateKey: damaged, onInit }))).toMatchObject({ name: 'KeyFormatError', message: expect.stringMatching(/^createFlowEndpoint: the privateKey option is wrong/) });
  });

  it('the right passphrase: created, ready() resolves, requests are answered', async () => {
    const endpoint = createNodeEndpoint({ privateKey: encrypted.privateKey, passphrase: PASSPHRASE, onInit });
    await expect(endpoint.ready()).resolves.toBeUndefined();
    const sealed = sealRequest({ version: '3.0', action: 'INIT', flow_token: 't' }, encrypted.publicKey);
    expect((await endpoint(post(sealed.body))).status).toBe(200);
  });
});

describe('Web Crypto build: ready() settles with the key', () => {
  it('a passphrase-protected key: ready() rejects with a KeyFormatError naming passphrase; reported once; requests answer 500', async () => {
    const onError = vi.fn();
    const endpoint = createWebEndpoint({ privateKey: encrypted.privateKey, passphrase: PASSPHRASE, onInit, onError });
    const error = await endpoint.ready().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(KeyFormatError);
    expect(error).toMatchObject({ code: 'NODE_REQUIRED', message: expect.stringMatching(/^createFlowEndpoint: the passphrase option is wrong: .*need node:crypto/) });
    const sealed = sealRequest({ version: '3.0', action: 'INIT', flow_token: 't' }, encrypted.publicKey);
    const first = await endpoint(post(sealed.body));
    const second = await endpoint(post(sealed.body));
    expect([first.status, second.status]).toEqual([500, 500]);
    expect(await first.text()).toBe('');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]).toEqual([error, undefined]);
  });

  it('a damaged key rejects ready() naming privateKey, and is logged once without onError', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const endpoint = createWebEndpoint({ privateKey: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', onInit });
      await expect(endpoint.ready()).rejects.toMatchObject({ name: 'KeyFormatError', message: expect.stringMatching(/the privateKey option is wrong/) });
      expect(log).toHaveBeenCalledTimes(1);
      expect(String(log.mock.calls[0]![0])).toMatch(/^meta-cloud-api flow endpoint: KeyFormatError: createFlowEndpoint: the privateKey option is wrong/);
    } finally {
      log.mockRestore();
    }
  });

  it('a good key: ready() resolves and the exchange works', async () => {
    const endpoint = createWebEndpoint({ privateKey: keys.privateKey, onInit });
    await expect(endpoint.ready()).resolves.toBeUndefined();
    expect((await endpoint(post(sealRequest({ version: '3.0', action: 'INIT', flow_token: 't' }).body))).status).toBe(200);
  });

  it('the Node adapter awaits ready(): a key that cannot load answers 500 without reading the body', async () => {
    const endpoint = createWebEndpoint({ privateKey: encrypted.privateKey, passphrase: PASSPHRASE, onInit, onError: () => undefined });
    const listener = toNodeListener(endpoint);
    const { createServer } = await import('node:http');
    const server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/flow`, { method: 'POST', body: sealRequest({ version: '3.0', action: 'ping' }, encrypted.publicKey).body });
      expect(response.status).toBe(500);
      expect(await response.text()).toBe('');
      // The request never reached the endpoint: nothing was counted.
      expect(endpoint.metrics().requests).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('adapters await ready()', () => {
  it("Fastify's registerFlowEndpoint fails app.ready() with the KeyFormatError; a good key starts", async () => {
    const { default: Fastify } = await import('fastify');
    const { registerFlowEndpoint } = await import('../../src/adapters/fastify.js');
    const bad = Fastify();
    registerFlowEndpoint(bad, '/flow', createWebEndpoint({ privateKey: encrypted.privateKey, passphrase: PASSPHRASE, onInit, onError: () => undefined }));
    await expect(bad.ready()).rejects.toMatchObject({ name: 'KeyFormatError', message: expect.stringMatching(/the passphrase option is wrong/) });
    await bad.close();

    const good = Fastify();
    registerFlowEndpoint(good, '/flow', createWebEndpoint({ privateKey: keys.privateKey, onInit }));
    await good.ready();
    const answer = await good.inject({ method: 'POST', url: '/flow', payload: sealRequest({ version: '3.0', action: 'INIT', flow_token: 't' }).body, headers: { 'content-type': 'application/json' } });
    expect(answer.statusCode).toBe(200);
    await good.close();
  });

  it('Hono and Next adapters answer 500 for a key that cannot load, without calling the endpoint', async () => {
    const { toHonoHandler } = await import('../../src/adapters/hono.js');
    const { toNextHandler } = await import('../../src/adapters/next.js');
    const endpoint = createWebEndpoint({ privateKey: encrypted.privateKey, passphrase: PASSPHRASE, onInit, onError: () => undefined });
    const request = () => post(sealRequest({ version: '3.0', action: 'ping' }, encrypted.publicKey).body);
    expect((await toHonoHandler(endpoint)({ req: { raw: request() } })).status).toBe(500);
    expect((await toNextHandler(endpoint)(request())).status).toBe(500);
    expect(endpoint.metrics().requests).toBe(0);
  });
});

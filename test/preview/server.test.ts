/**
 * The preview server on its own: it serves only its page and the flow (no path reaches a file), binds 127.0.0.1
 * by default, never hands out a private key or the app secret, and answers bad requests with 4xx, never 500.
 */
import { request as httpRequest } from 'node:http';
import { networkInterfaces } from 'node:os';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlowEndpoint } from '../../src/endpoint/index-node.js';
import { createPreviewServer, DEFAULT_PREVIEW_PORT } from '../../src/preview/index.js';
import { keys } from '../simulator/endpoint-fixture.js';

const flow = JSON.stringify({ version: '7.3', screens: [{ id: 'ONE', title: 'One', terminal: true, layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } }] } }] });
let assetsDir: string;

beforeAll(async () => {
  assetsDir = await mkdtemp(join(tmpdir(), 'preview-assets-'));
  await writeFile(join(assetsDir, 'page.js'), 'window.pageScript = 1;');
  await writeFile(join(assetsDir, 'page.css'), 'body{}');
});
afterAll(() => rm(assetsDir, { recursive: true, force: true }));

/** A raw GET with the path exactly as given (fetch would normalise `..`). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('createPreviewServer', () => {
  it('serves its page, the flow and nothing else: traversal paths get 404', async () => {
    const server = await createPreviewServer({ flowJson: flow, assetsDir }).listen({ port: 0 });
    try {
      const page = await fetch(`${server.url}/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('window.pageScript = 1;');
      expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'.*connect-src 'self'/);
      expect(((await (await fetch(`${server.url}/__preview/flow`)).json()) as { flowText: string }).flowText).toBe(flow);
      for (const path of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/page.js', '/preview/page.js', '/__preview/../../package.json', '/__preview/%2e%2e/package.json', '/etc/passwd', '//etc/passwd']) {
        const answer = await rawGet(server.url, path);
        expect(answer.status, path).toBe(404);
        expect(answer.body, path).not.toMatch(/"name"|root:/);
      }
      expect((await fetch(`${server.url}/__preview/flow`, { method: 'DELETE' })).status).toBe(405);
      expect((await fetch(`${server.url}/__preview/endpoint`, { method: 'POST', body: '{}' })).status).toBe(404); // no endpoint configured
    } finally {
      await server.close();
    }
  });

  it('binds 127.0.0.1 on port 4020 by default', async () => {
    const preview = createPreviewServer({ flowJson: flow, assetsDir });
    let server;
    try {
      server = await preview.listen();
    } catch (error) {
      if ((error as { code?: string }).code === 'EADDRINUSE') return void expect(DEFAULT_PREVIEW_PORT).toBe(4020); // another preview runs here
      throw error;
    }
    try {
      expect(server.url).toBe('http://127.0.0.1:4020');
      const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
      if (external) await expect(fetch(`http://${external.address}:4020/`)).rejects.toThrow();
    } finally {
      await server.close();
    }
  });

  it('never gives the page a private key or the app secret, and refuses a private key as the public key', async () => {
    const handler = createFlowEndpoint({ privateKey: keys.privateKey, appSecret: 'app-secret-xyz', onInit: () => ({ screen: 'ONE', data: {} }) });
    const server = await createPreviewServer({ flowJson: flow, endpoint: handler, publicKey: keys.publicKey, appSecret: 'app-secret-xyz', assetsDir }).listen({ port: 0 });
    const privateBody = keys.privateKey.split('\n')[1]!;
    try {
      for (const path of ['/', '/__preview/flow', '/__preview/public-key']) {
        const text = await (await fetch(`${server.url}${path}`)).text();
        expect(text, path).not.toContain(privateBody);
        expect(text, path).not.toContain('app-secret-xyz');
      }
      expect(await (await fetch(`${server.url}/__preview/public-key`)).text()).toBe(keys.publicKey);
    } finally {
      await server.close();
    }
    expect(() => createPreviewServer({ flowJson: flow, endpoint: handler, publicKey: keys.privateKey })).toThrow(/PRIVATE key/);
    expect(() => createPreviewServer({ flowJson: flow, endpoint: handler })).toThrow(/publicKey/);
    expect(() => createPreviewServer({ flowJson: flow, endpoint: 'file:///etc/passwd', publicKey: keys.publicKey })).toThrow(/http\(s\) URL/);
  });

  it('relays to an endpoint that does not answer with a 502, not a crash', async () => {
    const server = await createPreviewServer({ flowJson: flow, endpoint: 'http://127.0.0.1:9/flow', publicKey: keys.publicKey, assetsDir }).listen({ port: 0 });
    try {
      const answer = await fetch(`${server.url}/__preview/endpoint`, { method: 'POST', body: '{"encrypted_flow_data":""}' });
      expect(answer.status).toBe(502);
      expect(await answer.text()).toMatch(/did not answer/);
    } finally {
      await server.close();
    }
  });

  it('re-reads the flow file when it changes (a new revision for the page)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'preview-flow-'));
    const file = join(dir, 'order.flow.json');
    await writeFile(file, flow);
    const { handler } = createPreviewServer({ flowJson: flow, flowFile: file, assetsDir });
    const state = async () => (await (await handler(new Request('http://127.0.0.1/__preview/flow'))).json()) as { revision: number; fileName: string; flowText: string; diagnostics: unknown[] };
    try {
      const first = await state();
      expect(first).toMatchObject({ revision: 1, fileName: 'order.flow.json' });
      await writeFile(file, flow.replace('"One"', '"Uno"') + '\n');
      const second = await state();
      expect(second.revision).toBe(2);
      expect(second.flowText).toContain('"Uno"');
      await writeFile(file, '{ not json');
      const third = await state();
      expect(third.revision).toBe(3);
      expect(third.diagnostics.length).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

import { createRequire } from 'node:module';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The package's endpoint entry (built by `npm test`): on Node the `node` export condition selects the node:crypto
 * build; every other runtime gets the Web Crypto build, which must not import any `node:` module.
 */
describe('meta-cloud-api/endpoint builds', () => {
  it('resolves to node:crypto on Node, for import and require', async () => {
    const esm = await import('meta-cloud-api/endpoint');
    expect(esm.cryptoBackend.name).toBe('node-crypto');
    const cjs = createRequire(import.meta.url)('meta-cloud-api/endpoint');
    expect(cjs.cryptoBackend.name).toBe('node-crypto');
    expect(typeof cjs.createFlowEndpoint).toBe('function');
  });

  it('the runtime-neutral build bundles for a platform without Node built-ins (Workers, Deno, Bun, browsers)', () => {
    const entry = new URL('../../dist/endpoint.js', import.meta.url).pathname;
    const result = buildSync({ entryPoints: [entry], bundle: true, platform: 'neutral', format: 'esm', write: false, logLevel: 'silent', metafile: true });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.startsWith('node:'))).toBe(false);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/from\s+["']node:/);
    expect(code).toContain('web-crypto');
  });

  it('the runtime-neutral build serves a real exchange with Web Crypto only', async () => {
    const { createFlowEndpoint, cryptoBackend } = await import(new URL('../../dist/endpoint.js', import.meta.url).href);
    expect(cryptoBackend.name).toBe('web-crypto');
    const { keys, openResponse, post, sealRequest } = await import('./whatsapp-side.js');
    const endpoint = createFlowEndpoint({ privateKey: keys.privateKey, onInit: () => ({ screen: 'A', data: { x: 1 } }) });
    const sealed = sealRequest({ version: '3.0', action: 'INIT', flow_token: 't' });
    const res = await endpoint(post(sealed.body));
    expect(openResponse(await res.text(), sealed)).toEqual({ screen: 'A', data: { x: 1 } });
  });
});

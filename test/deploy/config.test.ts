import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDeployConfig, DeployError, loadDeployConfig, readLock, sha256 } from '../../src/deploy/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mca-config-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const config = { environments: { staging: { wabaId: '123', phoneNumberId: '456' } }, flows: { order_form: { file: 'flows/order.flow.json', categories: ['OTHER'], publish: true } } };

describe('loadDeployConfig', () => {
  it('finds flows.config.json in a directory', async () => {
    await writeFile(join(dir, 'flows.config.json'), JSON.stringify(config));
    const loaded = await loadDeployConfig(dir);
    expect(loaded).toMatchObject({ format: 'json', dir, config });
  });

  it('loads flows.config.mjs (default export)', async () => {
    await writeFile(join(dir, 'flows.config.mjs'), `export default ${JSON.stringify(config)};`);
    expect((await loadDeployConfig(dir)).config).toEqual(config);
  });

  it('loads flows.config.ts where Node.js can strip types, and says what to do where it cannot', async () => {
    await writeFile(join(dir, 'flows.config.ts'), `const config: Record<string, unknown> = ${JSON.stringify(config)};\nexport default config;`);
    const loaded = await loadDeployConfig(join(dir, 'flows.config.ts')).catch((e: unknown) => e);
    if (loaded instanceof Error) expect(loaded.message).toMatch(/cannot load TypeScript\. Use Node\.js 22\.18 or later, run through a loader \(npx tsx\), or rename it to flows\.config\.mjs/);
    else expect((loaded as { config: unknown }).config).toEqual(config);
  });

  it('no config: says where it looked and how to start', async () => {
    await expect(loadDeployConfig(dir)).rejects.toThrow(/No flows\.config\.json, flows\.config\.mjs, flows\.config\.ts in .*pull --env <name> --waba-id <id>/);
  });
});

describe('checkDeployConfig', () => {
  const problems = (value: unknown) => {
    try {
      checkDeployConfig(value, 'flows.config.json');
    } catch (error) {
      expect(error).toBeInstanceOf(DeployError);
      return (error as Error).message;
    }
    return '';
  };

  it('lists every problem with where it is and how to fix it', () => {
    const message = problems({
      environments: { staging: { wabaId: 123, token: 'EAAG-secret' } },
      flows: { a: { file: 'a.json', categories: ['APPOINTMENT'], endpointUri: { prod: 'not a url' } }, b: { file: 'b.json', name: 'a' } },
      templates: { Bad: { language: 'en_US', category: 'PROMO', body: '', flowButton: { text: 'x'.repeat(26), flow: 'nope', icon: 'STAR' } } },
    });
    expect(message).toContain('environments.staging.wabaId: is required');
    expect(message).toContain('environments.staging.token: access tokens and secrets never go in the config file');
    expect(message).not.toContain('EAAG-secret');
    expect(message).toContain('flows.a.categories: Param categories[0] must be one of');
    expect(message).toContain('Did you mean APPOINTMENT_BOOKING?');
    expect(message).toContain('flows.a.endpointUri.prod: names no environment (environments: staging).');
    expect(message).toContain('flows.b.name: "a" is also the name of flows.a');
    expect(message).toContain('templates.Bad.name: template names are lowercase letters');
    expect(message).toContain('templates.Bad.category: must be one of MARKETING, UTILITY, AUTHENTICATION.');
    expect(message).toContain('templates.Bad.flowButton.text: is required, at most 25 characters.');
    expect(message).toContain('templates.Bad.flowButton.flow: must be the key of a flow in "flows" (a, b).');
    expect(message).toContain('templates.Bad.flowButton.icon: must be one of DOCUMENT, PROMOTION, REVIEW.');
  });

  it('an environment may be named like a secret; its keys may not', () => {
    expect(problems({ environments: { token_env: { wabaId: '1' } }, flows: {} })).toBe('');
    expect(problems({ environments: { staging: { wabaId: '1', appSecret: 'x' } }, flows: {} })).toContain('environments.staging.appSecret: access tokens and secrets never go in the config file');
    expect(problems({ environments: { staging: { wabaId: '1' } }, flows: {}, accessToken: 'x' })).toContain('accessToken: access tokens and secrets never go in the config file');
  });

  it('accepts the issue\'s example', () => {
    expect(
      problems({
        environments: { staging: { wabaId: '123', phoneNumberId: '456' }, prod: { wabaId: '789', phoneNumberId: '101' } },
        flows: { order_form: { file: 'flows/order.flow.json', categories: ['OTHER'], endpointUri: { staging: 'https://staging.example.com/flow', prod: 'https://example.com/flow' }, publish: true } },
        templates: { order_followup: { language: 'en_US', category: 'MARKETING', body: 'Tell us about your order', flowButton: { text: 'Open', flow: 'order_form', screen: 'ORDER' } } },
      }),
    ).toBe('');
  });
});

describe('lock file', () => {
  it('a missing lock is empty; a corrupt one is an error, never replaced', async () => {
    expect(await readLock(join(dir, 'flows.lock.json'))).toEqual({ lockfileVersion: 1, environments: {} });
    await writeFile(join(dir, 'flows.lock.json'), '{"lockfileVersion":1,');
    await expect(readLock(join(dir, 'flows.lock.json'))).rejects.toThrow(/is not valid JSON .*Restore it from git/);
  });

  it('hashes count CRLF as LF', () => {
    expect(sha256('{\r\n}')).toBe(sha256('{\n}'));
    expect(sha256('{\n}')).not.toBe(sha256('{ }'));
  });
});

import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import type { SimulatePrompt } from '../../src/cli/commands/simulate.js';
import { keys, pizzaEndpoint, pizzaFlow, serve } from './endpoint-fixture.js';
import { FLOW_FIXTURES } from './helpers.js';
import { petInsuranceEndpoint, sampleFlows } from './sample-endpoints.js';
import { captureIO as capture } from '../helpers/capture-io.js';
const captureIO = (prompt: SimulatePrompt = { stdinIsTTY: false, ask: async () => '', close: () => {} }) => capture({ extra: { prompt } });

/** A CLI io that captures output; `prompt` replaces the terminal (stdin is never a TTY here unless a test says so). */
const dir = mkdtempSync(join(tmpdir(), 'mca-simulate-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
};
const twoScreens = join(FLOW_FIXTURES, 'valid/7.3-two-screen-name.json');
const shop = join(FLOW_FIXTURES, 'valid/6.2-phone-shop-navigation-list.json');

describe('meta-cloud-api simulate', () => {
  it('--answers --json: only the completion on stdout, progress on stderr, exit 0', async () => {
    const answers = file('answers.json', { ASK: { first_name: 'Ana' } });
    const io = captureIO();
    expect(await main(['simulate', twoScreens, '--answers', answers, '--json', '--token', 'cli-1'], io)).toBe(0);
    const completion = JSON.parse(io.out);
    expect(completion).toMatchObject({ flow_token: 'cli-1', source: 'complete', screen: 'CONFIRM', response: { flow_token: 'cli-1', first_name: 'Ana' } });
    expect(JSON.parse(completion.response_json)).toEqual(completion.response);
    expect(io.err).toContain('→ ASK "Your name"');
    expect(io.err).toContain('first_name = "Ana"');
    expect(io.err).toContain('→ CONFIRM "Confirm" (navigate)');
    expect(io.err).toContain('✔ completed on CONFIRM');
  });

  it('auto answers when stdin is not a terminal, with --screen and --data', async () => {
    let io = captureIO();
    expect(await main(['simulate', shop], io)).toBe(0);
    expect(io.out).toMatch(/^Completed on CHECKOUT \(complete action\)\nresponse_json: \{"flow_token":"unused","product_id":"pixelite_8"/);
    io = captureIO();
    expect(await main(['simulate', shop, '--screen', 'PRODUCT_OPTIONS', '--data', '{"product_id":"x1","product_name":"X","unit_price":5,"price_label":"5"}', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out).response).toMatchObject({ product_id: 'x1', unit_price: 5 });
  });

  it('asks for each input when stdin is a terminal, re-asking after a rejected answer', async () => {
    const replies = ['not an email', 'ana@example.com'];
    const asked: string[] = [];
    const io = captureIO({ stdinIsTTY: true, ask: async (q) => (asked.push(q), replies.shift() ?? ''), close: () => {} });
    const flow = file('email.json', {
      version: '7.3',
      screens: [
        {
          id: 'ASK',
          terminal: true,
          layout: {
            type: 'SingleColumnLayout',
            children: [
              { type: 'TextInput', name: 'email', label: 'Email', 'input-type': 'email', required: true },
              { type: 'Footer', label: 'Send', 'on-click-action': { name: 'complete', payload: { email: '${form.email}' } } },
            ],
          },
        },
      ],
    });
    expect(await main(['simulate', flow, '--json'], io)).toBe(0);
    expect(asked).toHaveLength(2);
    expect(asked[0]).toContain('Email * (email)');
    expect(io.err).toContain('is not an email address');
    expect(JSON.parse(io.out).response).toEqual({ flow_token: 'unused', email: 'ana@example.com' });
  });

  it('against an endpoint over HTTP (INIT by default), with the public key file and the app secret', async () => {
    const server = await serve(pizzaEndpoint({ appSecret: 'cli-secret' }));
    servers.push(server);
    const flow = file('pizza.json', pizzaFlow);
    const pem = file('public.pem', keys.publicKey);
    const io = captureIO();
    expect(await main(['simulate', flow, '--endpoint', server.url, '--public-key', pem, '--app-secret', 'cli-secret', '--token', 'tok-9', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ source: 'endpoint', response: { flow_token: 'tok-9', order_id: 'A-17' } });
    expect(io.err).toContain('⇢ INIT to the endpoint');
    const wrong = captureIO();
    expect(await main(['simulate', flow, '--endpoint', server.url, '--public-key', pem, '--app-secret', 'nope'], wrong)).toBe(1);
    expect(wrong.err).toMatch(/SimulatorProtocolError: request-signature-error/);
  });

  it('endpoint answers Meta only warns about: printed as warnings, exit 0; --strict makes them exit 1', async () => {
    const server = await serve(petInsuranceEndpoint());
    servers.push(server);
    const flow = file('pets.json', sampleFlows.petInsurance);
    const pem = file('public.pem', keys.publicKey);
    const answers = file('pets-answers.json', { PETS: { cover: 'one-pet' }, PLAN: { plan: 'basic' } });
    const io = captureIO();
    expect(await main(['simulate', flow, '--endpoint', server.url, '--public-key', pem, '--answers', answers, '--token', 'pets-1'], io)).toBe(0);
    expect(io.err).toContain('⚠ warning, payload-schema-error: data.pet_counts is left out (declared array on PETS)');
    expect(io.err).toContain('⚠ warning, payload-schema-error: the SUCCESS params have no flow_token');
    // The completion carries exactly what the endpoint sent: no flow_token was sent, none is shown.
    expect(io.out).toBe('Completed on QUOTE (the endpoint answered SUCCESS) with 3 warnings (--strict makes them failures)\nresponse_json: {"cover":"one-pet","plan":"basic"}\n');
    const strict = captureIO();
    expect(await main(['simulate', flow, '--endpoint', server.url, '--public-key', pem, '--answers', answers, '--strict'], strict)).toBe(1);
    expect(strict.err).toMatch(/SimulatorProtocolError: payload-schema-error: INIT: data\.pet_counts is left out .*\(a warning, failing because strict\)/);
    expect(strict.out).toBe('');
  });

  it('exit 1 for an invalid flow, an input the client rejects, a flow that cannot go on', async () => {
    let io = captureIO();
    const invalid = file('invalid.json', { version: '7.3', screens: [{ id: 'A', layout: { type: 'SingleColumnLayout', children: [] } }] });
    expect(await main(['simulate', invalid], io)).toBe(1);
    expect(io.err).toMatch(/SimulatorFlowError: The Flow JSON has errors Meta would reject:\n.*MISSING_TERMINAL_SCREEN/);
    expect(io.out).toBe('');
    io = captureIO();
    expect(await main(['simulate', twoScreens, '--answers', file('bad.json', { ASK: { first_name: 'x'.repeat(81) } }), '--json'], io)).toBe(1);
    expect(io.err).toMatch(/SimulatorInputError: Screen ASK: TextInput 'first_name': 81 characters; at most 80 are allowed \(max-chars\)/);
    expect(io.out).toBe('');
    io = captureIO();
    expect(await main(['simulate', shop, '--answers', file('none.json', {})], io)).toBe(1);
    expect(io.err).toMatch(/continues by its NavigationList 'phones'/);
  });

  it('exit 2 for usage and I/O errors', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['simulate'], /needs one Flow JSON file/],
      [['simulate', join(dir, 'missing.json')], /No such file: .*missing\.json \(Flow JSON\)/],
      [['simulate', twoScreens, '--data', '{nope'], /--data is not JSON/],
      [['simulate', twoScreens, '--data', '[1]'], /--data must be a JSON object/],
      [['simulate', twoScreens, '--answers', file('list.json', { ASK: [1] })], /answers of screen ASK must be an object/],
      [['simulate', twoScreens, '--endpoint', 'http://127.0.0.1:1/x'], /--endpoint needs --public-key/],
      [['simulate', twoScreens, '--endpoint', 'ftp://x', '--public-key', 'k.pem'], /must be an http\(s\) URL/],
      [['simulate', twoScreens, '--public-key', 'k.pem'], /go with --endpoint/],
      [['simulate', twoScreens, '--action', 'jump'], /--action must be navigate or data_exchange/],
      [['simulate', twoScreens, '--endpoint', 'http://127.0.0.1:1/x', '--public-key', file('private.pem', keys.privateKey)], /This is a private key/],
    ];
    for (const [argv, message] of cases) {
      const io = captureIO();
      expect(await main(argv, io), argv.join(' ')).toBe(2);
      expect(io.err).toMatch(message);
      expect(io.out).toBe('');
    }
  });

  it('is listed in the help', async () => {
    const io = captureIO();
    expect(await main(['simulate', '--help'], io)).toBe(0);
    expect(io.out).toContain('meta-cloud-api simulate <flow.json>');
  });

  const bin = new URL('../../dist/cli/bin.js', import.meta.url).pathname;
  it('the built binary: auto answers from a pipe, exit codes (npm test builds first)', async () => {
    const run = promisify(execFile);
    const ok = await run(process.execPath, [bin, 'simulate', shop, '--json']);
    expect(JSON.parse(ok.stdout)).toMatchObject({ screen: 'CHECKOUT', source: 'complete' });
    expect(ok.stderr).toContain('→ CATALOGUE "Phones"');
    const bad = await run(process.execPath, [bin, 'simulate', join(dir, 'missing.json')]).catch((e) => e);
    expect(bad.code).toBe(2);
    const invalid = await run(process.execPath, [bin, 'simulate', twoScreens, '--answers', file('bad2.json', { ASK: { first_name: '' } })]).catch((e) => e);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/first_name': is required/);
  });
});

const servers: Array<{ close(): Promise<void> }> = [];
afterAll(async () => Promise.all(servers.map((s) => s.close())));

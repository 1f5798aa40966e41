/**
 * Flows-as-code tests: an emulator on 127.0.0.1 whose request log (listen's `log`) tells which requests reached
 * it, a temporary project directory with flows.config.json and Flow JSON files, and the CLI run in-process.
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/cli.js';
import { createEmulator, type Emulator, type EmulatorOptions, type RunningServer } from '../../src/emulator/index.js';
import { WhatsApp } from '../../src/index.js';
import { captureIO } from '../helpers/capture-io.js';

export const STAGING = { wabaId: '300000000000001', phoneNumberId: '300000000000002' };
export const PROD = { wabaId: '400000000000001', phoneNumberId: '400000000000002' };
export const TOKENS = { STAGING_CLOUD_API_ACCESS_TOKEN: 'staging-token', PROD_CLOUD_API_ACCESS_TOKEN: 'prod-token' };

/** Endpoint-less: ASK (declares `greeting`) navigates to CONFIRM, which completes (flows-platform Appendix C, adapted). */
export function orderFlow(title = 'Your order'): Record<string, unknown> {
  return {
    version: '7.3',
    screens: [
      {
        id: 'ASK',
        title,
        data: { greeting: { type: 'string', __example__: 'Hi' } },
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type: 'TextHeading', text: '${data.greeting}' },
            { type: 'TextInput', name: 'first_name', label: 'First name', required: true },
            { type: 'Footer', label: 'Next', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'CONFIRM' }, payload: { first_name: '${form.first_name}' } } },
          ],
        },
      },
      {
        id: 'CONFIRM',
        title: 'Confirm',
        terminal: true,
        success: true,
        data: { first_name: { type: 'string', __example__: 'Ana' } },
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type: 'TextBody', text: '${data.first_name}' },
            { type: 'Footer', label: 'Send', 'on-click-action': { name: 'complete', payload: { first_name: '${data.first_name}' } } },
          ],
        },
      },
    ],
  };
}

/** An endpoint flow (data_api_version 4.0; flows-platform Appendix C skeleton): the emulator tests' own. */
export { endpointFlowJson as endpointFlow } from '../emulator/helpers/emulator.js';

export interface DeployHarness {
  emu: Emulator;
  server: RunningServer;
  url: string;
  /** The emulator's request log, one line per request: `POST /v25.0/123/flows 200 4 ms`. */
  log: string[];
  /** The requests of the log that are not GET (writes). */
  writes(): string[];
  dir: string;
  /** Writes a file below the project directory (objects as two-space JSON). */
  write(path: string, content: unknown): Promise<void>;
  read(path: string): Promise<string>;
  lock(): Promise<any>;
  /** Runs the CLI in the project directory; returns the exit code and output. */
  cli(...argv: string[]): Promise<{ code: number; out: string; err: string }>;
  client(env: { wabaId: string; phoneNumberId: string }): WhatsApp;
  close(): Promise<void>;
}

export async function startDeploy(options: EmulatorOptions = {}): Promise<DeployHarness> {
  const emu = createEmulator(options);
  const log: string[] = [];
  const server = await emu.listen({ port: 0, log: (line) => log.push(line) });
  const dir = await mkdtemp(join(tmpdir(), 'mca-deploy-'));
  const write = async (path: string, content: unknown) => {
    const file = join(dir, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  };
  return {
    emu,
    server,
    url: server.url,
    log,
    writes: () => log.filter((line) => !line.startsWith('GET ')),
    dir,
    write,
    read: (path) => readFile(join(dir, path), 'utf8'),
    lock: async () => JSON.parse(await readFile(join(dir, 'flows.lock.json'), 'utf8')),
    async cli(...argv) {
      const io = captureIO({ env: TOKENS });
      const code = await main([...argv, '--config', dir], io);
      return { code, out: io.out, err: io.err };
    },
    client: (env) => new WhatsApp({ accessToken: 'hand', baseUrl: server.url, businessAcctId: env.wabaId, phoneNumberId: env.phoneNumberId, maxRetries: 0 }),
    async close() {
      await server.close();
      await emu.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The usual project: two environments on the emulator, an order form (published), a survey (draft) and a template. */
export function projectConfig(url: string, extra: { flows?: Record<string, unknown>; templates?: Record<string, unknown> } = {}): Record<string, unknown> {
  return {
    environments: { staging: { ...STAGING, baseUrl: url }, prod: { ...PROD, baseUrl: url } },
    flows: {
      order_form: { file: 'flows/order.flow.json', categories: ['OTHER'], publish: true },
      survey: { file: 'flows/survey.flow.json', categories: ['SURVEY'] },
      ...extra.flows,
    },
    templates: {
      order_followup: { language: 'en_US', category: 'MARKETING', body: 'Tell us about your order', flowButton: { text: 'Open', flow: 'order_form', screen: 'ASK' } },
      ...extra.templates,
    },
  };
}

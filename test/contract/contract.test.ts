/**
 * One contract suite, two targets (issue: "the SDK's own test suite also runs against the emulator, so the two
 * cannot drift apart"):
 *
 * A. `canned`: the recording server answers each step with Meta's documented responses (flows-contract.ts).
 * B. `emulator`: the recording server forwards every request to `createEmulator()` in process and answers with
 *    the emulator's status, headers and body.
 *
 * Both record every request, so each step's `check` asserts the same things on what the SDK sent and what it
 * returned, whoever answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WhatsApp from '../../src/index.js';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { startGraphServer, type GraphServer, type RecordedRequest, type Reply } from '../helpers/graph-server.js';
import { CONTRACT_API_VERSION, CONTRACT_TOKEN, flowsContract, newContractContext, type CannedReply, type ContractContext, type ContractStep, type Exchange } from './flows-contract.js';

interface Target {
  name: string;
  /** Starts answering for this target; returns what to call before each step and when done. */
  setUp(server: GraphServer): Promise<TargetHooks>;
}

interface TargetHooks {
  /** Called before a step runs. */
  beforeStep(step: ContractStep, ctx: ContractContext): void;
  /** Problems found while answering the step (e.g. a request nothing was canned for). */
  afterStep(): string[];
  close(): Promise<void>;
}

/** The answers actually given, by request, for `Exchange.reply`. */
const replies = new WeakMap<RecordedRequest, { status: number; body: string }>();

function answer(req: RecordedRequest, status: number, body: string, headers: Record<string, string>): Reply {
  replies.set(req, { status, body });
  return { status, body, headers };
}

const canned: Target = {
  name: "canned (Meta's documented responses)",
  async setUp(server) {
    let pending: CannedReply[] = [];
    let problems: string[] = [];
    server.handle((req) => {
      const index = pending.findIndex((c) => (!c.when?.method || c.when.method === req.method) && (!c.when?.path || c.when.path === req.path));
      if (index < 0) {
        problems.push(`no canned reply for ${req.method} ${req.path}`);
        return answer(req, 500, JSON.stringify({ error: { message: `contract: no canned reply for ${req.method} ${req.path}`, type: 'OAuthException', code: 1 } }), {
          'content-type': 'application/json',
        });
      }
      const [reply] = pending.splice(index, 1);
      const body = reply!.body ?? JSON.stringify(reply!.json ?? {});
      return answer(req, reply!.status ?? 200, body, { 'content-type': 'application/json; charset=UTF-8', ...reply!.headers });
    });
    return {
      beforeStep(step, ctx) {
        pending = step.canned(ctx);
        problems = [];
      },
      afterStep() {
        const unused = pending.map((c) => `canned reply not requested: ${c.when ? `${c.when.method ?? ''} ${c.when.path ?? ''}` : JSON.stringify(c.json ?? c.body).slice(0, 80)}`);
        return [...problems, ...unused];
      },
      close: async () => {},
    };
  },
};

const emulatorTarget: Target = {
  name: 'emulator (createEmulator() behind the recording server)',
  async setUp(server) {
    const emulator: Emulator = createEmulator();
    await emulator.ready;
    server.handle(async (req) => {
      const url = new URL(req.path, server.url);
      url.search = req.query.toString();
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined || ['host', 'connection', 'content-length', 'transfer-encoding'].includes(name)) continue;
        headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.body.length > 0;
      const response = await emulator.fetch(new Request(url, { method: req.method, headers, ...(hasBody ? { body: new Uint8Array(req.body) } : {}) }));
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (name !== 'content-length' && name !== 'transfer-encoding') responseHeaders[name] = value;
      });
      return answer(req, response.status, await response.text(), responseHeaders);
    });
    return {
      beforeStep() {},
      afterStep: () => [],
      close: () => emulator.close(),
    };
  },
};

describe.each([canned, emulatorTarget].map((t) => [t.name, t] as const))('Flows contract against %s', (_name, target) => {
  let server: GraphServer;
  let hooks: TargetHooks;
  let client: WhatsApp;
  let ctx: ContractContext;

  beforeAll(async () => {
    server = await startGraphServer();
    hooks = await target.setUp(server);
    ctx = newContractContext(server.url);
    client = new WhatsApp({
      accessToken: CONTRACT_TOKEN,
      businessAcctId: ctx.wabaId,
      phoneNumberId: ctx.phoneId,
      baseUrl: server.url,
      apiVersion: CONTRACT_API_VERSION,
      maxRetries: 0,
    });
  });

  afterAll(async () => {
    await hooks?.close();
    await server?.close();
  });

  // One test per step, in order; the steps share `ctx` (ids created by earlier steps).
  it.each(flowsContract.map((step, i) => [`${String(i + 1).padStart(2, '0')} ${step.name}`, step] as const))('%s', async (_label, step) => {
    const start = server.requests.length;
    hooks.beforeStep(step, ctx);
    const result = await step.run(client, ctx);
    const problems = hooks.afterStep();
    const requests: Exchange[] = server.requests.slice(start).map((r) => Object.assign(r, { reply: replies.get(r) ?? { status: 0, body: '' } }));
    expect(problems, 'the requests of this step match its canned replies').toEqual([]);
    await step.check(result, requests, ctx);
  });
});

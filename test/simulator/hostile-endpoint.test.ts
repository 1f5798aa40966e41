import { constants, createCipheriv, createDecipheriv, privateDecrypt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { checkEndpointResponse, MAX_RESPONSE_BODY_BYTES, responseFlowModel } from '../../src/platform/endpoint-response/index.js';
import { FlowSimulator, SimulatorProtocolError } from '../../src/simulator/index.js';
import { keys, pizzaFlow } from './endpoint-fixture.js';

/**
 * Issue 10, findings 3 and 4 (simulator part): a hostile data endpoint on 127.0.0.1 that answers INIT with a body
 * it builds by hand (nested 100 000 deep, endless, a gzip bomb) must end in a SimulatorProtocolError, never a
 * RangeError or a process that reads gigabytes.
 */

type Answer = (plainJson: (json: string) => string, res: ServerResponse) => void;

const servers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (servers.length) await servers.pop()!();
});

/** Decrypts the request like the endpoint does and lets `answer` write the response (`seal` encrypts a JSON text). */
async function hostile(answer: Answer): Promise<string> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const envelope = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, string>;
      const aesKey = privateDecrypt({ key: keys.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(envelope.encrypted_aes_key!, 'base64'));
      const iv = Buffer.from(envelope.initial_vector!, 'base64');
      const blob = Buffer.from(envelope.encrypted_flow_data!, 'base64');
      const decipher = createDecipheriv('aes-128-gcm', aesKey, iv);
      decipher.setAuthTag(blob.subarray(-16));
      Buffer.concat([decipher.update(blob.subarray(0, -16)), decipher.final()]);
      const seal = (json: string) => {
        const cipher = createCipheriv('aes-128-gcm', aesKey, iv.map((b) => b ^ 0xff));
        return Buffer.concat([cipher.update(json, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
      };
      answer(seal, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/flow`;
}

async function openError(endpoint: string, notifyErrors = false): Promise<SimulatorProtocolError> {
  const sim = new FlowSimulator({ flowJson: pizzaFlow, endpoint, publicKey: keys.publicKey, flowToken: 'tok', notifyErrors });
  const error = await sim.open({ action: 'data_exchange' }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SimulatorProtocolError);
  return error as SimulatorProtocolError;
}

const DEEP = 100_000;
const deepJson = `{"screen":"START","data":{"greeting":"Hi","sizes":[],"x":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}}`;

describe('an answer nested 100 000 deep (finding 3)', () => {
  it('is a payload-schema-error, not a RangeError, and the endpoint hears about it', async () => {
    let requests = 0;
    const url = await hostile((seal, res) => (requests++, res.writeHead(200, { 'content-type': 'text/plain' }).end(seal(deepJson))));
    const error = await openError(url, true);
    expect(error.error).toBe('payload-schema-error');
    expect(error.message).toMatch(/nested too deeply: more than 1000 levels/);
    expect(requests).toBe(2); // INIT, then the error notification
  });

  it('an answer just within the bound goes through the whole simulator', async () => {
    const within = `{"screen":"START","data":{"greeting":"Hi","sizes":[],"x":${'['.repeat(997)}${']'.repeat(997)}}}`;
    const url = await hostile((seal, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(seal(within)));
    const sim = new FlowSimulator({ flowJson: pizzaFlow, endpoint: url, publicKey: keys.publicKey, flowToken: 'tok' });
    await sim.open({ action: 'data_exchange' });
    expect(sim.screen).toBe('START');
    expect(JSON.stringify(sim.data).length).toBeGreaterThan(1994);
  });

  it('the platform rule (shared with the endpoint responseChecks) reports it instead of overflowing the stack', () => {
    const model = responseFlowModel(pizzaFlow);
    const verdict = checkEndpointResponse(model, { action: 'INIT' }, JSON.parse(deepJson));
    expect(verdict.errors.map((f) => [f.rule, f.error])).toEqual([['answer-too-deep', 'payload-schema-error']]);
    expect(verdict.answer).toBeUndefined();
    // 1000 levels are fine (only the undeclared field is walked: no finding).
    const ok = checkEndpointResponse(model, { action: 'INIT' }, { screen: 'START', data: { greeting: 'Hi', sizes: [], x: JSON.parse(`${'['.repeat(997)}${']'.repeat(997)}`) } });
    expect(ok.errors).toEqual([]);
  });
});

describe('response bodies are read up to the data channel limit (finding 4)', () => {
  it('an endless body stops at the limit: no_http_response_error', async () => {
    let sent = 0;
    const url = await hostile((_seal, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'A');
      const pump = () => {
        while (sent < 200 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (sent < 200 * 1024 * 1024) res.once('drain', pump);
        else res.end();
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    });
    const error = await openError(url);
    expect(error.error).toBe('no_http_response_error');
    expect(error.message).toMatch(/passed \d+ bytes.*data-channel payload limit/);
    expect(sent).toBeLessThan(50 * 1024 * 1024);
  });

  it('a Content-Length past the limit is refused before the body is read', async () => {
    const url = await hostile((_seal, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(MAX_RESPONSE_BODY_BYTES + 1) });
      res.write('AAAA');
    });
    expect((await openError(url)).error).toBe('no_http_response_error');
  });

  it('a gzip bomb counts decompressed bytes', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 'A'));
    expect(bomb.length).toBeLessThan(MAX_RESPONSE_BODY_BYTES);
    const url = await hostile((_seal, res) => res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip', 'content-length': String(bomb.length) }).end(bomb));
    const error = await openError(url);
    expect(error.error).toBe('no_http_response_error');
    expect(error.message).toMatch(/reading stopped/);
  });

  it('a body that trickles in ends at the timeout (timeout_error), not minutes later', async () => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const url = await hostile((_seal, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      timer = setInterval(() => res.write('A'), 20);
      res.on('close', () => clearInterval(timer));
    });
    const sim = new FlowSimulator({ flowJson: pizzaFlow, endpoint: url, publicKey: keys.publicKey, flowToken: 'tok', timeoutMs: 300 });
    const error = await sim.open({ action: 'data_exchange' }).then(
      () => undefined,
      (e: unknown) => e as SimulatorProtocolError,
    );
    clearInterval(timer);
    expect(error?.error).toBe('timeout_error');
  });

  it('an answer just under the limit is read and checked as usual', async () => {
    const filler = 'x'.repeat(900 * 1024);
    const url = await hostile((seal, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(seal(JSON.stringify({ screen: 'START', data: { greeting: filler, sizes: [] } }))));
    const sim = new FlowSimulator({ flowJson: pizzaFlow, endpoint: url, publicKey: keys.publicKey, flowToken: 'tok' });
    await sim.open({ action: 'data_exchange' });
    expect(sim.screen).toBe('START');
    expect(String(sim.data.greeting).length).toBe(filler.length);
  });
});

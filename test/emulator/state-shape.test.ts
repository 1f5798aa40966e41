/**
 * Issue 10 #14: a loaded state is checked field by field. A state with a valid checksum but the wrong shape
 * (`"flows": null`, a status the emulator never writes, ...) stops the emulator as a corrupt file does, with a
 * message that names the field; it is never loaded as an empty or half-usable state.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, EmulatorDataError, type EmulatorPersistence } from '../../src/emulator/index.js';
import { STATE_FILE_NAME } from '../../src/emulator/persistence/file.js';
import { stateProblem } from '../../src/emulator/state-shape.js';
import { expectRawError, flowIn, simpleFlowJson, startEmulator, uniqueName, type Harness } from './helpers/emulator.js';

const dirs: string[] = [];
const running: Harness[] = [];
afterEach(async () => {
  for (const h of running.splice(0)) await h.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A state file in the on-disk format (persistence/state-file-format.ts), with a correct checksum. */
function checksummed(state: unknown): string {
  const json = JSON.stringify(state);
  return `{"format":1,"sha256":"${createHash('sha256').update(json, 'utf8').digest('hex')}","state":${json}}\n`;
}

const flow = { id: '7', wabaId: '1', name: 'f', categories: ['OTHER'], status: 'DRAFT', createdAt: 't', updatedAt: 't' };
const valid = () => ({ format: 1, nextId: 8, wabas: { 1: { id: '1', createdAt: 't' } }, phones: {}, flows: { 7: { ...flow } }, templates: {}, messages: [] as unknown[] });

const cases: Array<[string, (s: ReturnType<typeof valid>) => void, RegExp]> = [
  ['"flows": null', (s) => void ((s as Record<string, unknown>).flows = null), /state\.flows must be an object \(flows by id\), got null/],
  ['flows as an array', (s) => void ((s as Record<string, unknown>).flows = []), /state\.flows must be an object \(flows by id\), got an array/],
  ['no messages', (s) => void delete (s as Partial<typeof s>).messages, /state\.messages must be an array, got undefined/],
  ['nextId as text', (s) => void ((s as Record<string, unknown>).nextId = '8'), /state\.nextId must be a whole number, 1 or more, got the string "8"/],
  ['an unknown flow status', (s) => void ((s.flows[7] as Record<string, unknown>).status = 'GONE'), /state\.flows\["7"\]\.status must be one of DRAFT, PUBLISHED, THROTTLED, BLOCKED, DEPRECATED, got the string "GONE"/],
  ['a flow under another id', (s) => void (s.flows = { 8: { ...flow } } as never), /state\.flows\["8"\]\.id must equal its key "8", got the string "7"/],
  ['a flow JSON version without text', (s) => void ((s.flows[7] as Record<string, unknown>).json = { assetId: '1', validationErrors: [], uploadedAt: 't' }), /state\.flows\["7"\]\.json\.text must be a string, got undefined/],
  ['a WABA that is null', (s) => void ((s.wabas as Record<string, unknown>)[1] = null), /state\.wabas\["1"\] must be an object, got null/],
  ['a template with an unknown status', (s) => void ((s.templates as Record<string, unknown>)[5] = { id: '5', wabaId: '1', name: 'n', language: 'en', category: 'UTILITY', status: 'PAUSED', components: [], createdAt: 't' }), /state\.templates\["5"\]\.status must be one of APPROVED, PENDING, REJECTED/],
  ['a message whose flow mode is wrong', (s) => void s.messages.push({ id: 'm', phoneNumberId: '2', to: '3', type: 'interactive', body: {}, sentAt: 't', flow: { id: '7', mode: 'live', token: 'x', action: 'navigate' } }), /state\.messages\[0\]\.flow\.mode must be one of draft, published/],
  ['a message that is a string', (s) => void s.messages.push('hello'), /state\.messages\[0\] must be an object, got the string "hello"/],
];

describe('a checksummed state of the wrong shape', () => {
  it.each(cases)('%s: ready and listen reject with EmulatorDataError naming the field, requests get 503, the file is kept', async (_, breakIt, named) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mca-state-shape-'));
    dirs.push(dataDir);
    const state = valid();
    breakIt(state);
    const file = join(dataDir, STATE_FILE_NAME);
    const text = checksummed(state);
    writeFileSync(file, text);
    const emulator = createEmulator({ dataDir });
    const error = await emulator.ready.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(EmulatorDataError);
    expect((error as Error).message).toMatch(named);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/mv .* or use another --data-dir/);
    await expect(emulator.listen({ port: 0 })).rejects.toThrow(named);
    const res = await emulator.fetch(new Request('http://127.0.0.1/v25.0/1/flows', { headers: { authorization: 'Bearer t' } }));
    expect(res.status).toBe(503);
    await emulator.close();
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('the same from a custom persistence', async () => {
    const persistence: EmulatorPersistence = { load: async () => ({ ...valid(), flows: null }), save: async () => {}, close: async () => {} };
    const emulator = createEmulator({ persistence });
    await expect(emulator.ready).rejects.toThrow(/The saved emulator state has an unknown shape: state\.flows must be an object \(flows by id\), got null/);
    await emulator.close();
  });

  it('the valid baseline loads', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mca-state-shape-'));
    dirs.push(dataDir);
    writeFileSync(join(dataDir, STATE_FILE_NAME), checksummed(valid()));
    const emulator = createEmulator({ dataDir });
    await emulator.ready;
    expect(Object.keys(emulator.state().flows)).toEqual(['7']);
    await emulator.close();
  });
});

describe('every state the emulator writes passes the check', () => {
  it('after flows in every status, edits, previews, templates, messages and a public key', async () => {
    const h = await startEmulator();
    running.push(h);
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    await h.client.encryption.setBusinessPublicKey(publicKey);
    const published = await flowIn(h, 'PUBLISHED');
    await h.client.flows.uploadFlowJson(published, simpleFlowJson('7.3', 'Edited'));
    await h.client.flows.publishFlow(published);
    for (const status of ['DRAFT', 'THROTTLED', 'BLOCKED', 'DEPRECATED'] as const) await flowIn(h, status);
    const throttled = await flowIn(h, 'THROTTLED');
    await h.client.messages.flow({ to: '15551234567', flowId: throttled, cta: 'Go', body: 'Hi', token: 'tok', screen: 'WELCOME', data: { a: 1 } });
    await h.raw(`/${published}?fields=preview`);
    const template = await h.raw('/100000000000001/message_templates', {
      json: { name: uniqueName('tpl'), language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'Hi' }, { type: 'BUTTONS', buttons: [{ type: 'FLOW', text: 'Open', flow_id: published }] }] },
    });
    expect(template.status, template.text).toBe(200);
    await h.raw('/_emulator/complete', { json: {} });
    expectRawError(await h.raw('/1/nope/x'), { status: 400, code: 100, message: /Unknown path components/ });
    const state = JSON.parse(JSON.stringify(h.emu.state())) as unknown;
    expect(stateProblem(state)).toBeUndefined();
    const written = state as { messages: Array<{ flow?: unknown }>; templates: object; flows: Record<string, { throttledSends?: unknown; preview?: unknown; history?: unknown }> };
    expect(written.messages.some((m) => m.flow)).toBe(true);
    expect(Object.keys(written.templates)).toHaveLength(1);
    expect(written.flows[throttled]!.throttledSends).toHaveLength(1);
    expect(written.flows[published]!.preview).toBeDefined();
    expect(written.flows[published]!.history).toBeDefined();
  });
});

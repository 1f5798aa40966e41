/** The emulator's request log: one line per request from the CLI unless --quiet; silent by default in code. */
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { createEmulator } from '../../src/emulator/index.js';
import { loggedPath } from '../../src/emulator/listen.js';
import { captureIO } from '../helpers/capture-io.js';

const LINE = /^GET \/v25\.0\/123\/flows\?access_token=REDACTED&limit=2 \d{3} \d+ ms$/m;

describe('emulator request log', () => {
  it('the CLI prints method, path (query secrets redacted), status and ms per request on stderr', async () => {
    const io = captureIO();
    const running = main(['emulator', '--port', '0', '--json'], io);
    await expect.poll(() => io.out, { timeout: 5000 }).toMatch(/"url"/);
    const { url } = JSON.parse(io.out);
    await fetch(`${url}/v25.0/123/flows?access_token=EAAG-secret-token&limit=2`, { headers: { authorization: 'Bearer x' } });
    await fetch(`${url}/_emulator/health`);
    io.interrupt();
    expect(await running).toBe(0);
    expect(io.err).toMatch(LINE);
    expect(io.err).toMatch(/^GET \/_emulator\/health 200 \d+ ms$/m);
    expect(io.err).not.toContain('EAAG-secret-token');
    expect(io.out).not.toMatch(/ ms$/m); // stdout stays machine-readable
  });

  it('--quiet prints no request line', async () => {
    const io = captureIO();
    const running = main(['emulator', '--port', '0', '--json', '--quiet'], io);
    await expect.poll(() => io.out, { timeout: 5000 }).toMatch(/"url"/);
    const { url } = JSON.parse(io.out);
    await fetch(`${url}/_emulator/health`);
    io.interrupt();
    expect(await running).toBe(0);
    expect(io.err).not.toMatch(/_emulator\/health/);
  });

  it('createEmulator().listen() is silent unless asked; log: a function gets each line', async () => {
    const write = vi.spyOn(process.stderr, 'write');
    const emulator = createEmulator();
    const quiet = await emulator.listen({ port: 0 });
    await fetch(`${quiet.url}/_emulator/health`);
    await quiet.close();
    expect(write).not.toHaveBeenCalled();
    write.mockRestore();

    const lines: string[] = [];
    const loud = await emulator.listen({ port: 0, log: (line) => lines.push(line) });
    await fetch(`${loud.url}/v25.0/999?fields=id`, { headers: { authorization: 'Bearer x' } });
    await loud.close();
    await emulator.close();
    expect(lines).toEqual([expect.stringMatching(/^GET \/v25\.0\/999\?fields=id \d{3} \d+ ms$/)]);
  });

  it('redacts token-like query parameters', () => {
    expect(loggedPath('http://h/x?hub.verify_token=a&appsecret_proof=b&app_secret=c&q=1')).toBe('/x?hub.verify_token=REDACTED&appsecret_proof=REDACTED&app_secret=REDACTED&q=1');
  });
});

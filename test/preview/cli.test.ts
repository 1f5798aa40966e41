/**
 * `meta-cloud-api preview`: serving until interrupted, `--screenshot` walking a flow in the system's Chromium
 * (one PNG per screen, then the completion), and clear errors for a missing Chromium and bad options.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { captureIO } from '../helpers/capture-io.js';
import { CHROMIUM_PATH } from '../helpers/chromium.js';

const twoScreens = new URL('../fixtures/flow-json/valid/7.3-two-screen-name.json', import.meta.url).pathname;
let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'preview-shots-'));
});
afterAll(() => rm(out, { recursive: true, force: true }));

describe('meta-cloud-api preview', () => {
  it('--screenshot writes one PNG per screen and one of the completion', async () => {
    const io = captureIO();
    const dir = join(out, 'ios');
    expect(await main(['preview', twoScreens, '--screenshot', dir, '--look', 'ios', '--chromium', CHROMIUM_PATH], io), io.err).toBe(0);
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['01-ASK.png', '02-CONFIRM.png', '03-completed.png']);
    const png = await readFile(join(dir, '02-CONFIRM.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(io.out.trim().split('\n')).toHaveLength(3);
  }, 30_000);

  it('says how to get a Chromium when the given one does not exist', async () => {
    const io = captureIO();
    expect(await main(['preview', twoScreens, '--screenshot', out, '--chromium', '/nonexistent/chromium'], io)).toBe(2);
    expect(io.err).toMatch(/Chromium not found at \/nonexistent\/chromium \(--chromium\)\. .*apt-get install chromium/);
    const viaEnv = captureIO({ env: { CHROME_PATH: '/nope/chrome' } });
    expect(await main(['preview', twoScreens, '--screenshot', out], viaEnv)).toBe(2);
    expect(viaEnv.err).toMatch(/Chromium not found at \/nope\/chrome \(CHROME_PATH\)/);
  });

  it('refuses bad options with a usage error', async () => {
    for (const [args, message] of [
      [['--screenshot', out, '--look', 'mars'], /--look must be android, ios or web/],
      [['--look', 'ios'], /go with --screenshot DIR/],
      [['--public-key', 'k.pem'], /go with --endpoint URL or --handler FILE/],
      [['--endpoint', 'ftp://x'], /--endpoint must be an http\(s\) URL/],
      [['--data', '[1]'], /--data must be a JSON object/],
      [['--port', 'abc'], /--port must be/],
    ] as const) {
      const io = captureIO();
      expect(await main(['preview', twoScreens, ...args], io), args.join(' ')).toBe(2);
      expect(io.err, args.join(' ')).toMatch(message);
    }
  });

  it('serves on the given port until interrupted and prints the URL', async () => {
    const io = captureIO();
    const write = io.stdout;
    const printed = new Promise<string>((resolve) => (io.stdout = (text) => (write(text), resolve(text))));
    const done = main(['preview', twoScreens, '--port', '0'], io);
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(await printed)?.[0];
    expect(url, io.out + io.err).toBeDefined();
    const flow = (await (await fetch(`${url}__preview/flow`)).json()) as { fileName: string };
    expect(flow.fileName).toBe('7.3-two-screen-name.json');
    io.interrupt();
    expect(await done).toBe(0);
  });
});

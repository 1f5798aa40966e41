import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CommandError, UsageError } from '../errors.js';
import type { CliIO } from '../io.js';
import { parseJsonObject, readInput } from '../command-inputs.js';
import type { FlowAnswers } from '../../simulator/types.js';
import type { WebHandler } from '../../simulator/endpoint-client.js';
import { createPreviewServer } from '../../preview/server.js';

export interface PreviewCommandOptions {
  file: string;
  port: number;
  host: string;
  open: boolean;
  screen?: string | undefined;
  data?: string | undefined;
  token?: string | undefined;
  endpoint?: string | undefined;
  handler?: string | undefined;
  publicKey?: string | undefined;
  appSecret?: string | undefined;
  screenshot?: string | undefined;
  look?: string | undefined;
  theme?: string | undefined;
  answers?: string | undefined;
  chromium?: string | undefined;
}

/** `meta-cloud-api preview`: serves the preview page until interrupted, or writes screenshots with --screenshot. */
export async function previewCommand(options: PreviewCommandOptions, io: CliIO): Promise<number> {
  if (options.endpoint !== undefined && options.handler !== undefined) throw new UsageError('Give --endpoint URL or --handler FILE, not both.');
  if (options.endpoint === undefined && options.handler === undefined && (options.publicKey !== undefined || options.appSecret !== undefined)) throw new UsageError('--public-key and --app-secret go with --endpoint URL or --handler FILE.');
  if (options.endpoint !== undefined && !/^https?:\/\//.test(options.endpoint)) throw new UsageError(`--endpoint must be an http(s) URL; got ${options.endpoint}`);
  if (options.look !== undefined && !['android', 'ios', 'web'].includes(options.look)) throw new UsageError(`--look must be android, ios or web; got ${options.look}`);
  if (options.theme !== undefined && !['light', 'dark'].includes(options.theme)) throw new UsageError(`--theme must be light or dark; got ${options.theme}`);
  if (options.screenshot === undefined && (options.look !== undefined || options.theme !== undefined || options.answers !== undefined || options.chromium !== undefined)) throw new UsageError('--look, --theme, --answers and --chromium go with --screenshot DIR.');

  const flowText = await readInput(io, options.file, 'Flow JSON');
  const data = options.data === undefined ? undefined : parseJsonObject(options.data, '--data');
  let endpoint: string | WebHandler | undefined = options.endpoint;
  let publicKey = options.publicKey === undefined ? undefined : await readInput(io, options.publicKey, 'public key');
  if (options.handler !== undefined) {
    const loaded = await loadHandler(options.handler);
    endpoint = loaded.handler;
    publicKey ??= loaded.publicKey;
  }
  if (endpoint !== undefined && publicKey === undefined) throw new UsageError('The endpoint needs --public-key FILE (the business public key) to encrypt requests.');
  const answers = options.answers === undefined ? undefined : (parseJsonObject(await readInput(io, options.answers, 'answers'), '--answers') as FlowAnswers);

  let server;
  try {
    server = createPreviewServer({
      flowJson: flowText,
      flowFile: options.file,
      ...(endpoint !== undefined ? { endpoint, publicKey: publicKey! } : {}),
      ...(options.appSecret !== undefined ? { appSecret: options.appSecret } : {}),
      ...(options.screen !== undefined ? { screen: options.screen } : {}),
      ...(data !== undefined ? { data } : {}),
      ...(options.token !== undefined ? { flowToken: options.token } : {}),
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  if (options.screenshot !== undefined) {
    const [{ findChromium }, { screenshotFlow }] = await Promise.all([import('../../preview/chromium.js'), import('../../preview/screenshot.js')]);
    let chromium: string;
    try {
      chromium = await findChromium(options.chromium, io.env);
    } catch (error) {
      throw new CommandError((error as Error).message);
    }
    const running = await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      const files = await screenshotFlow({ url: running.url, outDir: options.screenshot, chromium, ...(options.look ? { look: options.look as 'android' } : {}), ...(options.theme ? { theme: options.theme as 'light' } : {}), ...(answers ? { answers } : {}) });
      for (const f of files) io.stdout(f);
      return 0;
    } catch (error) {
      io.stderr(`preview --screenshot: ${(error as Error).message}`);
      return 1;
    } finally {
      await running.close();
    }
  }

  let running;
  try {
    running = await server.listen({ port: options.port, host: options.host });
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CommandError(code === 'EADDRINUSE' ? `Port ${options.port} is in use: pass --port with another one (0 picks a free port).` : `Cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`);
  }
  io.stdout(`Preview of ${options.file}: ${running.url}/`);
  io.stderr('The page reloads when the file changes. Ctrl-C stops.');
  if (options.open) void openInBrowser(`${running.url}/`);
  await io.interrupted();
  await running.close();
  return 0;
}

/** A module with a createFlowEndpoint handler: default export or `handler`, and optionally `publicKey`. */
async function loadHandler(file: string): Promise<{ handler: WebHandler; publicKey?: string }> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(resolve(file)).href)) as Record<string, unknown>;
  } catch (error) {
    throw new CommandError(`Cannot load --handler ${file}: ${(error as Error).message}`);
  }
  const handler = typeof mod.handler === 'function' ? mod.handler : mod.default;
  if (typeof handler !== 'function') throw new UsageError(`--handler ${file} must export a handler function (default export or 'handler'), such as createFlowEndpoint({ privateKey, ... }).`);
  return { handler: handler as WebHandler, ...(typeof mod.publicKey === 'string' ? { publicKey: mod.publicKey } : {}) };
}

async function openInBrowser(url: string): Promise<void> {
  const { spawn } = await import('node:child_process');
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    spawn(command, args, { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
  } catch {
    // no browser opener: the URL is printed
  }
}


import { createEmulator } from '../../emulator/emulator.js';
import { CommandError, UsageError } from '../errors.js';
import type { CliIO } from '../io.js';

export interface EmulatorCommandOptions {
  port: number;
  host: string;
  dataDir?: string;
  token?: string;
  webhookUrl?: string;
  appSecret?: string;
  /** New templates stay PENDING this long (ms), then APPROVED. */
  templateApprovalDelayMs?: number;
  /** Let /_emulator/complete call endpoint_uris off this machine. */
  allowRemoteEndpoints?: boolean;
  /** The state-size limit (bytes of JSON). */
  maxStateBytes?: number;
  /** Answer as Meta answers an app created since 2026-11-04 (no date_format). */
  newApp?: boolean;
  json: boolean;
  /** No request log on stderr. */
  quiet?: boolean;
}

/** `meta-cloud-api emulator`: serves the emulator until interrupted; returns the exit code. */
export async function emulatorCommand(options: EmulatorCommandOptions, io: CliIO): Promise<number> {
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got '${options.port}'`);
  if (options.webhookUrl !== undefined) {
    try {
      new URL(options.webhookUrl);
    } catch {
      throw new UsageError(`--webhook-url must be a URL; got ${options.webhookUrl}`);
    }
    if (!options.appSecret) throw new UsageError('--webhook-url needs --app-secret (or WA_APP_SECRET) to sign the webhooks.');
  }
  const delay = options.templateApprovalDelayMs ?? 0;
  if (!Number.isSafeInteger(delay) || delay < 0) throw new UsageError(`--template-approval-delay must be a number of milliseconds (0 or more); got ${options.templateApprovalDelayMs}`);
  const maxStateBytes = options.maxStateBytes;
  if (maxStateBytes !== undefined && (!Number.isSafeInteger(maxStateBytes) || maxStateBytes < 1)) throw new UsageError(`--max-state-bytes must be a number of bytes (1 or more); got ${maxStateBytes}`);
  const emulator = createEmulator({
    templateApprovalDelayMs: delay,
    allowRemoteEndpoints: options.allowRemoteEndpoints === true,
    newApp: options.newApp === true,
    ...(maxStateBytes !== undefined ? { maxStateBytes } : {}),
    ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
    ...(options.token !== undefined ? { token: options.token } : {}),
    ...(options.webhookUrl !== undefined ? { webhookUrl: options.webhookUrl } : {}),
    ...(options.appSecret !== undefined ? { appSecret: options.appSecret } : {}),
    onWebhookError: (info) => {
      if (!info.willRetry) io.stderr(`webhook delivery failed after ${info.attempt} attempts: ${info.error ?? `HTTP ${info.status}`}`);
    },
  });
  let server;
  try {
    server = await emulator.listen({ port: options.port, host: options.host, ...(options.quiet ? {} : { log: (line: string) => io.stderr(line) }) });
  } catch (error) {
    await emulator.close().catch(() => {});
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') throw new CommandError(`Port ${options.port} is already in use: pick another with --port (0 for any free port).`);
    throw new CommandError(e.message);
  }
  if (options.json) io.stdout(JSON.stringify({ url: server.url, port: server.port }));
  else {
    io.stdout(`WA_BASE_URL=${server.url}`);
    io.stderr(
      [
        `meta-cloud-api emulator listening on ${server.url}`,
        `  state: ${options.dataDir ? `kept in ${options.dataDir}` : 'in memory (use --data-dir to keep it)'}`,
        `  token: ${options.token ? 'only the one given with --token (every route, /_emulator/... too)' : 'any bearer token; /_emulator/... open'}`,
        `  app: ${options.newApp ? 'new (created since 2026-11-04: date_format refused)' : 'older app (date_format accepted; --new-app to refuse it)'}`,
        `  endpoints: ${options.allowRemoteEndpoints ? 'any host (--allow-remote-endpoints)' : 'loopback only (--allow-remote-endpoints for others)'}`,
        options.webhookUrl ? `  webhooks: ${options.webhookUrl} (signed)` : '  webhooks: off (--webhook-url URL --app-secret SECRET)',
        `  inspect: ${server.url}/_emulator/state  ${server.url}/_emulator/messages`,
        '  Ctrl-C to stop.',
      ].join('\n'),
    );
  }
  await io.interrupted();
  io.stderr('stopping: waiting for webhook deliveries and saves...');
  await server.close();
  await emulator.close();
  return 0;
}

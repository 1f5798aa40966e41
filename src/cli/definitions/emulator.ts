import { wholeNumberOption } from '../args.js';
import { UsageError } from '../errors.js';
import type { CommandDefinition } from './definition.js';

/** `meta-cloud-api emulator`: its help, options, and a lazy import of its implementation. */
export const emulatorDefinition: CommandDefinition = {
  name: 'emulator',
  summary: 'Run a local Graph API emulator for Flows (no account, no network)',
  usage: 'meta-cloud-api emulator [--port 4010] [--host 127.0.0.1] [--data-dir DIR] [--token TOKEN] [--webhook-url URL --app-secret SECRET] [--template-approval-delay MS] [--allow-remote-endpoints] [--new-app] [--max-state-bytes N] [--json] [--quiet]',
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string' },
    token: { type: 'string' },
    'webhook-url': { type: 'string' },
    'app-secret': { type: 'string' },
    'template-approval-delay': { type: 'string', default: '0' },
    'allow-remote-endpoints': { type: 'boolean', default: false },
    'new-app': { type: 'boolean', default: false },
    'max-state-bytes': { type: 'string' },
    json: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
  help: `Options:
  --port <n>             port to listen on (default 4010; 0 = any free port)
  --host <addr>          interface (default 127.0.0.1)
  --data-dir <dir>       keep the state on disk; every acknowledged write survives kill -9 and restarts
                         (one emulator per directory: a second one refuses to start)
  --token <token>        accept only this access token, on every route including /_emulator/... (default: any)
  --webhook-url <url>    POST 'flows' webhooks (FLOW_STATUS_CHANGE) here, signed with --app-secret
  --app-secret <secret>  app secret for X-Hub-Signature-256 (default: WA_APP_SECRET)
  --template-approval-delay <ms>
                         new message templates stay PENDING this long, then APPROVED (default 0: at once)
  --allow-remote-endpoints
                         let POST /_emulator/complete call endpoint_uris on other hosts (default: loopback only)
  --new-app              answer as Meta answers an app created since 2026-11-04: date_format gets a Graph error
  --max-state-bytes <n>  refuse (HTTP 413) a change that grows the state's JSON past n bytes (default 268435456, 256 MiB)
  --json                 print {"url","port"} as JSON on stdout instead of WA_BASE_URL=...
  --quiet                no request log (default: one line per request on stderr: method, path, status, ms)

Prints WA_BASE_URL=<url> on stdout; point the SDK (baseUrl) or the CLI at it. Stops on Ctrl-C.

Examples:
  $ meta-cloud-api emulator
  $ meta-cloud-api emulator --port 0 --data-dir .emulator --json
  $ meta-cloud-api emulator --webhook-url http://127.0.0.1:3000/webhook --app-secret s3cret`,
  async run(values, positionals, io) {
    if (positionals.length) throw new UsageError(`emulator takes no arguments; got ${positionals.join(' ')}`);
    const port = wholeNumberOption('port', values.port, 0, 65535);
    const delay = wholeNumberOption('template-approval-delay', values['template-approval-delay'], 0, undefined, 'milliseconds');
    const maxState = values['max-state-bytes'] === undefined ? undefined : wholeNumberOption('max-state-bytes', values['max-state-bytes'], 1, undefined, 'bytes');
    const { emulatorCommand } = await import('../commands/emulator.js');
    return emulatorCommand(
      {
        port,
        host: values.host as string,
        json: values.json as boolean,
        quiet: values.quiet === true,
        templateApprovalDelayMs: delay,
        allowRemoteEndpoints: values['allow-remote-endpoints'] as boolean,
        newApp: values['new-app'] as boolean,
        ...(maxState !== undefined ? { maxStateBytes: maxState } : {}),
        ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] as string } : {}),
        ...(values.token !== undefined ? { token: values.token as string } : {}),
        ...(values['webhook-url'] !== undefined ? { webhookUrl: values['webhook-url'] as string } : {}),
        ...((values['app-secret'] ?? io.env.WA_APP_SECRET) !== undefined ? { appSecret: (values['app-secret'] ?? io.env.WA_APP_SECRET) as string } : {}),
      },
      io,
    );
  },
};

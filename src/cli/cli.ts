import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CommandError, UsageError } from './errors.js';
import type { CliIO } from './io.js';

/**
 * Every command of `meta-cloud-api`, declared with its help, options and a lazy import of its implementation.
 * `main` parses argv, runs the command and returns the exit code; `bin.ts` is the only place that exits.
 */
interface CommandDefinition {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  help: string;
  run(values: Record<string, unknown>, positionals: string[], io: CliIO): Promise<number>;
}

const COMMANDS: CommandDefinition[] = [
  {
    name: 'validate',
    summary: 'Validate Flow JSON files locally, reporting what Meta would reject',
    usage: 'meta-cloud-api validate <file|dir...> [--json] [--format pretty|json|github-actions] [--fail-on error|warning]',
    options: {
      json: { type: 'boolean', default: false },
      format: { type: 'string' },
      'fail-on': { type: 'string', default: 'error' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
    },
    help: `Options:
  --json                 print only one JSON document on stdout (same as --format json)
  --format <f>           pretty (default), json, github-actions
  --fail-on <severity>   error (default) or warning: the lowest severity that makes the exit code 1
  --no-color             plain output (also when NO_COLOR is set or stdout is not a terminal)

Exit codes: 0 every file valid, 1 findings, 2 usage or I/O error.

Examples:
  $ meta-cloud-api validate flow.json
  $ meta-cloud-api validate flows/ --json > report.json
  $ meta-cloud-api validate flows/*.json --format github-actions`,
    async run(values, positionals, io) {
      const format = values.json ? 'json' : ((values.format as string | undefined) ?? 'pretty');
      if (!['pretty', 'json', 'github-actions'].includes(format)) throw new UsageError(`--format must be pretty, json or github-actions; got ${format}`);
      const failOn = values['fail-on'] as string;
      if (failOn !== 'error' && failOn !== 'warning') throw new UsageError(`--fail-on must be error or warning; got ${failOn}`);
      const color = values['no-color'] ? false : values.color === true || (io.isTTY && !io.env.NO_COLOR);
      const { validateCommand } = await import('./commands/validate.js');
      return validateCommand({ paths: positionals, format: format as 'pretty', failOn, color }, io);
    },
  },
  {
    name: 'emulator',
    summary: 'Run a local Graph API emulator for Flows (no account, no network)',
    usage: 'meta-cloud-api emulator [--port 4010] [--host 127.0.0.1] [--data-dir DIR] [--token TOKEN] [--webhook-url URL --app-secret SECRET] [--json]',
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      token: { type: 'string' },
      'webhook-url': { type: 'string' },
      'app-secret': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    help: `Options:
  --port <n>             port to listen on (default 4010; 0 = any free port)
  --host <addr>          interface (default 127.0.0.1)
  --data-dir <dir>       keep the state on disk; every acknowledged write survives kill -9 and restarts
  --token <token>        accept only this access token (default: any)
  --webhook-url <url>    POST 'flows' webhooks (FLOW_STATUS_CHANGE) here, signed with --app-secret
  --app-secret <secret>  app secret for X-Hub-Signature-256 (default: WA_APP_SECRET)
  --json                 print {"url","port"} as JSON on stdout instead of WA_BASE_URL=...

Prints WA_BASE_URL=<url> on stdout; point the SDK (baseUrl) or the CLI at it. Stops on Ctrl-C.

Examples:
  $ meta-cloud-api emulator
  $ meta-cloud-api emulator --port 0 --data-dir .emulator --json
  $ meta-cloud-api emulator --webhook-url http://127.0.0.1:3000/webhook --app-secret s3cret`,
    async run(values, positionals, io) {
      if (positionals.length) throw new UsageError(`emulator takes no arguments; got ${positionals.join(' ')}`);
      const port = Number(values.port);
      const { emulatorCommand } = await import('./commands/emulator.js');
      return emulatorCommand(
        {
          port,
          host: values.host as string,
          json: values.json as boolean,
          ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] as string } : {}),
          ...(values.token !== undefined ? { token: values.token as string } : {}),
          ...(values['webhook-url'] !== undefined ? { webhookUrl: values['webhook-url'] as string } : {}),
          ...((values['app-secret'] ?? io.env.WA_APP_SECRET) !== undefined ? { appSecret: (values['app-secret'] ?? io.env.WA_APP_SECRET) as string } : {}),
        },
        io,
      );
    },
  },
];

export function mainHelp(version: string): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `meta-cloud-api ${version}: WhatsApp Flows from the command line

Usage: meta-cloud-api <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run 'meta-cloud-api <command> --help' for a command's options.`;
}

/** Runs the CLI; returns the exit code. Never calls process.exit. */
export async function main(argv: string[], io: CliIO, version = '0.0.0'): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    io.stderr(mainHelp(version));
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp(version));
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(version);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`Unknown command '${name}'. Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${command.summary}\n\nUsage: ${command.usage}\n\n${command.help}`);
      return 0;
    }
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(`${(error as Error).message}\nUsage: ${command.usage}`);
    }
    return await command.run(parsed.values, parsed.positionals, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof CommandError) {
      io.stderr(`meta-cloud-api: ${error.message}`);
      return error.exitCode;
    }
    const verbose = rest.includes('--verbose');
    io.stderr(`meta-cloud-api: internal error: ${(error as Error)?.message ?? String(error)}${verbose ? `\n${(error as Error)?.stack ?? ''}` : ''}`);
    return 2;
  }
}

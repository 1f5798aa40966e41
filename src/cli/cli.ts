import type { ParseArgsConfig } from 'node:util';
import { parseCommandArgs, wholeNumberOption } from './args.js';
import { didYouMean } from './did-you-mean.js';
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
  run(values: Record<string, unknown>, positionals: string[], io: CliIO, version: string): Promise<number>;
}

const COMMANDS: CommandDefinition[] = [
  {
    name: 'validate',
    summary: 'Validate Flow JSON files locally, reporting what Meta would reject',
    usage: 'meta-cloud-api validate <file|dir|glob|-...> [--format pretty|github|json|sarif|junit] [--strict] [--rule ID=off|warning|error]... [--include GLOB]... [--ignore GLOB]... [--watch]',
    options: {
      json: { type: 'boolean', default: false },
      format: { type: 'string' },
      'fail-on': { type: 'string', default: 'error' },
      strict: { type: 'boolean', default: false },
      rule: { type: 'string', multiple: true },
      include: { type: 'string', multiple: true },
      ignore: { type: 'string', multiple: true },
      watch: { type: 'boolean', default: false },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
    },
    help: `Inputs:
  flow.json              a file (validated whatever its name)
  -                      standard input (reported as <stdin>)
  'flows/**/*.json'      a glob, expanded by the CLI whether or not the shell did: * ? ** {a,b} [abc]
  flows/                 a directory: the .json files below it that look like Flow JSON (a top-level
                         "screens" array, or a .flow.json name); node_modules and dot directories are skipped

Options:
  --format <f>           pretty (default), github (GitHub Actions annotations; alias github-actions),
                         json, sarif (SARIF 2.1.0, for code scanning) or junit (JUnit XML, one testcase per file)
  --json                 the same as --format json: only one JSON document on stdout
  --strict               warnings fail too (exit 1), not only errors (same as --fail-on warning)
  --rule <id>=<level>    override one rule's severity: off, warning or error (repeatable), e.g.
                         --rule flow-json/component-max-limits=error --rule binding-mixed-with-text=off
                         (the flow-json/ prefix may be left out)
  --fail-on <severity>   error (default) or warning: the lowest severity that makes the exit code 1
  --include <glob>       in directories, validate files matching this glob (repeatable), even if they do not
                         look like Flow JSON (default: **/*.json that look like Flow JSON)
  --ignore <glob>        leave out files matching this glob (repeatable), in directories and glob expansions;
                         a glob without / matches file names at any depth
  --watch                validate again whenever a file changes, until Ctrl-C
  --no-color             plain output (also when NO_COLOR is set or stdout is not a terminal)

Severities: an error is what Meta rejects at upload or publish; a warning is what Meta documents but accepts
(for example text longer than a documented maximum, or static text mixed with \${...}, which WhatsApp shows
literally). Warnings do not fail the run unless --strict.

Exit codes: 0 every file valid, 1 findings (errors; warnings too with --strict), 2 usage or I/O error.
With --watch: the last run's code once stopped.

Examples:
  $ meta-cloud-api validate flow.json
  $ meta-cloud-api validate flows/ --json > report.json
  $ meta-cloud-api validate 'flows/**/*.json' --format github
  $ meta-cloud-api validate flows/ --format sarif > flows.sarif
  $ cat flow.json | meta-cloud-api validate -
  $ meta-cloud-api validate flows/ --ignore 'drafts/**' --watch
  $ meta-cloud-api validate flow.json --strict --rule component-max-limits=off`,
    async run(values, positionals, io, version) {
      const given = values.json ? 'json' : ((values.format as string | undefined) ?? 'pretty');
      const format = given === 'github-actions' ? 'github' : given;
      const { validateCommand, parseRuleFlags, VALIDATE_FORMATS } = await import('./commands/validate.js');
      if (!(VALIDATE_FORMATS as readonly string[]).includes(format)) {
        throw new UsageError(`--format must be one of ${VALIDATE_FORMATS.join(', ')} (or github-actions); got '${given}'.${didYouMean(given, [...VALIDATE_FORMATS, 'github-actions'])}`);
      }
      const failOn = values.strict ? 'warning' : (values['fail-on'] as string);
      if (failOn !== 'error' && failOn !== 'warning') throw new UsageError(`--fail-on must be error or warning; got '${failOn}'`);
      const color = values['no-color'] ? false : values.color === true || (io.isTTY && !io.env.NO_COLOR);
      const rules = parseRuleFlags((values.rule as string[] | undefined) ?? []);
      const list = (name: string) => (values[name] === undefined ? {} : { [name]: values[name] as string[] });
      return validateCommand({ paths: positionals, format: format as 'pretty', failOn, color, rules, watch: values.watch === true, version, ...list('include'), ...list('ignore') }, io);
    },
  },
  {
    name: 'emulator',
    summary: 'Run a local Graph API emulator for Flows (no account, no network)',
    usage: 'meta-cloud-api emulator [--port 4010] [--host 127.0.0.1] [--data-dir DIR] [--token TOKEN] [--webhook-url URL --app-secret SECRET] [--template-approval-delay MS] [--allow-remote-endpoints] [--new-app] [--max-state-bytes N] [--json]',
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

Prints WA_BASE_URL=<url> on stdout; point the SDK (baseUrl) or the CLI at it. Stops on Ctrl-C.

Examples:
  $ meta-cloud-api emulator
  $ meta-cloud-api emulator --port 0 --data-dir .emulator --json
  $ meta-cloud-api emulator --webhook-url http://127.0.0.1:3000/webhook --app-secret s3cret`,
    async run(values, positionals, io) {
      if (positionals.length) throw new UsageError(`emulator takes no arguments; got ${positionals.join(' ')}`);
      const port = wholeNumberOption('port', values.port, 0, 65535);
      const delay = wholeNumberOption('template-approval-delay', values['template-approval-delay'], 0);
      const maxState = values['max-state-bytes'] === undefined ? undefined : wholeNumberOption('max-state-bytes', values['max-state-bytes'], 1);
      const { emulatorCommand } = await import('./commands/emulator.js');
      return emulatorCommand(
        {
          port,
          host: values.host as string,
          json: values.json as boolean,
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
  },
  {
    name: 'keys',
    summary: 'Generate the flow endpoint RSA key pair and upload its public key',
    usage: `meta-cloud-api keys generate [--out DIR] [--passphrase-env NAME | --passphrase P] [--force] [--json]
       meta-cloud-api keys upload [--public-key FILE] [--phone-number-id ID] [--base-url URL] [--json]`,
    options: {
      out: { type: 'string' },
      passphrase: { type: 'string' },
      'passphrase-env': { type: 'string' },
      force: { type: 'boolean' },
      'public-key': { type: 'string' },
      'phone-number-id': { type: 'string' },
      'base-url': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    help: `Subcommands:
  generate   write private.pem (mode 600) and public.pem (mode 644): a 2048-bit RSA pair, as Meta requires
  upload     upload public.pem as the business public key of a phone number (once per number)

Options of generate:
  --out <dir>              where to write the keys (default .)
  --passphrase-env <name>  encrypt private.pem with the passphrase in this environment variable
                           (PKCS#1 DES-EDE3-CBC, like openssl genrsa -des3)
  --passphrase <p>         the same, given inline (it stays in your shell history: prefer --passphrase-env)
  --force                  replace existing key files
  --json                   print {"privateKey","publicKey"} (the paths) as JSON on stdout

Options of upload:
  --public-key <file>      the public key PEM (default ./public.pem); a private key is refused
  --phone-number-id <id>   the business phone number (default: WA_PHONE_NUMBER_ID)
  --base-url <url>         Graph API origin (default: WA_BASE_URL, else https://graph.facebook.com)
  --json                   print {"success","phoneNumberId","signatureStatus"} as JSON on stdout
  The access token comes from CLOUD_API_ACCESS_TOKEN (never from the command line).

Exit codes: 0 done, 1 uploaded but the signature status is MISMATCH, 2 usage, I/O or Graph API error.

Examples:
  $ meta-cloud-api keys generate --out keys
  $ FLOW_KEY_PASSPHRASE=... meta-cloud-api keys generate --out keys --passphrase-env FLOW_KEY_PASSPHRASE
  $ CLOUD_API_ACCESS_TOKEN=... meta-cloud-api keys upload --public-key keys/public.pem --phone-number-id 1234567890
  $ meta-cloud-api keys upload --base-url http://127.0.0.1:4010 --json`,
    async run(values, positionals, io) {
      const [sub, ...extra] = positionals;
      if (sub !== 'generate' && sub !== 'upload') {
        throw new UsageError(sub === undefined ? 'keys needs a subcommand: generate or upload.' : `Unknown keys subcommand '${sub}': use generate or upload.`);
      }
      if (extra.length) throw new UsageError(`keys ${sub} takes no arguments; got ${extra.join(' ')}`);
      const foreign = sub === 'generate' ? ['public-key', 'phone-number-id', 'base-url'] : ['out', 'passphrase', 'passphrase-env', 'force'];
      const misplaced = foreign.find((name) => values[name] !== undefined);
      if (misplaced) throw new UsageError(`--${misplaced} is not an option of keys ${sub}.`);
      if (sub === 'upload') {
        const { keysUploadCommand } = await import('./commands/keys.js');
        return keysUploadCommand(
          {
            publicKey: (values['public-key'] as string | undefined) ?? './public.pem',
            json: values.json as boolean,
            ...(values['phone-number-id'] !== undefined ? { phoneNumberId: values['phone-number-id'] as string } : {}),
            ...(values['base-url'] !== undefined ? { baseUrl: values['base-url'] as string } : {}),
          },
          io,
        );
      }
      if (values.passphrase !== undefined && values['passphrase-env'] !== undefined) throw new UsageError('Give --passphrase or --passphrase-env, not both.');
      let passphrase = values.passphrase as string | undefined;
      if (passphrase) io.stderr('note: a passphrase given with --passphrase stays in your shell history; prefer --passphrase-env NAME.');
      const envName = values['passphrase-env'] as string | undefined;
      if (envName !== undefined) {
        passphrase = io.env[envName];
        if (!passphrase) throw new UsageError(`--passphrase-env ${envName}: the environment variable ${envName} is not set or empty.`);
      }
      const { keysGenerateCommand } = await import('./commands/keys.js');
      return keysGenerateCommand(
        {
          out: (values.out as string | undefined) ?? '.',
          force: values.force === true,
          json: values.json as boolean,
          ...(passphrase !== undefined ? { passphrase } : {}),
        },
        io,
      );
    },
  },
  {
    name: 'simulate',
    summary: 'Walk a flow as the WhatsApp client would, offline or against your data endpoint',
    usage: 'meta-cloud-api simulate <flow.json> [--answers answers.json] [--screen ID] [--data JSON] [--token T] [--endpoint URL --public-key FILE [--app-secret S]] [--action navigate|data_exchange] [--strict] [--json]',
    options: {
      answers: { type: 'string' },
      screen: { type: 'string' },
      data: { type: 'string' },
      token: { type: 'string' },
      endpoint: { type: 'string' },
      'public-key': { type: 'string' },
      'app-secret': { type: 'string' },
      action: { type: 'string' },
      strict: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    help: `Opens the flow (the entry screen, or --screen with --data, as the flow message would; with --endpoint, INIT),
then fills and submits screen after screen until the flow completes:
  with --answers: the answers in the file, { "<SCREEN_ID>": { "<field>": value } };
  without, stdin not a terminal: generated valid answers for every input;
  without, stdin a terminal: asks for each input.

Options:
  --answers <file>       scripted answers per screen (a NavigationList answer is an item id; "$click" clicks a link)
  --screen <id>          first screen (default: the entry screen)
  --data <json>          the message's flow_action_payload.data (default: the screen's __example__ values)
  --token <t>            flow token (default: unused)
  --endpoint <url>       the data endpoint; requests are encrypted like WhatsApp's
  --public-key <file>    the business public key PEM (with --endpoint)
  --app-secret <s>       sign requests with X-Hub-Signature-256 (default: WA_APP_SECRET, with --endpoint)
  --action <a>           navigate or data_exchange (default: data_exchange with --endpoint unless --screen/--data)
  --strict               fail on endpoint answers Meta only warns about (declared fields left out of the data,
                         a SUCCESS without flow_token); without it they are printed as warnings and the walk goes on
  --json                 print only the completion (response_json, flow_token, response, ...) as JSON on stdout

Progress goes to stderr. Exit codes: 0 the flow completed, 1 the flow, an input or the endpoint failed,
2 usage or I/O error.

Examples:
  $ meta-cloud-api simulate flow.json < /dev/null
  $ meta-cloud-api simulate flow.json --answers answers.json --json
  $ meta-cloud-api simulate flow.json --endpoint http://127.0.0.1:3000/flow --public-key public.pem`,
    async run(values, positionals, io) {
      if (positionals.length !== 1) throw new UsageError(`simulate needs one Flow JSON file: meta-cloud-api simulate flow.json${positionals.length ? ` (got ${positionals.join(' ')})` : ''}`);
      const { simulateCommand, terminalPrompt } = await import('./commands/simulate.js');
      const str = (name: string) => (values[name] === undefined ? {} : { [name]: values[name] as string });
      const appSecret = (values['app-secret'] ?? (values.endpoint !== undefined ? io.env.WA_APP_SECRET : undefined)) as string | undefined;
      const prompt = (io as CliIO & { prompt?: import('./commands/simulate.js').SimulatePrompt }).prompt ?? terminalPrompt();
      return simulateCommand(
        {
          file: positionals[0]!,
          json: values.json as boolean,
          strict: values.strict === true,
          ...str('answers'),
          ...str('screen'),
          ...str('data'),
          ...str('token'),
          ...str('endpoint'),
          ...str('action'),
          ...(values['public-key'] !== undefined ? { publicKey: values['public-key'] as string } : {}),
          ...(appSecret !== undefined ? { appSecret } : {}),
        },
        io,
        prompt,
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
  ${'help'.padEnd(width)}  Show a command's options: meta-cloud-api help <command>

Run 'meta-cloud-api help <command>' (or '<command> --help') for a command's options.`;
}

function commandHelp(command: CommandDefinition): string {
  return `${command.summary}\n\nUsage: ${command.usage}\n\n${command.help}`;
}

function findCommand(name: string): CommandDefinition {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  const hint = didYouMean(name, [...COMMANDS.map((c) => c.name), 'help']);
  throw new UsageError(`Unknown command '${name}'.${hint} Commands: ${COMMANDS.map((c) => c.name).join(', ')}, help.`);
}

/** Runs the CLI; returns the exit code. Never calls process.exit. */
export async function main(argv: string[], io: CliIO, version = '0.0.0'): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    io.stderr(mainHelp(version));
    return 2;
  }
  try {
    if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
      io.stdout(mainHelp(version));
      return 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(version);
      return 0;
    }
    if (name === 'help') {
      if (rest.length > 1) throw new UsageError(`help takes one command name: meta-cloud-api help <command>; got ${rest.join(' ')}`);
      io.stdout(commandHelp(findCommand(rest[0]!)));
      return 0;
    }
    if (name.startsWith('-')) throw new UsageError(`Unknown option '${name}'.${didYouMean(name, ['--help', '--version'])} Usage: meta-cloud-api <command> [options]`);
    const command = findCommand(name);
    const end = rest.indexOf('--');
    const flags = end === -1 ? rest : rest.slice(0, end);
    if (flags.includes('--help') || flags.includes('-h')) {
      io.stdout(commandHelp(command));
      return 0;
    }
    const parsed = parseCommandArgs(command.name, rest, command.options, command.usage);
    return await command.run(parsed.values, parsed.positionals, io, version);
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

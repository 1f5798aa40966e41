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

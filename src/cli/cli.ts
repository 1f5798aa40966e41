import { didYouMean } from './did-you-mean.js';
import { parseCommandArgs } from './args.js';
import { CommandError, UsageError } from './errors.js';
import type { CliIO } from './io.js';
import type { CommandDefinition } from './definitions/definition.js';
import { validateDefinition } from './definitions/validate.js';
import { emulatorDefinition } from './definitions/emulator.js';
import { keysDefinition } from './definitions/keys.js';
import { simulateDefinition } from './definitions/simulate.js';
import { previewDefinition } from './definitions/preview.js';
import { applyDefinition } from './definitions/apply.js';
import { planDefinition } from './definitions/plan.js';
import { pullDefinition } from './definitions/pull.js';
import { schemaDefinition } from './definitions/schema.js';
import { typesDefinition } from './definitions/types.js';

/** Every command of `meta-cloud-api`. `main` parses argv, runs the command and returns the exit code; `bin.ts` is the only place that exits. */
const COMMANDS: CommandDefinition[] = [validateDefinition, emulatorDefinition, keysDefinition, simulateDefinition, previewDefinition, planDefinition, applyDefinition, pullDefinition, schemaDefinition, typesDefinition];

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
  let command: CommandDefinition | undefined;
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
      // `help keys generate` shows keys' help (which covers its subcommands).
      io.stdout(commandHelp(findCommand(rest[0]!)));
      return 0;
    }
    if (name.startsWith('-')) throw new UsageError(`Unknown option '${name}'.${didYouMean(name, ['--help', '--version'])} Usage: meta-cloud-api <command> [options]`);
    command = findCommand(name);
    const end = rest.indexOf('--');
    const flags = end === -1 ? rest : rest.slice(0, end);
    if (flags.includes('--help') || flags.includes('-h')) {
      io.stdout(commandHelp(command));
      return 0;
    }
    const parsed = parseCommandArgs(command.name, rest, command.options, command.usage);
    return await command.run(parsed.values, parsed.positionals, io, version);
  } catch (error) {
    const failed = command?.errorExitCode ?? 2;
    if (error instanceof UsageError || error instanceof CommandError) {
      io.stderr(`meta-cloud-api: ${error.message}`);
      return error.exitCode === 2 ? failed : error.exitCode;
    }
    const verbose = rest.includes('--verbose');
    io.stderr(`meta-cloud-api: internal error: ${(error as Error)?.message ?? String(error)}${verbose ? `\n${(error as Error)?.stack ?? ''}` : ''}`);
    return failed;
  }
}

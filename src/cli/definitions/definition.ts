import type { ParseArgsConfig } from 'node:util';
import type { CliIO } from '../io.js';

/**
 * One command of `meta-cloud-api`, declared with its help, options and a lazy import of its implementation
 * (so `--help` and typos never load a command's code). `run` gets the parsed options and returns the exit code.
 */
export interface CommandDefinition {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  help: string;
  /**
   * The exit code of a usage error or an internal error (default 2). `plan` uses 1, because its 2 means "something
   * would change": a CI step accepting 2 must not accept a mistyped option.
   */
  errorExitCode?: number;
  run(values: Record<string, unknown>, positionals: string[], io: CliIO, version: string): Promise<number>;
}

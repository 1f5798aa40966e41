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
  run(values: Record<string, unknown>, positionals: string[], io: CliIO, version: string): Promise<number>;
}

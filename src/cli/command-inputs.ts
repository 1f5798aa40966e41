/** What the `simulate` and `preview` commands read from their options: a file through the CLI's IO, a JSON object. */
import { CommandError, UsageError } from './errors.js';
import type { CliIO } from './io.js';

/** Reads a file named by an option; a missing or unreadable file is a CommandError naming it and what it was for. */
export async function readInput(io: CliIO, path: string, what: string): Promise<string> {
  try {
    return await io.readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CommandError(code === 'ENOENT' ? `No such file: ${path} (${what})` : `Cannot read ${what} ${path}: ${(error as Error).message}`);
  }
}

/** Parses an option's text as a JSON object; anything else is a UsageError naming the option. */
export function parseJsonObject(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what} is not JSON: ${(error as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${what} must be a JSON object.`);
  return value as Record<string, unknown>;
}

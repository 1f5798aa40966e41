import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from './did-you-mean.js';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's arguments, turning every mistake into one clean sentence (never node:util's parser text):
 * an unknown option names the command and the closest known option; a string option without its value says so.
 * `-` alone is a positional (stdin); everything after `--` is positional.
 */
export function parseCommandArgs(command: string, args: string[], options: Options, usage: string): { values: Record<string, unknown>; positionals: string[] } {
  const known = Object.keys(options);
  // Checked and normalised here: a string option's value is joined to it (`--port=-1`), so node:util does not
  // take a value starting with a dash for an option of its own.
  const normalised: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') {
      normalised.push(...args.slice(index));
      break;
    }
    normalised.push(arg);
    if (!arg.startsWith('-') || arg === '-') continue;
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0]! : arg.slice(1, 2);
    const option = options[name] ?? Object.values(options).find((o) => o.short === name);
    if (!option) {
      const shown = arg.startsWith('--') ? `--${name}` : `-${name}`;
      const hint = didYouMean(name, known).replace(/'([^']+)'/, "'--$1'");
      throw new UsageError(`Unknown option '${shown}' for ${command}.${hint || ` Options: ${known.map((k) => `--${k}`).join(', ')}.`}\nUsage: ${usage}\nRun 'meta-cloud-api help ${command}' for details.`);
    }
    const inline = arg.includes('=');
    if (option.type === 'boolean' && inline) throw new UsageError(`--${name} is a switch and takes no value; got '${arg}'.`);
    if (option.type === 'string' && !inline) {
      const next = args[index + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value, e.g. --${name} <value>.\nUsage: ${usage}`);
      normalised[normalised.length - 1] = `--${name}=${next}`;
      index++;
    }
  }
  try {
    const parsed = parseArgs({ args: normalised, options, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, unknown>, positionals: parsed.positionals };
  } catch (error) {
    // The checks above catch what users type; should node:util still object, keep its first sentence only.
    const first = String((error as Error).message).split(/\.\s/)[0]!.replace(/'/g, '');
    throw new UsageError(`${first}.\nUsage: ${usage}`);
  }
}

/**
 * A whole number option within bounds, or a usage error that says what was expected and what was given:
 * `--port must be a whole number from 0 to 65535, got 'abc'` (with a unit: `--max-state-bytes must be a number of
 * bytes: a whole number 1 or more, got '12MB'`).
 */
export function wholeNumberOption(name: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER, unit?: string): number {
  const text = String(value);
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
    throw new UsageError(`--${name} must be ${unit ? `a number of ${unit}: ` : ''}a whole number ${range}, got '${text}'`);
  }
  return n;
}

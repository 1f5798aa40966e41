import { validateFlowJson } from '../../flow-json/validate.js';
import { isRuleId } from '../../flow-json/rule-ids.js';
import { RULE_LEVELS, suggest, type RuleLevel, type RuleLevels } from '../../flow-json/rule-levels.js';
import { formatGithub, formatJson, formatJunit, formatPretty, formatSarif, type FileReport } from '../../flow-json/formatters/index.js';
import { CommandError, UsageError } from '../errors.js';
import { resolveInputs, type Input } from '../inputs.js';
import type { CliIO } from '../io.js';
import { watchInputs } from './validate-watch.js';

/** The report formats of `--format`; `github-actions` is the older name of `github`. */
export const VALIDATE_FORMATS = ['pretty', 'github', 'json', 'sarif', 'junit'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

export interface ValidateCommandOptions {
  /** Files, directories, globs, or `-` for stdin (see resolveInputs). */
  paths: string[];
  /** `pretty` (default), `github` (annotations), `json`, `sarif` or `junit` (one document on stdout). */
  format: ValidateFormat;
  /** Lowest severity that fails the run (exit 1). Default `error`. */
  failOn: 'error' | 'warning';
  color: boolean;
  /** Severity overrides (`--rule id=level`). */
  rules?: RuleLevels;
  /** `--include` / `--ignore` globs for directories and glob expansions. */
  include?: string[];
  ignore?: string[];
  /** Re-validate whenever an input changes, until interrupted. */
  watch?: boolean;
  /** The package version, for SARIF's tool.driver.version. */
  version?: string;
}

/**
 * `--rule id=level` values (repeatable) to overrides; the `flow-json/` prefix may be left out. A bad id or level is a
 * usage error (exit 2) that says what is wrong.
 */
export function parseRuleFlags(flags: readonly string[]): RuleLevels {
  const out: Record<string, RuleLevel> = {};
  for (const flag of flags) {
    const eq = flag.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(`--rule takes <rule-id>=<off|warning|error>, e.g. --rule flow-json/component-max-limits=error; got ${JSON.stringify(flag)}`);
    const given = flag.slice(0, eq).trim();
    const level = flag.slice(eq + 1).trim();
    const id = given.startsWith('flow-json/') ? given : `flow-json/${given}`;
    if (!isRuleId(id)) throw new UsageError(`--rule: unknown rule id ${JSON.stringify(given)}. ${suggest(given)}`);
    if (!RULE_LEVELS.includes(level as RuleLevel)) throw new UsageError(`--rule ${given}: level must be off, warning or error; got ${JSON.stringify(level)}`);
    out[id] = level as RuleLevel;
  }
  return out as RuleLevels;
}

/** `meta-cloud-api validate`: returns the exit code (0 valid, 1 findings at or above failOn, 2 usage or I/O). */
export async function validateCommand(options: ValidateCommandOptions, io: CliIO): Promise<number> {
  if (options.paths.length === 0) throw new UsageError('validate needs at least one Flow JSON file, directory, glob or - (stdin): meta-cloud-api validate flow.json');
  if (options.watch && options.paths.includes('-')) throw new UsageError('--watch cannot watch stdin (-): give files, directories or globs.');
  if (!options.watch) return validateOnce(options, io);
  return watchInputs(options.paths, () => validateOnce(options, io).catch((error: Error) => (io.stderr(`meta-cloud-api: ${error.message}`), 2)), () => resolve(options), io);
}

async function resolve(options: ValidateCommandOptions) {
  try {
    return await resolveInputs(options.paths, { ...(options.include ? { include: options.include } : {}), ...(options.ignore ? { ignore: options.ignore } : {}) });
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw new CommandError(describeIoError((error as { path?: string }).path ?? options.paths.join(' '), error));
  }
}

async function validateOnce(options: ValidateCommandOptions, io: CliIO): Promise<number> {
  const { inputs } = await resolve(options);
  if (inputs.length === 0) throw new CommandError(`No Flow JSON files found in ${options.paths.join(', ')} (a directory's .json files count when they have a top-level "screens" array or a .flow.json name; --include adds others).`);
  const reports: FileReport[] = [];
  const texts = new Map<string, string>();
  for (const input of inputs) {
    const text = await read(input, io);
    texts.set(input.name, text);
    let result: ReturnType<typeof validateFlowJson>;
    try {
      result = validateFlowJson(text, options.rules ? { rules: options.rules } : {});
    } catch (error) {
      // validateFlowJson answers hostile input with diagnostics (issue 10); should anything still escape, the
      // report names the file instead of a bare stack trace.
      throw new CommandError(`Cannot validate ${input.name}: ${(error as Error).message}`);
    }
    reports.push({ file: input.name, valid: result.valid, errors: result.errors, warnings: result.warnings });
  }
  print(reports, texts, options, io);
  const failing = reports.some((r) => r.errors.length > 0 || (options.failOn === 'warning' && r.warnings.length > 0));
  return failing ? 1 : 0;
}

function print(reports: FileReport[], texts: Map<string, string>, options: ValidateCommandOptions, io: CliIO): void {
  if (options.format === 'json') return io.stdout(formatJson(reports));
  if (options.format === 'sarif') return io.stdout(formatSarif(reports, options.version ? { toolVersion: options.version } : {}));
  if (options.format === 'junit') return io.stdout(formatJunit(reports, { failOn: options.failOn }));
  for (const r of reports) {
    const diagnostics = [...r.errors, ...r.warnings].sort((a, b) => a.offset - b.offset);
    if (diagnostics.length === 0) continue;
    io.stdout(options.format === 'github' ? formatGithub(r.file, diagnostics) : formatPretty(r.file, texts.get(r.file)!, diagnostics, { color: options.color }));
  }
  if (options.format === 'pretty') io.stdout(summaryLine(reports));
}

async function read(input: Input, io: CliIO): Promise<string> {
  try {
    if (input.stdin) {
      if (!io.readStdin) throw new CommandError('Reading stdin (-) is not available here.');
      return await io.readStdin();
    }
    return await io.readFile(input.name);
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw new CommandError(describeIoError(input.name, error));
  }
}

function summaryLine(reports: FileReport[]): string {
  const errors = reports.reduce((n, r) => n + r.errors.length, 0);
  const warnings = reports.reduce((n, r) => n + r.warnings.length, 0);
  const bad = reports.filter((r) => !r.valid).length;
  const files = `${reports.length} file${reports.length === 1 ? '' : 's'}`;
  if (errors === 0 && warnings === 0) return `✔ ${files} valid`;
  return `${errors === 0 ? '✔' : '✖'} ${files}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${bad ? ` (${bad} invalid)` : ''}`;
}

function describeIoError(path: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return `No such file or directory: ${path}`;
  if (code === 'EACCES') return `Permission denied: ${path}`;
  if (code === 'EISDIR') return `${path} is a directory`;
  return `Cannot read ${path}: ${(error as Error).message}`;
}

import { validateFlowJson } from '../../flow-json/validate.js';
import { isRuleId } from '../../flow-json/rule-ids.js';
import { RULE_LEVELS, suggest, type RuleLevel, type RuleLevels } from '../../flow-json/rule-levels.js';
import { formatGithubActions, formatJson, formatPretty, type FileReport } from '../../flow-json/formatters/index.js';
import { CommandError, UsageError } from '../errors.js';
import type { CliIO } from '../io.js';

export interface ValidateCommandOptions {
  /** Files or directories (directories: every `.json` file below). */
  paths: string[];
  /** `pretty` (default), `json` (one JSON document on stdout) or `github-actions`. */
  format: 'pretty' | 'json' | 'github-actions';
  /** Lowest severity that fails the run (exit 1). Default `error`. */
  failOn: 'error' | 'warning';
  color: boolean;
  /** Severity overrides (`--rule id=level`). */
  rules?: RuleLevels;
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
  if (options.paths.length === 0) throw new UsageError('validate needs at least one Flow JSON file: meta-cloud-api validate flow.json');
  const files: string[] = [];
  for (const path of options.paths) {
    try {
      files.push(...(await io.expand(path)));
    } catch (error) {
      throw new CommandError(describeIoError(path, error));
    }
  }
  if (files.length === 0) throw new CommandError(`No .json files found in ${options.paths.join(', ')}.`);

  const reports: FileReport[] = [];
  const texts = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (error) {
      throw new CommandError(describeIoError(file, error));
    }
    texts.set(file, text);
    let result: ReturnType<typeof validateFlowJson>;
    try {
      result = validateFlowJson(text, options.rules ? { rules: options.rules } : {});
    } catch (error) {
      // validateFlowJson answers hostile input with diagnostics (issue 10); should anything still escape, the
      // report names the file instead of a bare stack trace.
      throw new CommandError(`Cannot validate ${file}: ${(error as Error).message}`);
    }
    reports.push({ file, valid: result.valid, errors: result.errors, warnings: result.warnings });
  }

  if (options.format === 'json') io.stdout(formatJson(reports));
  else {
    for (const r of reports) {
      const diagnostics = [...r.errors, ...r.warnings].sort((a, b) => a.offset - b.offset);
      if (diagnostics.length === 0) continue;
      const text = options.format === 'github-actions' ? formatGithubActions(r.file, diagnostics) : formatPretty(r.file, texts.get(r.file)!, diagnostics, { color: options.color });
      io.stdout(text);
    }
    if (options.format === 'pretty') io.stdout(summaryLine(reports));
  }
  const failing = reports.some((r) => r.errors.length > 0 || (options.failOn === 'warning' && r.warnings.length > 0));
  return failing ? 1 : 0;
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

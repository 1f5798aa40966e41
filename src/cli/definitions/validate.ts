import { didYouMean } from '../did-you-mean.js';
import { UsageError } from '../errors.js';
import type { CommandDefinition } from './definition.js';

/** `meta-cloud-api validate`: its help, options, and a lazy import of its implementation. */
export const validateDefinition: CommandDefinition = {
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
    const { validateCommand, parseRuleFlags, VALIDATE_FORMATS } = await import('../commands/validate.js');
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
};

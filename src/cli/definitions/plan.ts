import { UsageError } from '../errors.js';
import type { CommandDefinition } from './definition.js';

/** `meta-cloud-api plan`: its help, options, and a lazy import of its implementation (src/deploy). */
export const planDefinition: CommandDefinition = {
  name: 'plan',
  errorExitCode: 1,
  summary: 'Show what apply would change in an environment (flows as code)',
  usage: 'meta-cloud-api plan [--env NAME] [--config FILE|DIR] [--format pretty|github|json] [--json]',
  options: {
    env: { type: 'string' },
    config: { type: 'string' },
    format: { type: 'string', default: 'pretty' },
    json: { type: 'boolean', default: false },
  },
  help: `Reads flows.config.json (or .mjs/.ts) and flows.lock.json, validates every flow locally (errors stop it
before any request), reads the environment's WhatsApp Business Account (GET requests only) and prints, per
flow and template: create, upload new JSON, update metadata (name, categories, endpoint_uri), publish or no
change; with the lifecycle consequences (a PUBLISHED flow goes back to DRAFT when edited) and the publishing
checks that would fail (139002), and drift (a flow changed in WhatsApp Manager).

Options:
  --env <name>           the environment (may be left out when the config has one)
  --config <path>        the config file or its directory (default: the current directory)
  --format <f>           pretty (default), github (adds GitHub Actions annotations) or json
  --json                 the same as --format json: one JSON document on stdout

Access token: <ENV>_CLOUD_API_ACCESS_TOKEN (e.g. STAGING_CLOUD_API_ACCESS_TOKEN), else CLOUD_API_ACCESS_TOKEN.
Never from the config file.

Exit codes: 0 nothing would change, 2 something would change (like terraform plan -detailed-exitcode),
1 errors (invalid flows, config or lock problems, refused requests, and here usage errors too, so that a step
accepting 2 never accepts a mistyped option).

Examples:
  $ meta-cloud-api plan --env staging
  $ meta-cloud-api plan --env prod --format github
  $ meta-cloud-api plan --env staging --json > plan.json`,
  async run(values, _positionals, io) {
    const format = values.json ? 'json' : (values.format as string);
    if (format !== 'pretty' && format !== 'github' && format !== 'json') throw new UsageError(`--format must be pretty, github or json; got '${format}'.`);
    const { planCommand } = await import('../../deploy/commands/plan.js');
    return planCommand({ format, ...(values.env ? { environment: values.env as string } : {}), ...(values.config ? { config: values.config as string } : {}) }, io);
  },
};

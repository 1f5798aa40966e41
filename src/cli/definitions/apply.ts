import type { CommandDefinition } from './definition.js';

/** `meta-cloud-api apply`: its help, options, and a lazy import of its implementation (src/deploy). */
export const applyDefinition: CommandDefinition = {
  name: 'apply',
  summary: 'Create, upload, update and publish flows and templates as the config says; write flows.lock.json',
  usage: 'meta-cloud-api apply [--env NAME] [--config FILE|DIR] [--yes] [--json]',
  options: {
    env: { type: 'string' },
    config: { type: 'string' },
    yes: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
  help: `Makes the plan (see 'meta-cloud-api help plan'; shown on stderr) and does it, one step at a time: create
a flow with its JSON, upload new JSON, update metadata, publish, create a template. flows.lock.json is written
after each step (atomically), so an interrupted apply can simply be run again. With nothing to change, no write
request is sent.

Options:
  --env <name>           the environment (may be left out when the config has one)
  --config <path>        the config file or its directory (default: the current directory)
  --yes                  apply without asking; without it, apply shows the plan and stops (exit 1) if it has changes
  --json                 one JSON document on stdout: { plan, applied }

Access token: <ENV>_CLOUD_API_ACCESS_TOKEN (e.g. PROD_CLOUD_API_ACCESS_TOKEN), else CLOUD_API_ACCESS_TOKEN.

Exit codes: 0 applied (or nothing to do), 1 errors (the plan's, or a refused step: the steps before it are in
the lock), 2 usage errors.

Examples:
  $ meta-cloud-api apply --env staging --yes
  $ meta-cloud-api apply --env prod --yes --json`,
  async run(values, _positionals, io) {
    const { applyCommand } = await import('../../deploy/commands/apply.js');
    return applyCommand(
      { yes: values.yes === true, json: values.json === true, ...(values.env ? { environment: values.env as string } : {}), ...(values.config ? { config: values.config as string } : {}) },
      io,
    );
  },
};

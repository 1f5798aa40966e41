import { UsageError } from '../errors.js';
import type { CommandDefinition } from './definition.js';

/** `meta-cloud-api pull`: its help, options, and a lazy import of its implementation (src/deploy). */
export const pullDefinition: CommandDefinition = {
  name: 'pull',
  summary: 'Download every flow of an environment into files, config and lock (adopt an account)',
  usage: 'meta-cloud-api pull --env NAME [--out DIR] [--config FILE|DIR] [--waba-id ID] [--phone-number-id ID] [--base-url URL] [--json]',
  options: {
    env: { type: 'string' },
    config: { type: 'string' },
    out: { type: 'string', default: 'flows' },
    'waba-id': { type: 'string' },
    'phone-number-id': { type: 'string' },
    'base-url': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  help: `Writes each flow of the environment's WhatsApp Business Account to <out>/<name>.flow.json (flows already in
the config keep their file), and creates or updates the config entries (name, categories, endpointUri, publish)
and the lock entries, so that the next plan shows no change. Templates the config can express (a body without
variables and at most one button, a FLOW button opening one of those flows) are adopted too; the others are listed
with the reason. A flows.config.json is rewritten; for a .mjs/.ts config the new entries are printed to paste. GET
requests only.

Options:
  --env <name>           the environment (required)
  --out <dir>            where new flow files go, relative to the config (default: flows)
  --config <path>        the config file or its directory (default: the current directory)
  --waba-id <id>         for an environment the config does not have yet (creates flows.config.json if needed)
  --phone-number-id <id> with --waba-id: the phone number of the new environment
  --base-url <url>       with --waba-id: the Graph origin (e.g. the emulator)
  --json                 one JSON document on stdout

Access token: <ENV>_CLOUD_API_ACCESS_TOKEN, else CLOUD_API_ACCESS_TOKEN.

Exit codes: 0 pulled, 1 errors, 2 usage errors.

Examples:
  $ meta-cloud-api pull --env prod --waba-id 789 --phone-number-id 101
  $ meta-cloud-api pull --env prod --out flows/`,
  async run(values, _positionals, io) {
    if (typeof values.env !== 'string' || values.env === '') throw new UsageError('pull needs --env NAME (the environment to adopt).');
    const opt = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
    const { pullCommand } = await import('../../deploy/commands/pull.js');
    return pullCommand(
      {
        environment: values.env,
        json: values.json === true,
        out: opt('out') ?? 'flows',
        ...(opt('config') ? { config: opt('config')! } : {}),
        ...(opt('waba-id') ? { wabaId: opt('waba-id')! } : {}),
        ...(opt('phone-number-id') ? { phoneNumberId: opt('phone-number-id')! } : {}),
        ...(opt('base-url') ? { baseUrl: opt('base-url')! } : {}),
      },
      io,
    );
  },
};

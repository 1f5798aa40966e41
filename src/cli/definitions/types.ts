import { UsageError } from '../errors.js';
import type { CommandDefinition } from './definition.js';

/** `meta-cloud-api types`: writes a TypeScript module exporting a Flow JSON file through `defineFlow`. */
export const typesDefinition: CommandDefinition = {
  name: 'types',
  summary: 'Write a typed module for a Flow JSON file (defineFlow), or check that it is current',
  usage: 'meta-cloud-api types <flow.json> [--out flow.ts] [--check]',
  options: { out: { type: 'string' }, check: { type: 'boolean', default: false } },
  help: `Writes a module that exports the flow through defineFlow, so that createFlowEndpoint({ flow }),
messages.flow({ flowJson }) and parseCompletion(flow, event) are typed by it (and tsc reports broken references).

Options:
  --out <file>   write the module there (default: print it)
  --check        do not write: exit 1 when --out is missing or differs from what would be written (for CI)

Exit codes: 0 written (or current), 1 stale (--check), 2 usage or I/O error.`,
  async run(values, positionals, io) {
    if (positionals.length !== 1) throw new UsageError('types needs one Flow JSON file: meta-cloud-api types flows/order.flow.json [--out flows/order.flow.ts] [--check]');
    if (values.check === true && values.out === undefined) throw new UsageError('--check compares with the file given by --out: meta-cloud-api types flow.json --out flow.ts --check');
    const { typesCommand } = await import('../commands/types.js');
    return typesCommand({ file: positionals[0]!, out: values.out as string | undefined, check: values.check === true }, io);
  },
};

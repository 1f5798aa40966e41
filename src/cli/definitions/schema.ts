import { UsageError } from '../errors.js';
import type { CommandDefinition } from './definition.js';

/** `meta-cloud-api schema`: prints the JSON Schema of a Flow JSON version (src/schema). */
export const schemaDefinition: CommandDefinition = {
  name: 'schema',
  summary: 'Print the JSON Schema of a Flow JSON version (for editors)',
  usage: 'meta-cloud-api schema [--version 7.3]',
  options: { version: { type: 'string' } },
  help: `Prints the JSON Schema of one Flow JSON version (default: the latest), generated from the same component
catalogue as the validator and the types. The printed schema is self-contained: save it in your repository and use
it in VS Code ("json.schemas") or as "$schema" in a flow file. The package also ships them as
meta-cloud-api/schema/<version>.json, which refer to meta-cloud-api/schema/definitions.json beside them.
A schema covers components, properties, types, enums and required properties; cross-reference rules (screen ids,
\${data.*}/\${form.*} references, routing model, navigate payloads) need 'meta-cloud-api validate'.

Options:
  --version <v>   the Flow JSON version: 2.1, 3.0, 3.1, 4.0, 5.0, 5.1, 6.0 ... 7.3 (default 7.3)

Exit codes: 0 printed, 2 unknown version.`,
  async run(values, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`schema takes no file: meta-cloud-api schema [--version 7.3] (got ${positionals.join(' ')})`);
    const { flowJsonSchema, SCHEMA_VERSIONS } = await import('../../schema/index.js');
    const version = (values.version as string | undefined) ?? SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!;
    const known = SCHEMA_VERSIONS.find((v) => v === version);
    if (!known) throw new UsageError(`Unknown Flow JSON version '${version}': use one of ${SCHEMA_VERSIONS.join(', ')}.`);
    io.stdout(JSON.stringify(flowJsonSchema(known), null, 2));
    return 0;
  },
};

import { didYouMean } from '../did-you-mean.js';
import { UsageError } from '../errors.js';
import type { CommandDefinition } from './definition.js';

/** `meta-cloud-api keys`: its help, options, and a lazy import of its implementation. */
export const keysDefinition: CommandDefinition = {
  name: 'keys',
  summary: 'Generate the flow endpoint RSA key pair and upload its public key',
  usage: `meta-cloud-api keys generate [--out DIR] [--passphrase-env NAME | --passphrase P] [--force] [--json]
       meta-cloud-api keys upload [--public-key FILE] [--phone-number-id ID] [--base-url URL] [--json]`,
  options: {
    out: { type: 'string' },
    passphrase: { type: 'string' },
    'passphrase-env': { type: 'string' },
    force: { type: 'boolean' },
    'public-key': { type: 'string' },
    'phone-number-id': { type: 'string' },
    'base-url': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  help: `Subcommands:
  generate   write private.pem (mode 600) and public.pem (mode 644): a 2048-bit RSA pair, as Meta requires
  upload     upload public.pem as the business public key of a phone number (once per number)

Options of generate:
  --out <dir>              where to write the keys (default .)
  --passphrase-env <name>  encrypt private.pem with the passphrase in this environment variable
                           (PKCS#1 DES-EDE3-CBC, like openssl genrsa -des3)
  --passphrase <p>         the same, given inline (it stays in your shell history: prefer --passphrase-env)
  --force                  replace existing key files
  --json                   print {"privateKey","publicKey"} (the paths) as JSON on stdout

Options of upload:
  --public-key <file>      the public key PEM (default ./public.pem); a private key is refused
  --phone-number-id <id>   the business phone number (default: WA_PHONE_NUMBER_ID)
  --base-url <url>         Graph API origin (default: WA_BASE_URL, else https://graph.facebook.com)
  --json                   print {"success","phoneNumberId","signatureStatus"} as JSON on stdout
  The access token comes from CLOUD_API_ACCESS_TOKEN (never from the command line).

Exit codes: 0 done, 1 uploaded but the signature status is MISMATCH, 2 usage, I/O or Graph API error.

Examples:
  $ meta-cloud-api keys generate --out keys
  $ FLOW_KEY_PASSPHRASE=... meta-cloud-api keys generate --out keys --passphrase-env FLOW_KEY_PASSPHRASE
  $ CLOUD_API_ACCESS_TOKEN=... meta-cloud-api keys upload --public-key keys/public.pem --phone-number-id 1234567890
  $ meta-cloud-api keys upload --base-url http://127.0.0.1:4010 --json`,
  async run(values, positionals, io) {
    const [sub, ...extra] = positionals;
    if (sub !== 'generate' && sub !== 'upload') {
      throw new UsageError(sub === undefined ? 'keys needs a subcommand: generate or upload.' : `Unknown keys subcommand '${sub}'.${didYouMean(sub, ['generate', 'upload'])} Use generate or upload.`);
    }
    if (extra.length) throw new UsageError(`keys ${sub} takes no arguments; got ${extra.join(' ')}`);
    const foreign = sub === 'generate' ? ['public-key', 'phone-number-id', 'base-url'] : ['out', 'passphrase', 'passphrase-env', 'force'];
    const misplaced = foreign.find((name) => values[name] !== undefined);
    if (misplaced) throw new UsageError(`--${misplaced} is not an option of keys ${sub}.`);
    if (sub === 'upload') {
      const { keysUploadCommand } = await import('../commands/keys.js');
      return keysUploadCommand(
        {
          publicKey: (values['public-key'] as string | undefined) ?? './public.pem',
          json: values.json as boolean,
          ...(values['phone-number-id'] !== undefined ? { phoneNumberId: values['phone-number-id'] as string } : {}),
          ...(values['base-url'] !== undefined ? { baseUrl: values['base-url'] as string } : {}),
        },
        io,
      );
    }
    if (values.passphrase !== undefined && values['passphrase-env'] !== undefined) throw new UsageError('Give --passphrase or --passphrase-env, not both.');
    let passphrase = values.passphrase as string | undefined;
    if (passphrase) io.stderr('note: a passphrase given with --passphrase stays in your shell history; prefer --passphrase-env NAME.');
    const envName = values['passphrase-env'] as string | undefined;
    if (envName !== undefined) {
      passphrase = io.env[envName];
      if (!passphrase) throw new UsageError(`--passphrase-env ${envName}: the environment variable ${envName} is not set or empty.`);
    }
    const { keysGenerateCommand } = await import('../commands/keys.js');
    return keysGenerateCommand(
      {
        out: (values.out as string | undefined) ?? '.',
        force: values.force === true,
        json: values.json as boolean,
        ...(passphrase !== undefined ? { passphrase } : {}),
      },
      io,
    );
  },
};

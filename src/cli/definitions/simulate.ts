import type { CliIO } from '../io.js';
import { UsageError } from '../errors.js';
import type { CommandDefinition } from './definition.js';

/** `meta-cloud-api simulate`: its help, options, and a lazy import of its implementation. */
export const simulateDefinition: CommandDefinition = {
  name: 'simulate',
  summary: 'Walk a flow as the WhatsApp client would, offline or against your data endpoint',
  usage: 'meta-cloud-api simulate <flow.json> [--answers answers.json] [--screen ID] [--data JSON] [--token T] [--endpoint URL --public-key FILE [--app-secret S]] [--action navigate|data_exchange] [--strict] [--json]',
  options: {
    answers: { type: 'string' },
    screen: { type: 'string' },
    data: { type: 'string' },
    token: { type: 'string' },
    endpoint: { type: 'string' },
    'public-key': { type: 'string' },
    'app-secret': { type: 'string' },
    action: { type: 'string' },
    strict: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
  help: `Opens the flow (the entry screen, or --screen with --data, as the flow message would; with --endpoint, INIT),
then fills and submits screen after screen until the flow completes:
  with --answers: the answers in the file, { "<SCREEN_ID>": { "<field>": value } };
  without, stdin not a terminal: generated valid answers for every input;
  without, stdin a terminal: asks for each input.

Options:
  --answers <file>       scripted answers per screen (a NavigationList answer is an item id; "$click" clicks a link)
  --screen <id>          first screen (default: the entry screen)
  --data <json>          the message's flow_action_payload.data (default: the screen's __example__ values)
  --token <t>            flow token (default: unused)
  --endpoint <url>       the data endpoint; requests are encrypted like WhatsApp's
  --public-key <file>    the business public key PEM (with --endpoint)
  --app-secret <s>       sign requests with X-Hub-Signature-256 (default: WA_APP_SECRET, with --endpoint)
  --action <a>           navigate or data_exchange (default: data_exchange with --endpoint unless --screen/--data)
  --strict               fail on endpoint answers Meta only warns about (declared fields left out of the data,
                         a SUCCESS without flow_token); without it they are printed as warnings and the walk goes on
  --json                 print only the completion (response_json, flow_token, response, ...) as JSON on stdout

Progress goes to stderr. Exit codes: 0 the flow completed, 1 the flow, an input or the endpoint failed,
2 usage or I/O error.

Examples:
  $ meta-cloud-api simulate flow.json < /dev/null
  $ meta-cloud-api simulate flow.json --answers answers.json --json
  $ meta-cloud-api simulate flow.json --endpoint http://127.0.0.1:3000/flow --public-key public.pem`,
  async run(values, positionals, io) {
    if (positionals.length !== 1) throw new UsageError(`simulate needs one Flow JSON file: meta-cloud-api simulate flow.json${positionals.length ? ` (got ${positionals.join(' ')})` : ''}`);
    const { simulateCommand, terminalPrompt } = await import('../commands/simulate.js');
    const str = (name: string) => (values[name] === undefined ? {} : { [name]: values[name] as string });
    const appSecret = (values['app-secret'] ?? (values.endpoint !== undefined ? io.env.WA_APP_SECRET : undefined)) as string | undefined;
    const prompt = (io as CliIO & { prompt?: import('../commands/simulate.js').SimulatePrompt }).prompt ?? terminalPrompt();
    return simulateCommand(
      {
        file: positionals[0]!,
        json: values.json as boolean,
        strict: values.strict === true,
        ...str('answers'),
        ...str('screen'),
        ...str('data'),
        ...str('token'),
        ...str('endpoint'),
        ...str('action'),
        ...(values['public-key'] !== undefined ? { publicKey: values['public-key'] as string } : {}),
        ...(appSecret !== undefined ? { appSecret } : {}),
      },
      io,
      prompt,
    );
  },
};

import { wholeNumberOption } from '../args.js';
import { UsageError } from '../errors.js';
import type { CommandDefinition } from './definition.js';

/** `meta-cloud-api preview`: its help, options, and a lazy import of its implementation. */
export const previewDefinition: CommandDefinition = {
  name: 'preview',
  summary: 'See a flow as WhatsApp shows it, in your browser, and click through it (or write screenshots)',
  usage: 'meta-cloud-api preview <flow.json> [--port 4020] [--open] [--screen ID] [--data JSON] [--token T] [--endpoint URL --public-key FILE [--app-secret S] | --handler FILE] [--screenshot DIR [--look android|ios|web] [--theme light|dark] [--answers FILE] [--chromium PATH]]',
  options: {
    port: { type: 'string', default: '4020' },
    host: { type: 'string', default: '127.0.0.1' },
    open: { type: 'boolean', default: false },
    screen: { type: 'string' },
    data: { type: 'string' },
    token: { type: 'string' },
    endpoint: { type: 'string' },
    handler: { type: 'string' },
    'public-key': { type: 'string' },
    'app-secret': { type: 'string' },
    screenshot: { type: 'string' },
    look: { type: 'string' },
    theme: { type: 'string' },
    answers: { type: 'string' },
    chromium: { type: 'string' },
  },
  help: `Starts a local server (127.0.0.1, port 4020) and prints the URL of a page that shows the flow inside a
phone, as WhatsApp does (Android, iOS or WhatsApp Web; light or dark). Fill it in and click through it: the page
runs the same simulator as 'meta-cloud-api simulate'. The side panel shows the validator's diagnostics, every
request to the data endpoint and its answer (decrypted), and the completion as the nfm_reply webhook carries it.
The page reloads the flow when the file changes. Stop with Ctrl-C.

Options:
  --port <n>             port (default 4020; 0 picks a free one)
  --host <h>             address to bind (default 127.0.0.1: this machine only)
  --open                 open the page in the default browser
  --screen <id>          first screen (default: the entry screen)
  --data <json>          the message's flow_action_payload.data (default: the screen's __example__ values)
  --token <t>            flow token (default: unused)
  --endpoint <url>       the data endpoint; the page encrypts each request as WhatsApp does (the server relays it)
  --public-key <file>    the business public key PEM (with --endpoint or --handler)
  --app-secret <s>       sign relayed requests with X-Hub-Signature-256 (default: WA_APP_SECRET); never sent to the page
  --handler <file>       a module whose default export (or 'handler') is a createFlowEndpoint(...) handler, run
                         in-process; it may export 'publicKey' (PEM) instead of --public-key
  --screenshot <dir>     walk the flow in headless Chromium and write one PNG per screen, then exit
  --look <l>             android, ios or web (with --screenshot; default android)
  --theme <t>            light or dark (with --screenshot; default light)
  --answers <file>       answers per screen for --screenshot, as 'simulate --answers' (default: generated)
  --chromium <path>      the Chromium to use (default: CHROME_PATH, else /usr/bin/chromium and usual paths)

Exit codes: 0 stopped (or screenshots written), 1 the flow stopped before completing (--screenshot), 2 usage or I/O error.

Examples:
  $ meta-cloud-api preview flows/order.flow.json --open
  $ meta-cloud-api preview flow.json --endpoint http://127.0.0.1:3000/flow --public-key public.pem
  $ meta-cloud-api preview flow.json --screenshot docs/screens --look ios`,
  async run(values, positionals, io) {
    if (positionals.length !== 1) throw new UsageError(`preview needs one Flow JSON file: meta-cloud-api preview flow.json${positionals.length ? ` (got ${positionals.join(' ')})` : ''}`);
    const { previewCommand } = await import('../commands/preview.js');
    const str = (name: string) => (values[name] === undefined ? undefined : (values[name] as string));
    const hasEndpoint = values.endpoint !== undefined || values.handler !== undefined;
    return previewCommand(
      {
        file: positionals[0]!,
        port: wholeNumberOption('port', values.port, 0, 65535),
        host: values.host as string,
        open: values.open === true,
        screen: str('screen'),
        data: str('data'),
        token: str('token'),
        endpoint: str('endpoint'),
        handler: str('handler'),
        publicKey: str('public-key'),
        appSecret: str('app-secret') ?? (hasEndpoint ? io.env.WA_APP_SECRET : undefined),
        screenshot: str('screenshot'),
        look: str('look'),
        theme: str('theme'),
        answers: str('answers'),
        chromium: str('chromium'),
      },
      io,
    );
  },
};

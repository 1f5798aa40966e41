import { KeyFormatError } from '../../endpoint/keys/errors.js';
import { FlowSimulator, runInteractive, SimulatorError, type FlowAnswers, type FlowCompletion, type SimulatorEvent } from '../../simulator/index.js';
import { CommandError, UsageError } from '../errors.js';
import type { CliIO } from '../io.js';
import { parseJsonObject, readInput } from '../command-inputs.js';

export interface SimulateCommandOptions {
  /** The Flow JSON file. */
  file: string;
  /** answers.json: `{ "<SCREEN_ID>": { "<field>": value } }`. */
  answers?: string;
  /** First screen (navigate). */
  screen?: string;
  /** `flow_action_payload.data` as JSON text. */
  data?: string;
  token?: string;
  endpoint?: string;
  /** The business public key PEM file. */
  publicKey?: string;
  appSecret?: string;
  /** `navigate` or `data_exchange` (default: data_exchange with --endpoint and no --screen/--data, else navigate). */
  action?: string;
  /** Endpoint answers Meta's rules only warn about (omitted fields, SUCCESS without flow_token) fail the run. */
  strict?: boolean;
  json: boolean;
}

/** How the command talks to a person: whether stdin is a terminal, and how to ask (node:readline by default). */
export interface SimulatePrompt {
  stdinIsTTY: boolean;
  ask(question: string): Promise<string>;
  close(): void;
}

/**
 * `meta-cloud-api simulate`: walks a flow with scripted answers (--answers), generated ones (stdin not a terminal)
 * or answers typed at prompts (stdin a terminal). Progress goes to stderr; the completion to stdout.
 * Endpoint answers Meta's rules only warn about are printed as warnings (stderr) and the walk goes on; with
 * `--strict` they fail it. Exit codes: 0 completed, 1 the flow, an input or the endpoint failed, 2 usage or I/O error.
 */
export async function simulateCommand(options: SimulateCommandOptions, io: CliIO, prompt?: SimulatePrompt): Promise<number> {
  const flowText = await readInput(io, options.file, 'Flow JSON');
  const data = options.data === undefined ? undefined : parseJsonObject(options.data, '--data');
  if (options.endpoint !== undefined) {
    if (!/^https?:\/\//.test(options.endpoint)) throw new UsageError(`--endpoint must be an http(s) URL; got ${options.endpoint}`);
    if (options.publicKey === undefined) throw new UsageError('--endpoint needs --public-key FILE (the business public key) to encrypt requests.');
  } else if (options.publicKey !== undefined || options.appSecret !== undefined) {
    throw new UsageError('--public-key and --app-secret go with --endpoint URL.');
  }
  const action = options.action ?? (options.endpoint !== undefined && options.screen === undefined && data === undefined ? 'data_exchange' : 'navigate');
  if (action !== 'navigate' && action !== 'data_exchange') throw new UsageError(`--action must be navigate or data_exchange; got ${action}`);
  if (action === 'data_exchange' && (options.screen !== undefined || data !== undefined)) throw new UsageError('--screen and --data go with --action navigate (data_exchange sends INIT: the endpoint picks the screen).');
  const publicKey = options.publicKey === undefined ? undefined : await readInput(io, options.publicKey, 'public key');
  const answers = options.answers === undefined ? undefined : parseAnswers(await readInput(io, options.answers, 'answers'), options.answers);

  const interactive = answers === undefined && prompt?.stdinIsTTY === true;
  try {
    const sim = new FlowSimulator({
      flowJson: flowText,
      onEvent: (event) => progress(io, event, interactive),
      ...(options.endpoint !== undefined ? { endpoint: options.endpoint, publicKey } : {}),
      ...(options.appSecret !== undefined ? { appSecret: options.appSecret } : {}),
      ...(options.token !== undefined ? { flowToken: options.token } : {}),
      ...(options.strict ? { strict: true } : {}),
    });
    await sim.open(action === 'data_exchange' ? { action } : { ...(options.screen !== undefined ? { screen: options.screen } : {}), ...(data ? { data } : {}) });
    let completion: FlowCompletion;
    if (answers) completion = await sim.run(answers);
    else if (interactive) completion = await runInteractive(sim, { ask: (q) => prompt!.ask(q), say: (t) => io.stderr(t) });
    else completion = await sim.runAuto();
    const warned = sim.warnings.length ? ` with ${sim.warnings.length} warning${sim.warnings.length === 1 ? '' : 's'} (--strict makes them failures)` : '';
    io.stdout(options.json ? JSON.stringify(completion, null, 2) : `Completed on ${completion.screen} (${completion.source === 'endpoint' ? 'the endpoint answered SUCCESS' : 'complete action'})${warned}\nresponse_json: ${completion.response_json}`);
    return 0;
  } catch (error) {
    if (error instanceof KeyFormatError) throw new CommandError(`${options.publicKey}: ${error.message}`);
    if (error instanceof SimulatorError) throw new CommandError(`${error.name}: ${error.message}`, 1);
    throw error;
  } finally {
    prompt?.close();
  }
}

/** Prompts on the terminal with node:readline (on stderr, so stdout keeps only the result); opened on the first question. */
export function terminalPrompt(): SimulatePrompt {
  let rl: import('node:readline/promises').Interface | undefined;
  return {
    stdinIsTTY: Boolean(process.stdin.isTTY),
    async ask(question) {
      rl ??= (await import('node:readline/promises')).createInterface({ input: process.stdin, output: process.stderr });
      return rl.question(question).catch(() => {
        throw new CommandError('stdin closed before the flow completed.');
      });
    },
    close: () => rl?.close(),
  };
}

function progress(io: CliIO, event: SimulatorEvent, interactive: boolean): void {
  if (event.type === 'screen') io.stderr(`→ ${event.screen}${event.title ? ` "${event.title}"` : ''}${event.via === 'open' ? '' : ` (${event.via})`}`);
  else if (event.type === 'fill' && !interactive) io.stderr(`    ${event.field} = ${short(event.value)}`);
  else if (event.type === 'request') io.stderr(`  ⇢ ${event.action} to the endpoint${event.screen ? ` from ${event.screen}` : ''}`);
  else if (event.type === 'warning') io.stderr(`  ⚠ warning, ${event.warning.error}: ${event.warning.message}`);
  else if (event.type === 'complete') io.stderr(`✔ completed on ${event.completion.screen}`);
}


function parseAnswers(text: string, path: string): FlowAnswers {
  const answers = parseJsonObject(text, path);
  for (const [screen, fields] of Object.entries(answers)) {
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) throw new UsageError(`${path}: the answers of screen ${screen} must be an object of field names to values.`);
  }
  return answers as FlowAnswers;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}

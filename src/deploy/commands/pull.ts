import type { CliIO } from '../../cli/io.js';
import { pullFlows, type PullOptions } from '../pull.js';
import { failed } from './plan.js';

/** `meta-cloud-api pull`: exit 0 when every flow was written, 1 on errors. */
export async function pullCommand(options: Omit<PullOptions, 'env'> & { json: boolean }, io: CliIO): Promise<number> {
  try {
    const { json, ...pull } = options;
    const result = await pullFlows({ ...pull, env: io.env });
    if (json) io.stdout(JSON.stringify(result, null, 2));
    else {
      io.stdout(`Pulled ${result.written.length} flow(s) of environment ${options.environment}:${result.written.map((f) => `\n  ${f}`).join('')}`);
      if (result.skipped.length) io.stdout(`Left out (no Flow JSON uploaded): ${result.skipped.join(', ')}`);
      if (result.templatesAdded.length) io.stdout(`Adopted ${result.templatesAdded.length} template(s): ${result.templatesAdded.join(', ')}`);
      for (const why of result.templatesSkipped) io.stdout(`Template left out: ${why}`);
      if (result.configUpdated) io.stdout(`Updated ${result.configFile} and flows.lock.json.`);
      else if (result.snippet) io.stdout(`Add these entries to ${result.configFile} (a .mjs/.ts config is not rewritten):\n${result.snippet}`);
    }
    return 0;
  } catch (error) {
    return failed(error, json(options), io);
  }
}

const json = (options: { json: boolean }) => (options.json ? 'json' : 'pretty');

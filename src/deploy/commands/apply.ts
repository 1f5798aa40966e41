import type { CliIO } from '../../cli/io.js';
import { applyPlan } from '../apply.js';
import { formatPlan } from '../format.js';
import { createPlan } from '../plan.js';
import { failed } from './plan.js';

export interface ApplyCommandOptions {
  config?: string;
  environment?: string;
  /** Apply without asking. Without it, apply only shows the plan (and exits 1 when it has changes). */
  yes: boolean;
  json: boolean;
}

/** `meta-cloud-api apply`: exit 0 when applied (or nothing to do), 1 on errors or when --yes is missing. */
export async function applyCommand(options: ApplyCommandOptions, io: CliIO): Promise<number> {
  const format = options.json ? 'json' : 'pretty';
  try {
    const { plan, context } = await createPlan({ ...(options.config ? { config: options.config } : {}), ...(options.environment ? { environment: options.environment } : {}), env: io.env });
    if (!options.json) io.stderr(formatPlan(plan));
    if (plan.errors) {
      if (options.json) io.stdout(JSON.stringify({ plan, applied: 0 }, null, 2));
      return 1;
    }
    if (plan.changes && !options.yes) {
      io.stderr('meta-cloud-api: apply changes flows and templates in WhatsApp: run it again with --yes to go ahead.');
      if (options.json) io.stdout(JSON.stringify({ plan, applied: 0 }, null, 2));
      return 1;
    }
    const result = await applyPlan(plan, context, { onStep: (step) => io.stderr(`  ${step}`) });
    if (options.json) io.stdout(JSON.stringify({ plan, applied: result.steps }, null, 2));
    else io.stderr(result.steps === 0 ? 'Nothing to apply; the lock is up to date.' : `Applied ${result.steps} step(s); ${context.lockFile} is up to date.`);
    return 0;
  } catch (error) {
    return failed(error, format, io);
  }
}

import type { CliIO } from '../../cli/io.js';
import { formatPlan, formatPlanAnnotations } from '../format.js';
import { createPlan } from '../plan.js';

export interface PlanCommandOptions {
  config?: string;
  environment?: string;
  format: 'pretty' | 'github' | 'json';
}

/**
 * `meta-cloud-api plan`: exit 0 when nothing would change, 2 when something would (like `terraform plan
 * -detailed-exitcode`), 1 on errors (local validation, config, lock, remote reads).
 */
export async function planCommand(options: PlanCommandOptions, io: CliIO): Promise<number> {
  try {
    const { plan } = await createPlan({ ...(options.config ? { config: options.config } : {}), ...(options.environment ? { environment: options.environment } : {}), env: io.env });
    if (options.format === 'json') io.stdout(JSON.stringify(plan, null, 2));
    else {
      io.stdout(formatPlan(plan));
      if (options.format === 'github') {
        const annotations = formatPlanAnnotations(plan);
        if (annotations) io.stdout(annotations);
      }
    }
    return plan.errors ? 1 : plan.changes ? 2 : 0;
  } catch (error) {
    return failed(error, options.format, io);
  }
}

/** A plan, apply or pull that could not run: the message on stderr (and as JSON on stdout with --json); exit 1. */
export function failed(error: unknown, format: string, io: CliIO): number {
  const message = (error as Error)?.message ?? String(error);
  if (format === 'json') io.stdout(JSON.stringify({ error: message }, null, 2));
  else if (format === 'github') io.stdout(`::error::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`);
  io.stderr(`meta-cloud-api: ${message}`);
  return 1;
}

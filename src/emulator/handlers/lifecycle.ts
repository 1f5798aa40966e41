import { retireJson, setStatus, type EmulatorContext } from '../context.js';
import { flowError } from '../graph-error.js';
import { publishingProblems } from '../publishing-checks.js';
import { findFlow } from './flows.js';
import { allowedNext } from '../lifecycle-guard.js';
import type { FlowStatus } from '../../enums/flow-status.js';

/** `POST /{flow}/publish`: DRAFT only (src/platform/lifecycle.ts), and every local publishing check must pass (flows-platform §1.3.7, §1.8). */
export function publishFlow(ctx: EmulatorContext, id: string): Record<string, unknown> {
  const flow = findFlow(ctx, id, 'post');
  const next = allowedNext(flow, 'publish') as FlowStatus;
  const problems = publishingProblems(ctx, flow);
  if (problems.length > 0) throw flowError(139002, problems[0]!.title, problems.map((p) => p.description).join(' '));
  const previous = flow.published;
  flow.published = flow.json;
  retireJson(flow, previous);
  setStatus(ctx, flow, next);
  return { success: true };
}

/** `POST /{flow}/deprecate`: published (or throttled/blocked) flows only (src/platform/lifecycle.ts). */
export function deprecateFlow(ctx: EmulatorContext, id: string): Record<string, unknown> {
  const flow = findFlow(ctx, id, 'post');
  setStatus(ctx, flow, allowedNext(flow, 'deprecate') as FlowStatus);
  return { success: true };
}

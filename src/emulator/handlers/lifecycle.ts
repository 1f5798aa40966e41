import { retireJson, setStatus, type EmulatorContext } from '../context.js';
import { flowError } from '../graph-error.js';
import { publishingProblems } from '../publishing-checks.js';
import { findFlow } from './flows.js';

/** `POST /{flow}/publish`: DRAFT only, and every local publishing check must pass (flows-platform §1.3.7, §1.8). */
export function publishFlow(ctx: EmulatorContext, id: string): Record<string, unknown> {
  const flow = findFlow(ctx, id, 'post');
  if (flow.status !== 'DRAFT') throw flowError(139002, 'Publishing Flow in invalid state', `Only DRAFT flows can be published; this flow is ${flow.status}.`);
  const problems = publishingProblems(ctx, flow);
  if (problems.length > 0) throw flowError(139002, problems[0]!.title, problems.map((p) => p.description).join(' '));
  const previous = flow.published;
  flow.published = flow.json;
  retireJson(flow, previous);
  setStatus(ctx, flow, 'PUBLISHED');
  return { success: true };
}

/** `POST /{flow}/deprecate`: published (or throttled/blocked) flows only. */
export function deprecateFlow(ctx: EmulatorContext, id: string): Record<string, unknown> {
  const flow = findFlow(ctx, id, 'post');
  if (flow.status === 'DEPRECATED') throw flowError(139003, 'Flow is already deprecated');
  if (flow.status === 'DRAFT') throw flowError(139003, "Can't deprecate unpublished flow", 'Only published flows can be deprecated. Delete the draft instead.');
  setStatus(ctx, flow, 'DEPRECATED');
  return { success: true };
}

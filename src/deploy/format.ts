import type { FlowStep, Plan, PlanMessage } from './types.js';

const MARK: Record<PlanMessage['severity'], string> = { error: 'error', warning: 'warning', info: 'note' };

/** A plan as text for people: per flow and template what apply would do, then the messages. */
export function formatPlan(plan: Plan): string {
  const lines: string[] = [`Plan for environment ${plan.environment}:`];
  for (const m of plan.messages) lines.push(`  ${MARK[m.severity]}: ${where(m)}${m.message}`);
  for (const flow of plan.flows) {
    const state = flow.id ? `${flow.id}, ${flow.status ?? 'unknown status'}` : 'not created yet';
    lines.push(`  flow ${flow.key} ("${flow.name}", ${state}): ${flow.steps.length === 0 ? 'no change' : flow.steps.map(describeStep).join(', then ')}`);
    for (const m of flow.messages) lines.push(`    ${MARK[m.severity]}: ${where(m)}${m.message}`);
  }
  for (const t of plan.templates) {
    const state = t.id ? `${t.id}, ${t.status ?? 'unknown status'}` : 'not created yet';
    lines.push(`  template ${t.key} (${t.language}, ${state}): ${t.steps.length === 0 ? 'no change' : 'create'}`);
    for (const m of t.messages) lines.push(`    ${MARK[m.severity]}: ${m.message}`);
  }
  const changing = [...plan.flows, ...plan.templates].filter((x) => x.steps.length > 0).length;
  lines.push(plan.errors ? 'Errors: nothing can be applied until they are fixed.' : changing === 0 ? 'No changes.' : `${changing} to change: run \`meta-cloud-api apply --env ${plan.environment}\`.`);
  return lines.join('\n');
}

/** GitHub Actions workflow commands for the plan's errors and warnings (annotations on the pull request). */
export function formatPlanAnnotations(plan: Plan): string {
  const all = [...plan.messages, ...plan.flows.flatMap((f) => f.messages), ...plan.templates.flatMap((t) => t.messages)];
  return all
    .filter((m) => m.severity !== 'info')
    .map((m) => {
      const props = m.file ? ` file=${escapeProperty(m.file)}${m.line ? `,line=${m.line}` : ''}${m.column ? `,col=${m.column}` : ''}` : '';
      return `::${m.severity}${props}::${escapeData(`[${plan.environment}] ${m.message}`)}`;
    })
    .join('\n');
}

export function describeStep(step: FlowStep): string {
  switch (step.kind) {
    case 'create':
      return 'create';
    case 'upload':
      return 'upload new JSON';
    case 'update-metadata':
      return `update metadata (${Object.keys(step.fields).join(', ')})`;
    case 'publish':
      return 'publish';
  }
}

function where(m: PlanMessage): string {
  return m.file ? `${m.file}${m.line ? `:${m.line}:${m.column ?? 1}` : ''}: ` : '';
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

import { InvalidArgumentError } from '../core/errors.js';
import { RULE_IDS, isRuleId, type RuleId } from './rule-ids.js';

/** What a rule override may say: turn the rule off, or give every finding of it this severity. */
export type RuleLevel = 'off' | 'warning' | 'error';
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'warning', 'error'];

/** Severity overrides by rule id, as `validateFlowJson(text, { rules })` takes them. */
export type RuleLevels = Partial<Record<RuleId, RuleLevel>>;

/** Checks the overrides (ids and levels) and returns them as a map; undefined when there are none. */
export function resolveRuleLevels(levels: RuleLevels | undefined): ReadonlyMap<string, RuleLevel> | undefined {
  if (levels === undefined) return undefined;
  if (typeof levels !== 'object' || levels === null || Array.isArray(levels)) {
    throw new InvalidArgumentError(
      "validateFlowJson: 'rules' must be an object of severity overrides, e.g. { 'flow-json/component-max-limits': 'error' } (to run only some rules, use 'only').",
    );
  }
  const out = new Map<string, RuleLevel>();
  for (const [id, level] of Object.entries(levels)) {
    if (!isRuleId(id)) throw new InvalidArgumentError(`validateFlowJson: unknown rule id ${JSON.stringify(id)} in 'rules'. ${suggest(id)}`);
    if (!RULE_LEVELS.includes(level as RuleLevel)) {
      throw new InvalidArgumentError(`validateFlowJson: rule ${id} has level ${JSON.stringify(level)}; use 'off', 'warning' or 'error'.`);
    }
    out.set(id, level as RuleLevel);
  }
  return out;
}

/** A hint for a mistyped id: the id with its prefix, the ids that contain it, or the whole list. */
export function suggest(id: string): string {
  const tail = id.replace(/^flow-json\//, '');
  if (!id.startsWith('flow-json/') && isRuleId(`flow-json/${tail}`)) return `Did you mean flow-json/${tail}?`;
  const close = tail.length >= 3 ? RULE_IDS.filter((r) => r.includes(tail)) : [];
  if (close.length > 0 && close.length <= 5) return `Did you mean ${close.join(', ')}?`;
  return `Known rule ids: ${RULE_IDS.join(', ')}.`;
}

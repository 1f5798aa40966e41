import { isNestedExpression } from './binding-syntax.js';
import type { RuleContext } from '../rule.js';
import type { ScreenString } from './screen-strings.js';

/**
 * Meta checks the variables of nested expressions inside actions only from 7.2 (flows-platform §2.2, 7.2 row).
 * Before that a missing one uploads but breaks at run time: a warning, not an error.
 */
export function referenceSeverity(ctx: RuleContext, s: ScreenString): 'warning' | undefined {
  return s.action !== undefined && isNestedExpression(s.text) && ctx.atLeast('6.0') && !ctx.atLeast('7.2') ? 'warning' : undefined;
}

import { isNestedExpression, isSingleBinding } from './binding-syntax.js';
import type { ScreenString } from './screen-strings.js';

/**
 * Static text mixed with a `${…}` reference outside a nested expression (`"Cart:\n${data.items}"`). Meta's docs call
 * it a compile error (flows-platform §2.6), but Meta publishes such flows and WhatsApp shows the `${…}` literally
 * (flows-platform §6.5): the value is plain text, its references are never resolved. So the
 * binding-mixed-with-text rule warns about it, and the reference rules (data, form, global) leave its references
 * alone, as Meta does. Inside actions (payloads, `url`) the reference rules keep their say; `If.condition` is an
 * expression of its own; before 6.0 backticks mean nothing, so `` `…${…}…` `` is mixed text too.
 */
export function isLiteralText(s: ScreenString, nestedExpressions: boolean): boolean {
  if (s.action || !s.text.includes('${') || isSingleBinding(s.text)) return false;
  if (s.direct && s.component?.type === 'If' && s.property === 'condition') return false;
  const expressionAllowed = !(s.direct && (s.property === 'name' || s.property === 'type'));
  return !(nestedExpressions && expressionAllowed && isNestedExpression(s.text));
}

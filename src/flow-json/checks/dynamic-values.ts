/** Dynamic values in component properties (flows-platform §2.6): `${…}` bindings, and from 6.0 backtick expressions. */
import { isNestedExpression, isSingleBinding } from '../references/binding-syntax.js';

/**
 * The whole value is dynamic: one binding, or (when `expressions`, i.e. from 6.0) a nested expression. Accepted in
 * place of a non-string value.
 */
export function isDynamicValue(value: string, expressions: boolean): boolean {
  return isSingleBinding(value) || (expressions && isNestedExpression(value));
}

/** The value is not fully static (it holds a binding or is an expression): limits and enums do not apply to it. */
export function hasDynamicPart(value: string, expressions: boolean): boolean {
  return value.includes('${') || (expressions && isNestedExpression(value));
}

/** Length in characters (code points), so an emoji counts once. */
export function charLength(value: string): number {
  let n = value.length;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // A surrogate pair (emoji and other astral characters) is one character.
    if (c >= 0xd800 && c <= 0xdbff) {
      n--;
      i++;
    }
  }
  return n;
}

/** Empty or only whitespace (`""`, `" "`, `"\n"`, `"\t"`…), as `trim` sees it. */
export function isBlank(value: string): boolean {
  const first = value.charCodeAt(0);
  // Most strings start with a visible ASCII character: no need to trim them.
  if (first > 32 && first < 127) return false;
  return value.trim() === '';
}

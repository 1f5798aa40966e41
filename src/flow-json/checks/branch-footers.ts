import { isObject } from '../values.js';

/**
 * Whether a branch (an If's `then`/`else`, a Switch case) holds a Footer directly, or through a Switch whose
 * cases hold one. Not a rule: a helper for the Footer-in-branches rules.
 */
export function branchHasFooter(list: unknown): boolean {
  if (!Array.isArray(list)) return false;
  return list.some(
    (node) =>
      isObject(node) &&
      (node.type === 'Footer' ||
        (node.type === 'Switch' && isObject(node.cases) && Object.values(node.cases).some((c) => Array.isArray(c) && c.some((n) => isObject(n) && n.type === 'Footer')))),
  );
}

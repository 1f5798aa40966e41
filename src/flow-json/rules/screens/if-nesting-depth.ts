import { defineRule } from '../../rule.js';

const MAX_IF_NESTING = 3;

/**
 * At most 3 nested If components (flows-platform §2.10). Code and message: Meta's catalogue has none; these are
 * the ones Meta's Flow Builder validator reports (`MAXIMUM_IF_NESTING`).
 */
export const ifNestingDepthRule = defineRule({
  id: 'flow-json/if-nesting-depth',
  description: 'If components are nested at most 3 deep.',
  severity: 'error',
  versions: { from: '4.0' },
  evidence: 'flows-platform §2.10 If ("Nest ≤3 Ifs"); Meta Flow Builder validator MAXIMUM_IF_NESTING',
  check(ctx) {
    return ctx.model.components
      .filter((c) => c.type === 'If' && c.ifDepth >= MAX_IF_NESTING)
      .map((c) => ({ code: 'MAXIMUM_IF_NESTING', message: "The 'If' component can only be nested up to 3 levels deep.", path: c.path }));
  },
});

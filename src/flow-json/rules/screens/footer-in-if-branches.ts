import type { Finding } from '../../diagnostics.js';
import { defineRule } from '../../rule.js';
import { branchHasFooter } from '../../checks/branch-footers.js';

/**
 * An If with a Footer in one branch has an `else` and a Footer in both branches (flows-platform §2.10).
 * Wording from Meta's error catalogue (the Components page words the same errors slightly differently).
 */
export const footerInIfBranchesRule = defineRule({
  id: 'flow-json/footer-in-if-branches',
  description: 'If a branch of an If has a Footer, else exists and both branches have one.',
  severity: 'error',
  versions: { from: '4.0' },
  evidence: 'flows-platform §2.10 If, §2.12 MISSING_FOOTER_IN_IF_ELSE_BRANCHES',
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.model.components) {
      if (c.type !== 'If') continue;
      const inThen = branchHasFooter(c.node.then);
      const inElse = branchHasFooter(c.node.else);
      if (inThen === inElse) continue;
      if (c.node.else === undefined) {
        findings.push({
          code: 'MISSING_FOOTER_IN_IF_ELSE_BRANCHES',
          message: "Missing Footer inside one of the 'If' component branches. Branch 'else' should exist and contain one Footer.",
          path: c.path,
        });
      } else {
        findings.push({
          code: 'MISSING_FOOTER_IN_IF_ELSE_BRANCHES',
          message: "Footer component must be present in all branches of 'If' component if it exists in any one branch.",
          path: [...c.path, inThen ? 'else' : 'then'],
        });
      }
    }
    return findings;
  },
});

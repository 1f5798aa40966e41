import type { Finding } from '../../diagnostics.js';
import type { JsonPath } from '../../parse.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../../values.js';

/** How many Footers one rendering of `list` can show, and where the first one is. */
interface Count {
  footers: number;
  first: JsonPath | undefined;
}

const NONE: Count = { footers: 0, first: undefined };

/**
 * At most one Footer per screen, counting the branches of an If or a Switch as alternatives: Footers in the
 * `then` and `else` of one If are fine, a Footer in a branch plus one outside the If is not (flows-platform
 * §2.10, §2.11). Each Footer (or If/Switch holding one) past the first is reported.
 */
export const footerCountRule = defineRule({
  id: 'flow-json/footer-count',
  description: 'A screen shows at most one Footer, If/Switch branches counted as alternatives.',
  severity: 'error',
  versions: 'all',
  evidence: 'flows-platform §2.11, §2.12 MORE_THAN_ONE_FOOTER',
  check(ctx) {
    const findings: Finding[] = [];
    for (const screen of ctx.model.screens) {
      const layout = screen.node.layout;
      if (isObject(layout) && Array.isArray(layout.children)) countList(layout.children, [...screen.path, 'layout', 'children'], findings);
    }
    return findings;
  },
});

/** Footers along the worst path through `list`, reporting each one that makes the running count exceed 1. */
function countList(list: unknown[], path: JsonPath, findings: Finding[]): Count {
  const total: Count = { footers: 0, first: undefined }; // mutated below: not the shared NONE
  for (let i = 0; i < list.length; i++) {
    const here = countNode(list[i], path, i, findings);
    if (here.footers === 0) continue;
    if (total.footers >= 1) {
      findings.push({ code: 'MORE_THAN_ONE_FOOTER', message: 'Maximum number of Footer component allowed per screen is 1.', path: here.first ?? [...path, i] });
    }
    total.footers += here.footers;
    total.first ??= here.first;
  }
  return total;
}

/** `node` is item `i` of the list at `parent`; its own path is only built for the types that need it. */
function countNode(node: unknown, parent: JsonPath, i: number, findings: Finding[]): Count {
  if (!isObject(node)) return NONE;
  switch (node.type) {
    case 'Footer':
      return { footers: 1, first: [...parent, i] };
    case 'Form':
      return Array.isArray(node.children) ? countList(node.children, [...parent, i, 'children'], findings) : NONE;
    case 'If':
      return worst([
        Array.isArray(node.then) ? countList(node.then, [...parent, i, 'then'], findings) : undefined,
        Array.isArray(node.else) ? countList(node.else, [...parent, i, 'else'], findings) : undefined,
      ]);
    case 'Switch':
      if (!isObject(node.cases)) return NONE;
      return worst(
        Object.entries(node.cases).map(([key, list]) => (Array.isArray(list) ? countList(list, [...parent, i, 'cases', key], findings) : undefined)),
      );
    default:
      return NONE;
  }
}

/** Alternatives: the branch with the most Footers counts. */
function worst(branches: Array<Count | undefined>): Count {
  let out: Count = NONE;
  for (const b of branches) if (b && b.footers > out.footers) out = b;
  return out;
}

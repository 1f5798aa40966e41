import { describe, expect, it } from 'vitest';
import { baseFlow, runRule } from '../helpers.js';

const rule = 'flow-json/if-nesting-depth';
const text = () => ({ type: 'TextBody', text: 'Hi' });

/** `depth` Ifs nested in each other's `else`, the innermost holding a text. */
function nested(depth: number): any {
  let inner: unknown = text();
  for (let i = 0; i < depth; i++) inner = { type: 'If', condition: '${data.a}', then: [text()], else: [inner] };
  const flow = baseFlow();
  flow.screens[1].layout.children.unshift(inner);
  return flow;
}

describe(rule, () => {
  it('accepts up to 3 nested Ifs', () => {
    expect(runRule(rule, nested(3))).toEqual([]);
  });

  it('reports a fourth and deeper level, at each such If', () => {
    const found = runRule(rule, nested(5));
    expect(found.map((d) => [d.error, d.message, d.path])).toEqual([
      ['MAXIMUM_IF_NESTING', "The 'If' component can only be nested up to 3 levels deep.", '/screens/1/layout/children/0/else/0/else/0/else/0'],
      ['MAXIMUM_IF_NESTING', "The 'If' component can only be nested up to 3 levels deep.", '/screens/1/layout/children/0/else/0/else/0/else/0/else/0'],
    ]);
    expect(found[0]?.line_start).toBe(78);
  });
});

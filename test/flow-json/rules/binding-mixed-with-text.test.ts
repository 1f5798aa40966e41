import { describe, expect, it } from 'vitest';
import { validateFlowJson } from '../../../src/flow-json/validate.js';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/binding-mixed-with-text';

/** One terminal screen with a `name` string field and the given components. */
function flow(children: unknown[], version = '7.3', title = 'Only'): any {
  return {
    version,
    screens: [
      {
        id: 'ONLY',
        title,
        terminal: true,
        data: { name: { type: 'string', __example__: 'Ana' } },
        layout: {
          type: 'SingleColumnLayout',
          children: [...children, { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: { who: 'Name: ${data.name}' } } }],
        },
      },
    ],
  };
}

describe(rule, () => {
  it('accepts static text, single bindings, nested expressions (≥ 6.0) and If conditions', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const ok = flow(
      [
        { type: 'TextBody', text: '${data.name}' },
        { type: 'TextBody', text: "`'Hello ' ${data.name}`" },
        { type: 'TextBody', text: ['Static', '${data.name}'], markdown: true },
        { type: 'If', condition: "${data.name} == 'Ana'", then: [{ type: 'TextBody', text: 'Hi Ana' }] },
      ],
      '6.0',
      '${data.name}',
    );
    expect(runRule(rule, ok)).toEqual([]);
  });

  // flows-platform §6.5: Meta publishes "Cart:\n${data.items}" (a v6.2 flow read back after publishing, a second
  // project on 7.2) and WhatsApp shows the ${…} literally: a warning that says so, not an error.
  it('warns (§6.5: Meta publishes it, WhatsApp shows ${…} literally) on static text mixed with a binding, in components and titles', () => {
    const found = runRule(rule, flow([{ type: 'TextBody', text: ['Line', 'Hello ${data.name}!'], markdown: true }], '7.3', 'Hi ${data.name}'));
    const literally = ' WhatsApp shows `${data.name}` literally: use a reference alone, or backtick concatenation from 6.0.';
    expect(found.map((d) => [d.error, d.severity, d.message, d.path])).toEqual([
      ['INVALID_PROPERTY_VALUE', 'warning', 'Invalid value found for property title at $root/screens/0/title.' + literally, '/screens/0/title'],
      ['INVALID_PROPERTY_VALUE', 'warning', 'Invalid value found for property text at $root/screens/0/layout/children/0/text/1.' + literally, '/screens/0/layout/children/0/text/1'],
    ]);
    expect(summary(found)).toEqual(['INVALID_PROPERTY_VALUE@6', 'INVALID_PROPERTY_VALUE@21']);
    expect(summary(runRule(rule, flow([{ type: 'TextBody', text: '${data.name}${data.name}' }])))).toEqual(['INVALID_PROPERTY_VALUE@19']);
  });

  it('reads backticks as text before 6.0, and in name and type', () => {
    const old = runRule(rule, flow([{ type: 'TextBody', text: "`'Hello ' ${data.name}`" }], '5.1'));
    expect(old.map((d) => d.path)).toEqual(['/screens/0/layout/children/0/text']);
    expect(runRule(rule, flow([{ type: 'TextBody', text: '`plain text`' }], '5.1'))).toEqual([]);
    const name = runRule(rule, flow([{ type: 'TextInput', name: '`${data.name}`', label: 'Name' }]));
    expect(name.map((d) => d.path)).toEqual(['/screens/0/layout/children/0/name']);
  });
});

describe(`${rule} with every rule (flows-platform §6.5)`, () => {
  it('"Cart:\\n${data.items}" is valid: one warning, and no reference error for a text WhatsApp never resolves', () => {
    const f = flow([{ type: 'TextBody', text: 'Cart:\n${data.items} ${form.nothing} ${screen.NOWHERE.data.x}' }], '7.3');
    const result = validateFlowJson(f);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.warnings.map((d) => [d.rule, d.severity])).toEqual([[rule, 'warning']]);
    // Inside an action payload the references are still checked (§2.8).
    const payload = flow([], '7.3');
    payload.screens[0].layout.children[0]['on-click-action'].payload.who = 'Name: ${data.missing}';
    expect(validateFlowJson(payload).errors.map((d) => d.rule)).toEqual(['flow-json/data-reference']);
  });
});

import { describe, expect, it } from 'vitest';
import { runRule, summary } from '../helpers.js';

const rule = 'flow-json/data-source-item-schema';

const item = (properties: Record<string, unknown>) => ({ type: 'array', items: { type: 'object', properties }, __example__: [] });

/** One terminal screen with a component of `type` bound to `${data.options}`. */
function flow(type: string, options: unknown, source = '${data.options}'): any {
  return {
    version: '7.3',
    screens: [
      {
        id: 'ONLY',
        title: 'Only',
        terminal: true,
        data: { options },
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type, name: 'choice', label: 'Choice', 'data-source': source },
            { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } },
          ],
        },
      },
    ],
  };
}

describe(rule, () => {
  it('accepts item schemas with id and title, and item schemas it cannot judge', () => {
    expect(runRule(rule, flow('RadioButtonsGroup', item({ id: { type: 'string' }, title: { type: 'string' }, description: { type: 'string' } })))).toEqual([]);
    expect(runRule(rule, flow('Dropdown', { type: 'array', items: { type: 'object' }, __example__: [] }))).toEqual([]);
    expect(runRule(rule, flow('Dropdown', { type: 'array', items: true, __example__: [] }))).toEqual([]);
    expect(runRule(rule, flow('Dropdown', item({}), '${data.other}'))).toEqual([]);
    expect(runRule(rule, flow('TextBody', item({})))).toEqual([]);
  });

  it('reports each of id and title missing from the item schema', () => {
    const found = runRule(rule, flow('CheckboxGroup', item({ id: { type: 'string' } })));
    expect(found.map((d) => [d.error, d.message, d.path])).toEqual([
      ['INVALID_SCREEN_DYNAMIC_DATA', "Data model schema is invalid for '${data.options}'. Missing schema for title.", '/screens/0/layout/children/0/data-source'],
    ]);
    expect(summary(found)).toEqual(['INVALID_SCREEN_DYNAMIC_DATA@29']);
    expect(runRule(rule, flow('ChipsSelector', item({ name: { type: 'string' } }))).map((d) => d.message)).toEqual([
      "Data model schema is invalid for '${data.options}'. Missing schema for id.",
      "Data model schema is invalid for '${data.options}'. Missing schema for title.",
    ]);
  });

  it('follows global references to the declaring screen', () => {
    const f = flow('Dropdown', item({ id: { type: 'string' } }), '${screen.ONLY.data.options}');
    expect(runRule(rule, f).map((d) => d.message)).toEqual(["Data model schema is invalid for '${screen.ONLY.data.options}'. Missing schema for title."]);
  });
});

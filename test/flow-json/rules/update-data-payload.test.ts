import { describe, expect, it } from 'vitest';
import { runRule, summary } from '../helpers.js';

const rule = 'flow-json/update-data-payload';

function flow(payload: Record<string, unknown>, data: Record<string, unknown> | undefined): any {
  const screen: any = {
    id: 'ONLY',
    title: 'Only',
    terminal: true,
    layout: {
      type: 'SingleColumnLayout',
      children: [
        {
          type: 'RadioButtonsGroup',
          name: 'size',
          label: 'Size',
          'data-source': [{ id: 's', title: 'Small', 'on-select-action': { name: 'update_data', payload } }],
          'on-unselect-action': { name: 'update_data', payload },
        },
        { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } },
      ],
    },
  };
  if (data) screen.data = data;
  return { version: '7.3', screens: [screen] };
}

const show = { show_more: { type: 'boolean', __example__: false } };

describe(rule, () => {
  it('accepts payload keys declared in the screen data model', () => {
    expect(runRule(rule, flow({ show_more: true }, show))).toEqual([]);
    expect(runRule(rule, flow({}, undefined))).toEqual([]);
  });

  it('reports each undeclared key, on the component and on data-source items, pointing at the key', () => {
    const found = runRule(rule, flow({ show_more: true, show_details: '${form.size}' }, show));
    expect(found.map((d) => [d.error, d.message, d.path])).toEqual([
      [
        'INVALID_ACTION_PAYLOAD_PROPERTY',
        'The following property show_details does not exist in the screen data model',
        '/screens/0/layout/children/0/data-source/0/on-select-action/payload/show_details',
      ],
      [
        'INVALID_ACTION_PAYLOAD_PROPERTY',
        'The following property show_details does not exist in the screen data model',
        '/screens/0/layout/children/0/on-unselect-action/payload/show_details',
      ],
    ]);
    expect(summary(found)).toEqual(['INVALID_ACTION_PAYLOAD_PROPERTY@23', 'INVALID_ACTION_PAYLOAD_PROPERTY@32']);
    expect(found[0]!.column_start).toBe(21);
    expect(summary(runRule(rule, flow({ show_more: true }, undefined)))).toEqual(['INVALID_ACTION_PAYLOAD_PROPERTY@22', 'INVALID_ACTION_PAYLOAD_PROPERTY@30']);
  });

  it('leaves flows before 6.0 to the actions family (update_data did not exist)', () => {
    const f = flow({ unknown: true }, show);
    f.version = '5.1';
    expect(runRule(rule, f)).toEqual([]);
  });

  it('ignores other actions', () => {
    const f = flow({}, undefined);
    f.screens[0].layout.children[1]['on-click-action'].payload = { anything: 1 };
    expect(runRule(rule, f)).toEqual([]);
  });
});

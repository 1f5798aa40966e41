import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/data-reference';

const DATA = {
  user: { type: 'object', properties: { name: { type: 'string' }, address: { type: 'object', properties: { city: { type: 'string' } } } }, __example__: {} },
  free: { type: 'object', __example__: {} },
  list: { type: 'array', items: { type: 'string' }, __example__: ['${data.nothing}'] },
  label: { type: 'string', __example__: 'Hi' },
  flag: { type: 'boolean', __example__: true },
};

/** One terminal screen with the given components before its Footer and the given Footer payload. */
function screen(children: unknown[], payload: Record<string, unknown> = {}, version = '7.3', data: unknown = DATA): any {
  return {
    version,
    screens: [
      {
        id: 'ONLY',
        title: 'Only',
        terminal: true,
        data,
        layout: {
          type: 'SingleColumnLayout',
          children: [...children, { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload } }],
        },
      },
    ],
  };
}

const details = (flow: object) => runRule(rule, flow).map((d) => [d.error, d.message, d.path, d.severity]);
const missing = (expression: string) => `Missing dynamic data '${expression}' in the screen data model.`;

describe(rule, () => {
  it('accepts declared fields, nested paths through properties, and leaves undeclared depths alone', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const flow = screen(
      [
        { type: 'TextBody', text: '${data.user.name}' },
        { type: 'TextBody', text: '${data.user.address.city}' },
        { type: 'TextBody', text: '${data.free.anything.below}' },
        { type: 'TextBody', text: '${data.list}' },
        { type: 'If', condition: '${data.flag}', then: [{ type: 'TextBody', text: '${data.label}' }] },
        { type: 'Switch', value: '${data.label}', cases: { Hi: [{ type: 'TextBody', text: '${data.user.name}' }] } },
      ],
      { name: '${data.user.name}' },
    );
    expect(runRule(rule, flow)).toEqual([]);
  });

  it('reports a missing field in component properties and titles (INVALID_SCREEN_DYNAMIC_DATA)', () => {
    const flow = screen([{ type: 'TextBody', text: '${data.greeting}' }]);
    flow.screens[0].title = '${data.heading}';
    const found = runRule(rule, flow);
    expect(found.map((d) => [d.error, d.message, d.path])).toEqual([
      ['INVALID_SCREEN_DYNAMIC_DATA', missing('${data.heading}'), '/screens/0/title'],
      ['INVALID_SCREEN_DYNAMIC_DATA', missing('${data.greeting}'), '/screens/0/layout/children/0/text'],
    ]);
    expect(summary(found)).toEqual(['INVALID_SCREEN_DYNAMIC_DATA@6', 'INVALID_SCREEN_DYNAMIC_DATA@53']);
  });

  it('follows nested paths: unknown properties and sub-fields of scalars are missing', () => {
    const flow = screen([
      { type: 'TextBody', text: '${data.user.age}' },
      { type: 'TextBody', text: '${data.label.first}' },
    ]);
    expect(details(flow)).toEqual([
      ['INVALID_SCREEN_DYNAMIC_DATA', missing('${data.user.age}'), '/screens/0/layout/children/0/text', 'error'],
      ['INVALID_SCREEN_DYNAMIC_DATA', missing('${data.label.first}'), '/screens/0/layout/children/1/text', 'error'],
    ]);
  });

  it('reports a missing field in an action payload with the payload message (INVALID_ON_CLICK_ACTION_PAYLOAD)', () => {
    const found = runRule(rule, screen([], { order: '${data.order_id}' }, '7.3', {}));
    expect(found.map((d) => [d.error, d.message, d.path])).toEqual([
      ['INVALID_ON_CLICK_ACTION_PAYLOAD', "Missing dynamic data '${data.order_id}' in the data model for screen ONLY.", '/screens/0/layout/children/0/on-click-action/payload/order'],
    ]);
    expect(summary(found)).toEqual(['INVALID_ON_CLICK_ACTION_PAYLOAD@18']);
  });

  it('checks references inside nested expressions and If conditions, once per value', () => {
    const flow = screen([
      { type: 'TextBody', text: '`${data.count} \' of \' ${data.count}`' },
      { type: 'If', condition: '${data.shown} == true', then: [{ type: 'TextBody', text: 'x' }] },
    ]);
    expect(details(flow)).toEqual([
      ['INVALID_SCREEN_DYNAMIC_DATA', missing('${data.count}'), '/screens/0/layout/children/0/text', 'error'],
      ['INVALID_SCREEN_DYNAMIC_DATA', missing('${data.shown}'), '/screens/0/layout/children/1/condition', 'error'],
    ]);
  });

  it('warns only, before 7.2, for nested expressions inside actions (Meta checks them from 7.2)', () => {
    const payload = { total: '`${data.price} * 2`' };
    const message = "Missing dynamic data '${data.price}' in the data model for screen ONLY.";
    const path = '/screens/0/layout/children/0/on-click-action/payload/total';
    expect(details(screen([], payload, '7.1'))).toEqual([['INVALID_ON_CLICK_ACTION_PAYLOAD', message, path, 'warning']]);
    expect(details(screen([], payload, '7.2'))).toEqual([['INVALID_ON_CLICK_ACTION_PAYLOAD', message, path, 'error']]);
  });

  it('reports every reference when the screen has no data model', () => {
    const flow = screen([{ type: 'TextBody', text: '${data.label}' }]);
    delete flow.screens[0].data;
    expect(summary(runRule(rule, flow))).toEqual(['INVALID_SCREEN_DYNAMIC_DATA@13']);
  });
});

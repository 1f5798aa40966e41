import { describe, expect, it } from 'vitest';
import { runRule, summary } from '../helpers.js';

const rule = 'flow-json/global-reference';

/** FIRST (data `greeting`, input `first_name`) navigates to SECOND, which shows `text` and completes with `payload`. */
function flow(text: string, payload: Record<string, unknown> = {}, version = '7.3'): any {
  return {
    version,
    screens: [
      {
        id: 'FIRST',
        title: '${screen.SECOND.form.city}',
        data: {
          greeting: { type: 'string', __example__: 'Hi' },
          user: { type: 'object', properties: { name: { type: 'string' } }, __example__: { name: 'Ana' } },
        },
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type: 'TextInput', name: 'first_name', label: 'First name' },
            { type: 'Footer', label: 'Next', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'SECOND' }, payload: {} } },
          ],
        },
      },
      {
        id: 'SECOND',
        title: 'Second',
        terminal: true,
        layout: {
          type: 'SingleColumnLayout',
          children: [
            { type: 'TextInput', name: 'city', label: 'City' },
            { type: 'TextBody', text },
            { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload } },
          ],
        },
      },
    ],
  };
}

const details = (f: object) => runRule(rule, f).map((d) => [d.error, d.message, d.path]);
const TEXT = '/screens/1/layout/children/1/text';

describe(rule, () => {
  it('accepts fields and inputs of other screens, forward references and nested paths, with no local declaration', () => {
    const f = flow('${screen.FIRST.data.greeting}', { name: '${screen.FIRST.form.first_name}', user: '${screen.FIRST.data.user.name}' });
    expect(runRule(rule, f)).toEqual([]);
    expect(runRule(rule, flow("`${screen.FIRST.data.greeting} ' ' ${screen.FIRST.form.first_name}`"))).toEqual([]);
  });

  it('reports unknown screens, fields and inputs (INVALID_SCREEN_DATA)', () => {
    const found = runRule(rule, flow('${screen.FIRST.data.farewell}', { a: '${screen.THIRD.data.x}', b: '${screen.FIRST.form.last_name}', c: '${screen.FIRST.data.user.age}' }));
    expect(found.map((d) => [d.error, d.message, d.path])).toEqual([
      ['INVALID_SCREEN_DATA', "Global Dynamic data '${screen.FIRST.data.farewell}' on screen FIRST does not exist, but is used on screen SECOND.", TEXT],
      ['INVALID_SCREEN_DATA', "Global Dynamic data '${screen.THIRD.data.x}' on screen THIRD does not exist, but is used on screen SECOND.", '/screens/1/layout/children/2/on-click-action/payload/a'],
      ['INVALID_SCREEN_DATA', "Global Dynamic data '${screen.FIRST.form.last_name}' on screen FIRST does not exist, but is used on screen SECOND.", '/screens/1/layout/children/2/on-click-action/payload/b'],
      ['INVALID_SCREEN_DATA', "Global Dynamic data '${screen.FIRST.data.user.age}' on screen FIRST does not exist, but is used on screen SECOND.", '/screens/1/layout/children/2/on-click-action/payload/c'],
    ]);
    expect(summary(found)).toEqual(['INVALID_SCREEN_DATA@61', 'INVALID_SCREEN_DATA@69', 'INVALID_SCREEN_DATA@70', 'INVALID_SCREEN_DATA@71']);
  });

  it('reports a global reference to the current screen', () => {
    const found = runRule(rule, flow('${screen.SECOND.form.city}'));
    expect(found.map((d) => [d.error, d.message, d.path])).toEqual([
      [
        'INVALID_SCREEN_DATA',
        "Expression '${screen.SECOND.form.city}' is invalid since screen 'SECOND' represents current screen. Convert expression to local referencing '${form.city}'.",
        TEXT,
      ],
    ]);
    expect(summary(found)).toEqual(['INVALID_SCREEN_DATA@61']);
  });

  it('reports global references before 4.0, when they do not exist', () => {
    expect(details(flow('Plain', {}, '3.1'))).toEqual([
      ['INVALID_PROPERTY_VALUE', 'Invalid value found for property title at $root/screens/0/title.', '/screens/0/title'],
    ]);
  });
});

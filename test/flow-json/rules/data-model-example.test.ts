import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/data-model-example';

/** baseFlow with the CONFIRM screen's data model replaced (its bindings removed). */
function withData(data: unknown): any {
  const flow = baseFlow();
  flow.screens[1].data = data;
  flow.screens[1].layout.children = [flow.screens[1].layout.children[1]];
  flow.screens[1].layout.children[0]['on-click-action'].payload = {};
  return flow;
}

const details = (flow: object) => runRule(rule, flow).map((d) => [d.error, d.message, d.path]);
const message = (expected: string, actual: string) =>
  `Invalid data model schema. Expected property '__example__' to be of type ${expected}, but found ${actual}.`;

describe(rule, () => {
  it('accepts examples of the declared type, integers as numbers, undeclared extras and missing properties', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const flow = withData({
      price: { type: 'number', __example__: 10 },
      ratio: { type: 'number', __example__: 0.5 },
      count: { type: 'number', __example__: 3 },
      ok: { type: 'boolean', __example__: false },
      items: {
        type: 'array',
        items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } },
        __example__: [{ id: '1', title: 'One', 'on-select-action': { name: 'update_data', payload: {} } }, { id: '2' }],
      },
      anything: { type: 'array', items: true, __example__: [1, 'a', null] },
    });
    expect(runRule(rule, flow)).toEqual([]);
  });

  it('reports a top-level example of another type', () => {
    const found = runRule(rule, withData({ age: { type: 'string', __example__: 42 } }));
    expect(found.map((d) => [d.error, d.message, d.path])).toEqual([['INVALID_SCREEN_DATA', message('string', 'integer'), '/screens/1/data/age/__example__']]);
    expect(summary(found)).toEqual(['INVALID_SCREEN_DATA@42']);
    // `integer` is not a data model type (§2.5): data-model-schema reports it, this rule stays silent.
    expect(details(withData({ count: { type: 'integer', __example__: 1.5 } }))).toEqual([]);
    expect(details(withData({ name: { type: 'string', __example__: null } }))).toEqual([
      ['INVALID_SCREEN_DATA', message('string', 'null'), '/screens/1/data/name/__example__'],
    ]);
  });

  it('follows items and properties, reporting the first mismatch of a field', () => {
    const flow = withData({
      items: {
        type: 'array',
        items: { type: 'object', properties: { id: { type: 'string' }, meta: { type: 'object', properties: { n: { type: 'number' } } } } },
        __example__: [{ id: '1' }, { id: 2 }, { id: 3 }],
      },
      deep: { type: 'object', properties: { meta: { type: 'object', properties: { n: { type: 'number' } } } }, __example__: { meta: { n: 'x' } } },
    });
    expect(details(flow)).toEqual([
      ['INVALID_SCREEN_DATA', message('string', 'integer'), '/screens/1/data/items/__example__/1/id'],
      ['INVALID_SCREEN_DATA', message('number', 'string'), '/screens/1/data/deep/__example__/meta/n'],
    ]);
  });

  it('leaves malformed declarations to data-model-schema', () => {
    expect(runRule(rule, withData({ a: { type: 'text', __example__: 1 }, b: { __example__: 1 }, c: 'string' }))).toEqual([]);
  });
});

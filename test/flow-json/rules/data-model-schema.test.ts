import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/data-model-schema';

/** baseFlow with the CONFIRM screen's data model replaced. */
function withData(data: unknown): any {
  const flow = baseFlow();
  flow.screens[1].data = data;
  flow.screens[1].layout.children = [flow.screens[1].layout.children[1]];
  flow.screens[1].layout.children[0]['on-click-action'].payload = {};
  return flow;
}

const details = (flow: object) => runRule(rule, flow).map((d) => [d.error, d.message, d.path]);

describe(rule, () => {
  it('accepts well-formed declarations, nested ones included', () => {
    expect(runRule(rule, baseFlow())).toEqual([]);
    const flow = withData({
      items: {
        type: 'array',
        items: { type: 'object', properties: { id: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } } },
        __example__: [],
      },
      count: { type: 'number', __example__: 1 },
      any_list: { type: 'array', items: true, __example__: [1, 'a'] },
      empty: { type: 'object', __example__: {} },
    });
    expect(runRule(rule, flow)).toEqual([]);
  });

  // flows-platform §2.5 lists five types (string, number, boolean, object, array), as do the TypeScript types
  // (DataSchema); `integer` is JSON Schema's, not documented for Flow JSON, but no evidence shows Meta refusing it
  // (§2.12 has no such error, §6.5): a warning that says what to use, while an unknown type name stays an error.
  it("warns on type 'integer' (§2.5 documents five types; no evidence Meta rejects it)", () => {
    expect(runRule(rule, withData({ count: { type: 'integer', __example__: 1 } })).map((d) => [d.severity, d.error, d.path])).toEqual([
      ['warning', 'INVALID_ENUM_VALUE', '/screens/1/data/count/type'],
    ]);
    expect(runRule(rule, withData({ count: { type: 'whole', __example__: 1 } })).map((d) => [d.severity, d.message])).toEqual([
      ['error', 'Value should be one of: [string, number, boolean, object, array].'],
    ]);
  });

  it('requires a top-level __example__ and forbids it below', () => {
    expect(details(withData({ name: { type: 'string' } }))).toEqual([
      ['MISSING_REQUIRED_TYPE_PROPERTY', "Required property '__example__' is missing.", '/screens/1/data/name'],
    ]);
    const nested = withData({ user: { type: 'object', properties: { name: { type: 'string', __example__: 'Ana' } }, __example__: {} } });
    const found = runRule(rule, nested);
    expect(found.map((d) => [d.error, d.message, d.path])).toEqual([
      [
        'INVALID_SCREEN_DATA',
        "Property '__example__' is allowed only as a top level property of data model. Invalid entry: '$root/screens/1/data/user/properties/name/__example__'.",
        '/screens/1/data/user/properties/name/__example__',
      ],
    ]);
    expect(summary(found)).toEqual(['INVALID_SCREEN_DATA@45']);
  });

  it('requires a string type Meta knows, at every level', () => {
    expect(details(withData({ name: { __example__: 'Ana' } }))).toEqual([
      ['INVALID_SCREEN_DATA', "Missing the definition of property 'type'.", '/screens/1/data/name'],
    ]);
    expect(details(withData({ name: { type: ['string'], __example__: 'Ana' } }))).toEqual([
      ['INVALID_SCREEN_DATA', "Expected the property 'type' to be of type string.", '/screens/1/data/name/type'],
    ]);
    expect(details(withData({ name: { type: 'text', __example__: 'Ana' } }))).toEqual([
      ['INVALID_ENUM_VALUE', 'Value should be one of: [string, number, boolean, object, array].', '/screens/1/data/name/type'],
    ]);
    expect(details(withData({ list: { type: 'array', items: { properties: {} }, __example__: [] } }))).toEqual([
      ['INVALID_SCREEN_DATA', "Missing the definition of property 'type'.", '/screens/1/data/list/items'],
    ]);
  });

  it('requires items on arrays, as an object or boolean', () => {
    const missing = runRule(rule, withData({ list: { type: 'array', __example__: [] } }));
    expect(missing.map((d) => [d.error, d.message, d.path])).toEqual([
      ['INVALID_SCREEN_DATA', "Missing the schema for property 'items' in array.", '/screens/1/data/list'],
    ]);
    expect(summary(missing)).toEqual(['INVALID_SCREEN_DATA@40']);
    expect(details(withData({ list: { type: 'array', items: 'string', __example__: [] } }))).toEqual([
      ['INVALID_SCREEN_DATA', "Expected the property 'items' to be of type boolean or object.", '/screens/1/data/list/items'],
    ]);
  });

  it('requires declarations and object properties to be objects', () => {
    expect(details(withData({ name: 'string' }))).toEqual([
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/screens/1/data/name to be of type object, but found string.', '/screens/1/data/name'],
    ]);
    expect(details(withData({ user: { type: 'object', properties: [], __example__: {} } }))).toEqual([
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/screens/1/data/user/properties to be of type object, but found array.', '/screens/1/data/user/properties'],
    ]);
    expect(details(withData({ user: { type: 'object', properties: { id: 'string' }, __example__: {} } }))).toEqual([
      ['INVALID_PROPERTY_TYPE', 'Expected property $root/screens/1/data/user/properties/id to be of type object, but found string.', '/screens/1/data/user/properties/id'],
    ]);
  });

  it('ignores a data value that is not an object (not this rule\'s)', () => {
    expect(runRule(rule, withData([]))).toEqual([]);
  });
});

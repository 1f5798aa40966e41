import { describe, expect, it } from 'vitest';
import { runRule, summary } from '../helpers.js';

const rule = 'flow-json/binding-type';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

/** One terminal screen with `data` and the given components before its Footer. */
function flow(data: object, components: object[], version = '7.3'): any {
  return {
    version,
    screens: [
      {
        id: 'ONLY',
        title: 'Only',
        terminal: true,
        success: true,
        data,
        layout: {
          type: 'SingleColumnLayout',
          children: [...components, { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } }],
        },
      },
    ],
  };
}

const str = { type: 'string', __example__: 'x' };
const num = { type: 'number', __example__: 1 };
const int = { type: 'integer', __example__: 1 };
const bool = { type: 'boolean', __example__: true };
const obj = { type: 'object', properties: { t: { type: 'string' } }, __example__: { t: 'x' } };
const options = { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } }, __example__: [] };
const strings = { type: 'array', items: { type: 'string' }, __example__: [] };
const DATA = { s: str, n: num, i: int, b: bool, o: obj, opts: options, list: strings };

const messages = (f: any) => runRule(rule, f).map((d) => d.message);
const typeOf = (pointer: string, type: string) => `Expected '${pointer}' to be of type '${type}'.`;

describe(rule, () => {
  it('accepts bindings whose declared type the property takes', () => {
    const f = flow(DATA, [
      { type: 'TextHeading', text: '${data.s}', visible: '${data.b}' },
      { type: 'TextBody', text: '${data.list}' },
      { type: 'TextCaption', text: '${data.o.t}' },
      { type: 'Image', src: '${data.s}', width: '${data.i}', height: '${data.n}', 'aspect-ratio': '${data.i}' },
      { type: 'Dropdown', name: 'd', label: '${data.s}', 'data-source': '${data.opts}', required: '${data.b}', enabled: '${data.b}', 'init-value': '${data.s}' },
      { type: 'CheckboxGroup', name: 'c', label: 'C', 'data-source': '${data.opts}', 'init-value': '${data.list}', 'max-selected-items': '${data.i}' },
      { type: 'TextInput', name: 't', label: 'T', 'min-chars': '${data.i}', 'max-chars': '${data.n}', 'init-value': '${data.s}' },
      { type: 'OptIn', name: 'o', label: 'O', 'init-value': '${data.b}' },
      { type: 'PhotoPicker', name: 'p', label: 'P', 'error-message': '${data.o}' },
    ]);
    expect(runRule(rule, f)).toEqual([]);
  });

  it('reports a mismatch with the one type the property takes', () => {
    const text = JSON.stringify(
      flow(DATA, [
        { type: 'TextHeading', text: '${data.opts}', visible: '${data.s}' },
        { type: 'Dropdown', name: 'd', label: 'D', 'data-source': '${data.s}', required: '${data.list}', enabled: '${data.o}' },
        { type: 'TextInput', name: 't', label: 'T', 'min-chars': '${data.b}', 'init-value': '${data.o}' },
        { type: 'Image', src: '${data.b}' },
      ]),
      null,
      2,
    );
    const found = runRule(rule, text);
    expect(found.map((d) => [d.error, d.message, d.path])).toEqual([
      ['INVALID_SCREEN_DYNAMIC_DATA', typeOf('${data.opts}', 'string'), '/screens/0/layout/children/0/text'],
      ['INVALID_SCREEN_DYNAMIC_DATA', typeOf('${data.s}', 'boolean'), '/screens/0/layout/children/0/visible'],
      ['INVALID_SCREEN_DYNAMIC_DATA', typeOf('${data.s}', 'array'), '/screens/0/layout/children/1/data-source'],
      ['INVALID_SCREEN_DYNAMIC_DATA', typeOf('${data.list}', 'boolean'), '/screens/0/layout/children/1/required'],
      ['INVALID_SCREEN_DYNAMIC_DATA', typeOf('${data.o}', 'boolean'), '/screens/0/layout/children/1/enabled'],
      ['INVALID_SCREEN_DYNAMIC_DATA', typeOf('${data.b}', 'integer'), '/screens/0/layout/children/2/min-chars'],
      ['INVALID_SCREEN_DYNAMIC_DATA', typeOf('${data.o}', 'string'), '/screens/0/layout/children/2/init-value'],
      ['INVALID_SCREEN_DYNAMIC_DATA', typeOf('${data.b}', 'string'), '/screens/0/layout/children/3/src'],
    ]);
    expect(found[0]!.line_start).toBe(lineOf(text, '"text": "${data.opts}"'));
    expect(found[7]!.line_start).toBe(lineOf(text, '"src": "${data.b}"'));
  });

  it('names every type of a property that takes several', () => {
    const f = flow(DATA, [
      { type: 'PhotoPicker', name: 'p', label: 'P', 'error-message': '${data.b}' },
      { type: 'TextBody', text: '${data.o}' },
    ]);
    expect(messages(f)).toEqual([
      "Expected '${data.b}' to be of one of these types: [string, object].",
      "Expected '${data.o}' to be of one of these types: [string, array].",
    ]);
  });

  it("uses the catalogue of the document's version", () => {
    // TextBody `text` takes arrays from 5.1 only.
    expect(messages(flow(DATA, [{ type: 'TextBody', text: '${data.list}' }], '5.0'))).toEqual([typeOf('${data.list}', 'string')]);
    expect(messages(flow(DATA, [{ type: 'TextBody', text: '${data.list}' }], '5.1'))).toEqual([]);
  });

  it('covers list-items, images, unavailable-dates and include-days', () => {
    const f = flow(DATA, [
      { type: 'NavigationList', name: 'n', 'list-items': '${data.s}' },
      { type: 'ImageCarousel', images: '${data.o}' },
      { type: 'CalendarPicker', name: 'c', label: 'C', 'unavailable-dates': '${data.b}', 'include-days': '${data.s}' },
      { type: 'DatePicker', name: 'd', label: 'D', 'unavailable-dates': '${data.list}' },
    ]);
    expect(messages(f)).toEqual([
      typeOf('${data.s}', 'array'),
      typeOf('${data.o}', 'array'),
      typeOf('${data.b}', 'array'),
      typeOf('${data.s}', 'array'),
    ]);
  });

  it('follows nested paths into object properties', () => {
    const data = { user: { type: 'object', properties: { name: str, flags: { type: 'object', properties: { vip: bool } } }, __example__: {} } };
    const f = flow(data, [
      { type: 'TextBody', text: '${data.user.name}', visible: '${data.user.flags.vip}' },
      { type: 'TextHeading', text: '${data.user.flags.vip}', visible: '${data.user.name}' },
      { type: 'TextCaption', text: '${data.user.flags}' },
    ]);
    expect(messages(f)).toEqual([
      typeOf('${data.user.flags.vip}', 'string'),
      typeOf('${data.user.name}', 'boolean'),
      "Expected '${data.user.flags}' to be of one of these types: [string, array].",
    ]);
  });

  it('follows global references to the declaring screen', () => {
    const f = flow({}, [{ type: 'TextHeading', text: 'Hi', visible: '${screen.FIRST.data.name}' }]);
    f.screens.unshift({
      id: 'FIRST',
      title: 'First',
      data: { name: str },
      layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Next', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'ONLY' }, payload: {} } }] },
    });
    expect(messages(f)).toEqual([typeOf('${screen.FIRST.data.name}', 'boolean')]);
    f.screens[1].layout.children[0].visible = '${screen.NOWHERE.data.name}';
    expect(runRule(rule, f)).toEqual([]);
  });

  it('checks bindings inside static items of a known shape', () => {
    const f = flow(DATA, [
      { type: 'RadioButtonsGroup', name: 'r', label: 'R', 'data-source': [{ id: '1', title: '${data.s}', enabled: '${data.s}' }] },
      { type: 'CalendarPicker', name: 'c', mode: 'range', label: { 'start-date': '${data.b}', 'end-date': 'To' } },
      { type: 'NavigationList', name: 'n', 'list-items': [{ id: '1', 'main-content': { title: '${data.list}' } }] },
    ]);
    const found = runRule(rule, f);
    expect(found.map((d) => [d.message, d.path])).toEqual([
      [typeOf('${data.s}', 'boolean'), '/screens/0/layout/children/0/data-source/0/enabled'],
      [typeOf('${data.b}', 'string'), '/screens/0/layout/children/1/label/start-date'],
      [typeOf('${data.list}', 'string'), '/screens/0/layout/children/2/list-items/0/main-content/title'],
    ]);
  });

  it('checks Form init-values and error-messages bound to the data model', () => {
    const f = flow(DATA, [{ type: 'Form', name: 'f', 'init-values': '${data.list}', 'error-messages': '${data.o}', children: [{ type: 'TextInput', name: 't', label: 'T' }] }]);
    expect(messages(f)).toEqual([typeOf('${data.list}', 'object')]);
  });

  it('reports only clear mismatches', () => {
    const f = flow(DATA, [
      // number and integer are one family; numbers and strings are not judged against each other.
      { type: 'TextInput', name: 't', label: '${data.n}', 'min-chars': '${data.n}', 'max-chars': '${data.s}', 'init-value': '${data.i}' },
      { type: 'Image', src: 'x', width: '${data.s}', 'aspect-ratio': '${data.n}' },
      // Expressions of If and Switch take any type.
      { type: 'If', condition: '${data.s}', then: [{ type: 'TextBody', text: 'A' }] },
      { type: 'Switch', value: '${data.b}', cases: { true: [{ type: 'TextBody', text: 'B' }] } },
    ]);
    expect(runRule(rule, f)).toEqual([]);
  });

  it('leaves what it cannot judge to other rules', () => {
    const data = {
      s: str,
      untyped: { __example__: 'x' },
      odd: { type: 'null', __example__: 'x' },
      loose: { type: 'object', __example__: {} },
      rows: { type: 'array', items: { type: 'object', properties: { v: bool } }, __example__: [] },
    };
    const f = flow(data, [
      { type: 'TextBody', text: '${data.missing}', visible: '${data.untyped}' },
      { type: 'TextBody', text: '${data.loose.any}', visible: '${data.odd}' },
      { type: 'TextBody', text: '${data.rows.v}', visible: '${form.x}' },
      // Not one binding: mixed text and nested expressions are other rules'.
      { type: 'TextBody', text: 'Hi ${data.s}', visible: '`${data.s} == \'a\'`' },
      { type: 'TextBody', text: '${data.s}', visible: '${data.s} ${data.s}' },
      // Unknown components and properties, and non-dynamic properties, are the schema rules'.
      { type: 'Widget', text: '${data.loose}' },
      { type: 'TextBody', text: 'x', colour: '${data.loose}' },
      { type: 'TextBody', text: '${data.s}', markdown: '${data.s}' },
    ], '5.0');
    // `markdown` does not exist before 5.1: not judged here.
    expect(runRule(rule, f)).toEqual([]);
    f.screens[0].data = 'not an object';
    expect(runRule(rule, f)).toEqual([]);
    expect(runRule(rule, { version: '7.3', screens: [null, { id: 'X', layout: { children: [{ type: 'TextBody', text: '${data.s}' }] } }] })).toEqual([]);
  });

  it('reports each bad binding at its own line', () => {
    const text = JSON.stringify(flow(DATA, [{ type: 'Dropdown', name: 'd', label: 'D', 'data-source': '${data.b}', visible: '${data.opts}' }]), null, 2);
    expect(summary(runRule(rule, text))).toEqual([
      `INVALID_SCREEN_DYNAMIC_DATA@${lineOf(text, '"data-source": "${data.b}"')}`,
      `INVALID_SCREEN_DYNAMIC_DATA@${lineOf(text, '"visible": "${data.opts}"')}`,
    ]);
  });
});

import type { ValidateOptions } from '../../src/flow-json/validate.js';

/**
 * Generated inputs for the golden diagnostics test (positions-golden.test.ts): the shapes where positions are
 * hardest to get right (duplicate keys, escapes, a byte order mark, CRLF, nesting past the limit, more findings than
 * are listed, hostile shapes of issue 10 made small). Their diagnostics were recorded before the validator computed
 * positions lazily (issue 13) and must not change.
 */
export interface GoldenCase {
  name: string;
  input: string | object;
  options?: ValidateOptions;
}

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const footer = { type: 'Footer', label: 'x', 'on-click-action': { name: 'complete', payload: {} } };
const screen = (id: string, extra: object = {}) => ({ id, title: 't', data: {}, layout: { type: 'SingleColumnLayout', children: [footer] }, ...extra });
const nest = (depth: number, open: string, inner: string, close: string) => open.repeat(depth) + inner + close.repeat(depth);
const withChildren = (children: unknown[], extra: object = {}) => ({ version: '7.3', screens: [{ ...screen('A', { terminal: true }), layout: { type: 'SingleColumnLayout', children: [...children, footer] } }], ...extra });

export const GOLDEN_CASES: GoldenCase[] = [
  { name: 'duplicate top-level key', input: '{\n  "version": "7.3",\n  "version": "7.3",\n  "screens": []\n}' },
  { name: 'duplicate key spelled with an escape', input: '{"version":"7.3","screens":[],"a":{"x":1,"\\u0078":2,"y\\"z":3,"y\\"z":4}}' },
  {
    name: 'duplicate key inside a component whose earlier value is wrong',
    input: `{"version":"7.3","screens":[{"id":"A","terminal":true,"title":"t","data":{},"layout":{"type":"SingleColumnLayout","children":[{"type":"TextBody","text":5,"text":"ok","bogus":1},${JSON.stringify(footer)}]}}]}`,
  },
  { name: '1 200 duplicate keys (1 000 listed)', input: `{"version":"7.3","screens":[],"extra":{${range(2400, (i) => `"k${i % 1200}":${i}`).join(',')}}}` },
  { name: 'duplicate keys in a large object', input: `{"version":"7.3","screens":[],"extra":{${range(100, (i) => `"k${i}":${i}`).join(',')},"k7":1,"k99":2}}` },
  { name: 'nested 600 deep', input: nest(600, '[', '', ']') },
  { name: 'objects nested 600 deep inside a flow', input: `{"version":"7.3","screens":[],"x":${nest(600, '{"a":', '1', '}')}}` },
  { name: 'too deep under a duplicate key that is overwritten', input: `{"version":"7.3","screens":[],"x":${nest(600, '[', '', ']')},"x":1}` },
  { name: 'exactly 512 deep', input: `{"version":"7.3","screens":[],"x":${nest(511, '[', '1', ']')}}` },
  { name: 'byte order mark', input: '\ufeff{\n  "version": "7",\n  "screens": []\n}' },
  { name: 'byte order mark and duplicate', input: '\ufeff{"version":"7.3","screens":[],"screens":[{"id":"A"}]}' },
  { name: 'CRLF and tabs', input: JSON.stringify(withChildren([{ type: 'TextBody', text: '${data.missing}', extra: true }]), null, '\t').replace(/\n/g, '\r\n') },
  { name: 'root array', input: '[1, 2]' },
  { name: 'root scalar', input: ' "s" ' },
  { name: 'empty text', input: '' },
  { name: 'syntax error in the middle', input: '{\n  "version": "7.3",\n  "screens": [,]\n}' },
  { name: 'unterminated string', input: '{"version": "7.3' },
  { name: 'trailing text', input: '{"version":"7.3","screens":[]} x' },
  { name: 'object input with findings', input: withChildren([{ type: 'TextInput', label: 'L' }, { type: 'Nope' }]) },
  { name: 'keys with slash, tilde and unicode', input: withChildren([{ type: 'TextBody', text: 'x', 'a/b': 1, 'c~d': 2, 'é€𝄞': 3 }]) },
  { name: 'a __proto__ key', input: '{"version":"7.3","screens":[{"id":"A","terminal":true,"title":"t","data":{},"layout":{"type":"SingleColumnLayout","children":[{"type":"TextBody","text":"x","__proto__":{"y":1}}]}}]}' },
  { name: '1 100 unknown properties (1 000 listed)', input: withChildren(range(1100, (i) => ({ type: 'TextBody', text: `t${i}`, [`bad${i}`]: 1 }))) },
  { name: 'missing data fields in a payload', input: withChildren([{ ...footer, 'on-click-action': { name: 'complete', payload: Object.fromEntries(range(1500, (i) => [`p${i}`, `\${data.f${i % 1300}}`])) } }]) },
  {
    name: 'routing chain',
    input: { version: '7.3', data_api_version: '3.0', routing_model: Object.fromEntries(range(60, (i) => [`S${i}`, i % 7 === 3 ? [`S${i - 2}`] : i + 1 < 60 ? [`S${i + 1}`] : []])), screens: range(60, (i) => screen(`S${i}`, i % 9 === 0 ? {} : { terminal: true })) },
  },
  { name: 'dense routing', input: { version: '7.3', data_api_version: '3.0', routing_model: Object.fromEntries(range(50, (i) => [`S${i}`, range(50, (j) => `S${j}`)])), screens: range(50, (i) => screen(`S${i}`, { terminal: true })) } },
  {
    name: 'references of every kind',
    input: {
      version: '7.3',
      data_api_version: '3.0',
      routing_model: { A: ['B'], B: [] },
      screens: [
        {
          id: 'A',
          title: 'Hi ${data.name}',
          data: { name: { type: 'string', __example__: 'x' }, n: { type: 'number', __example__: 1 } },
          layout: {
            type: 'SingleColumnLayout',
            children: [
              { type: 'Form', name: 'f', children: [{ type: 'TextInput', name: 'age', label: '${data.n}' }, { type: 'If', condition: '${form.age} > `${data.name}`', then: [{ type: 'TextBody', text: 'Age ${form.age} and ${data.nope}' }] }] },
              { type: 'TextBody', text: '`${data.n} + ${form.nothing}`', visible: '${screen.B.data.z}' },
              { type: 'Footer', label: 'Go', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'B' }, payload: { a: '${form.age}', b: '${data.gone}', c: ['${data.n}', '${data.zz}'] } } },
            ],
          },
        },
        { id: 'B', terminal: true, title: 't', data: { a: { type: 'string', __example__: 'x' } }, layout: { type: 'SingleColumnLayout', children: [{ type: 'TextBody', text: '${data.a} ${data.b}' }, footer] } },
      ],
    },
  },
  { name: 'severity override and only', input: withChildren([{ type: 'TextBody', text: 'x'.repeat(5000) }]), options: { rules: { 'flow-json/component-max-limits': 'error' } } },
  { name: 'only one rule', input: withChildren([{ type: 'TextBody', text: '${data.x}', bad: 1 }]), options: { only: ['flow-json/data-reference'] } },
];

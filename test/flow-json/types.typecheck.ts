/**
 * Compile-time tests of the Flow JSON types (run by `tsc --noEmit -p .`, not by vitest).
 * Every `@ts-expect-error` must be an error: an unused directive is itself an error, so this file stops
 * compiling if one of the negative cases becomes accepted. Version gating: version-gating.typecheck.ts.
 */
import { FLOW_JSON_VERSIONS, defineFlow } from '../../src/flow-json/types/index.js';
import type {
  FlowComponent,
  FlowJson,
  FlowJsonV2_1,
  FlowJsonV7_3,
  FlowJsonVersion,
  FlowLayout,
  FlowScreen,
  TextInputV7_0,
} from '../../src/flow-json/types/index.js';

const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } } as const;
const layout = { type: 'SingleColumnLayout', children: [footer] } as const;
const text = { type: 'TextBody', text: 'x' } as const;
const cond = '${data.flag}';

/** Checks `children` as the layout children of a screen of version `V` (one-line negative cases). */
function layoutOf<V extends FlowJsonVersion>(_version: V, _children: FlowLayout<V>['children']): void {}

/** Checks `screen` as a screen of version `V`. */
function screenOf<V extends FlowJsonVersion>(_version: V, _screen: FlowScreen<V>): void {}

// ---- A complete endpoint flow, close to Meta's examples -------------------------------------------------

export const bookAppointment = defineFlow({
  version: '7.3',
  data_api_version: '4.0',
  routing_model: { APPOINTMENT: ['DETAILS'], DETAILS: ['SUMMARY'], SUMMARY: [] },
  screens: [
    {
      id: 'APPOINTMENT',
      title: 'Appointment',
      data: {
        department: {
          type: 'array',
          items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } },
          __example__: [{ id: 'shopping', title: 'Shopping & Groceries' }],
        },
        is_location_enabled: { type: 'boolean', __example__: true },
        min_date: { type: 'string', __example__: '2024-10-21' },
      },
      layout: {
        type: 'SingleColumnLayout',
        children: [
          {
            type: 'Form',
            name: 'appointment_form',
            'init-values': { department: 'shopping' },
            children: [
              {
                type: 'Dropdown',
                label: 'Department',
                name: 'department',
                'data-source': '${data.department}',
                required: true,
                'on-select-action': { name: 'data_exchange', payload: { trigger: 'department_selected' } },
              },
              {
                type: 'CalendarPicker',
                name: 'stay',
                mode: 'range',
                label: { 'start-date': 'Check-in', 'end-date': 'Check-out' },
                'min-date': '${data.min_date}',
                'include-days': ['Mon', 'Tue', 'Wed'],
                'min-days': 1,
              },
              {
                type: 'ChipsSelector',
                name: 'extras',
                label: 'Extras',
                'data-source': [
                  { id: 'a', title: 'Breakfast', 'on-select-action': { name: 'update_data', payload: { meal: true } } },
                  { id: 'b', title: 'Parking' },
                ],
                'on-unselect-action': { name: 'update_data', payload: { meal: false } },
              },
              {
                type: 'Footer',
                label: 'Continue',
                'on-click-action': {
                  name: 'data_exchange',
                  payload: { department: '${form.department}', stay: '${form.stay}', extras: '${form.extras}' },
                },
              },
            ],
          },
        ],
      },
    },
    {
      id: 'DETAILS',
      title: 'Details',
      refresh_on_back: true,
      data: { name: { type: 'string', __example__: 'Ana' } },
      sensitive: ['phone'],
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'TextInput', name: 'name', label: 'Name', 'init-value': '${data.name}', 'label-variant': 'large' },
          { type: 'TextInput', name: 'phone', label: 'Phone', 'input-type': 'phone', required: true },
          { type: 'TextInput', name: 'code', label: 'Code', pattern: '^[0-9]{6}$', 'helper-text': '6 digits' },
          { type: 'PhotoPicker', name: 'photo', label: 'Photo', 'max-uploaded-photos': 1 },
          { type: 'ImageCarousel', images: [{ src: 'iVBORw0KGgo=', 'alt-text': 'Room' }], 'aspect-ratio': '16:9' },
          {
            type: 'Footer',
            label: 'Continue',
            'left-caption': 'Step 2',
            'right-caption': 'of 3',
            'on-click-action': { name: 'data_exchange', payload: { name: '${form.name}', photo: '${form.photo}' } },
          },
        ],
      },
    },
    {
      id: 'SUMMARY',
      title: 'Summary',
      terminal: true,
      success: true,
      data: { summary: { type: 'string', __example__: 'Tuesday 10:00' } },
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'RichText', text: ['# Summary', '${data.summary}'] },
          { type: 'Footer', label: 'Book', 'on-click-action': { name: 'data_exchange', payload: {} } },
        ],
      },
    },
  ],
});

// defineFlow keeps literal types.
export const firstScreenId: 'APPOINTMENT' = bookAppointment.screens[0].id;
export const dataApiVersion: '4.0' = bookAppointment.data_api_version;

// ---- If / Switch nesting ---------------------------------------------------------------------------------

export const conditional = defineFlow({
  version: '7.1',
  screens: [
    {
      id: 'QUIZ',
      terminal: true,
      data: { value: { type: 'boolean', __example__: true } },
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'TextInput', name: 'animal', label: 'Animal' },
          {
            type: 'If',
            condition: '${data.value}',
            then: [
              {
                type: 'If',
                condition: "${form.animal} == 'cat'",
                then: [
                  { type: 'If', condition: '${data.value}', then: [{ type: 'TextBody', text: 'Level 3' }] },
                  {
                    type: 'Switch',
                    value: '${form.animal}',
                    cases: { cat: [{ type: 'ChipsSelector', name: 'toys', label: 'Toys', 'data-source': [] }] },
                  },
                ],
              },
              footer,
            ],
            else: [{ type: 'TextCaption', text: 'Off' }, footer],
          },
        ],
      },
    },
  ],
});

export const switchWithFooters = {
  version: '4.0',
  screens: [
    {
      id: 'S',
      terminal: true,
      layout: {
        type: 'SingleColumnLayout',
        children: [
          {
            type: 'Switch',
            value: '${data.kind}',
            cases: { a: [{ type: 'TextHeading', text: 'A' }, footer], default: [footer] },
          },
        ],
      },
    },
  ],
} as const satisfies FlowJson;

// ---- Negative cases: one error per statement, on the line after its @ts-expect-error ----------------------

// @ts-expect-error at most 3 nested Ifs
layoutOf('7.3', [{ type: 'If', condition: cond, then: [{ type: 'If', condition: cond, then: [{ type: 'If', condition: cond, then: [{ type: 'If', condition: cond, then: [text] }] }] }] }]);
// @ts-expect-error a Footer is only allowed in a first-level If
layoutOf('7.3', [{ type: 'If', condition: cond, then: [{ type: 'If', condition: cond, then: [footer] }] }]);
// @ts-expect-error a Switch may not contain a Switch
layoutOf('7.3', [{ type: 'Switch', value: cond, cases: { a: [{ type: 'Switch', value: cond, cases: { b: [text] } }] } }]);
// @ts-expect-error a Switch may not contain an If
layoutOf('4.0', [{ type: 'Switch', value: cond, cases: { a: [{ type: 'If', condition: cond, then: [text] }] } }]);
// @ts-expect-error `then` needs at least one component
layoutOf('7.3', [{ type: 'If', condition: cond, then: [] }]);
// @ts-expect-error no Form inside an If
layoutOf('7.3', [{ type: 'If', condition: cond, then: [{ type: 'Form', name: 'f', children: [text] }] }]);
// @ts-expect-error the condition needs a dynamic operand
layoutOf('7.3', [{ type: 'If', condition: 'true', then: [text] }]);
// @ts-expect-error PhotoPicker is not allowed in If branches
layoutOf('7.3', [{ type: 'If', condition: cond, then: [{ type: 'PhotoPicker', name: 'p', label: 'Photo' }] }]);

// @ts-expect-error 'lable' is not a property of TextInput
layoutOf('7.3', [{ type: 'TextInput', name: 'n', label: 'Name', lable: 'x' }]);
// @ts-expect-error 'helpertext' (missing dash)
layoutOf('7.3', [{ type: 'TextArea', name: 't', label: 'Text', helpertext: 'x' }]);
// @ts-expect-error camelCase instead of kebab-case
layoutOf('7.3', [{ type: 'Dropdown', name: 'd', label: 'Pick', dataSource: [] }]);
// @ts-expect-error unknown component
layoutOf('7.3', [{ type: 'Textinput', name: 'n', label: 'Name' }]);
// @ts-expect-error unknown action
layoutOf('7.3', [{ type: 'EmbeddedLink', text: 'Go', 'on-click-action': { name: 'submit' } }]);
// @ts-expect-error `next` belongs to navigate, not complete
layoutOf('7.3', [{ type: 'Footer', label: 'Go', 'on-click-action': { name: 'complete', next: { type: 'screen', name: 'A' } } }]);
// @ts-expect-error open_url has no payload
layoutOf('7.3', [{ type: 'OptIn', name: 'o', label: 'Terms', 'on-click-action': { name: 'open_url', url: 'https://x', payload: {} } }]);
// @ts-expect-error navigate needs `next`
layoutOf('7.3', [{ type: 'EmbeddedLink', text: 'Back', 'on-click-action': { name: 'navigate', payload: {} } }]);
// @ts-expect-error complete is Footer-only
layoutOf('7.3', [{ type: 'EmbeddedLink', text: 'Finish', 'on-click-action': { name: 'complete', payload: {} } }]);
// @ts-expect-error update_data is not a Footer action
layoutOf('7.3', [{ type: 'Footer', label: 'Go', 'on-click-action': { name: 'update_data', payload: {} } }]);
// @ts-expect-error DatePicker on-select-action is data_exchange only
layoutOf('7.3', [{ type: 'DatePicker', name: 'd', label: 'Day', 'on-select-action': { name: 'update_data', payload: {} } }]);
// @ts-expect-error null is not a valid value
layoutOf('7.3', [{ type: 'Footer', label: 'Go', 'on-click-action': { name: 'complete', payload: { a: null } } }]);
// @ts-expect-error left-caption needs right-caption
layoutOf('7.3', [{ type: 'Footer', label: 'Go', 'left-caption': 'a', 'on-click-action': { name: 'complete' } }]);
// @ts-expect-error center-caption excludes left/right captions
layoutOf('7.3', [{ type: 'Footer', label: 'Go', 'center-caption': 'c', 'right-caption': 'r', 'on-click-action': { name: 'complete' } }]);
// @ts-expect-error Footer has no `visible`
layoutOf('7.3', [{ type: 'Footer', label: 'Go', visible: false, 'on-click-action': { name: 'complete' } }]);
// @ts-expect-error pattern makes helper-text mandatory
layoutOf('7.3', [{ type: 'TextInput', name: 'zip', label: 'Zip', pattern: '[0-9]+' }]);
// @ts-expect-error pattern is not allowed with input-type email
layoutOf('7.3', [{ type: 'TextInput', name: 'e', label: 'Email', 'input-type': 'email', pattern: '.+', 'helper-text': 'h' }]);
// @ts-expect-error min-days only in range mode
layoutOf('7.3', [{ type: 'CalendarPicker', name: 'd', label: 'Day', 'min-days': 2 }]);
// @ts-expect-error dates are "YYYY-MM-DD" from 5.0
layoutOf('7.3', [{ type: 'CalendarPicker', name: 'd', label: 'Day', 'min-date': '21/10/2024' }]);
// @ts-expect-error at most 3 carousel images
layoutOf('7.3', [{ type: 'ImageCarousel', images: [{ src: 'a', 'alt-text': 'a' }, { src: 'a', 'alt-text': 'a' }, { src: 'a', 'alt-text': 'a' }, { src: 'a', 'alt-text': 'a' }] }]);
// @ts-expect-error init-value only outside a Form
layoutOf('7.3', [{ type: 'Form', name: 'f', children: [{ type: 'TextInput', name: 'n', label: 'Name', 'init-value': 'x' }] }]);
// @ts-expect-error unknown document MIME type
layoutOf('7.3', [{ type: 'DocumentPicker', name: 'doc', label: 'Doc', 'allowed-mime-types': ['application/exe'] }]);
// @ts-expect-error NavigationList must be alone on its screen
layoutOf('6.2', [{ type: 'NavigationList', name: 'n', 'list-items': '${data.items}' }, footer]);
// @ts-expect-error the NavigationList action is on the component or on every item, not both
layoutOf('6.2', [{ type: 'NavigationList', name: 'n', 'on-click-action': { name: 'data_exchange' }, 'list-items': [{ id: 'a', 'main-content': { title: 'A' }, 'on-click-action': { name: 'data_exchange' } }] }]);
// @ts-expect-error without a component-level action every item needs one
layoutOf('6.2', [{ type: 'NavigationList', name: 'n', 'list-items': [{ id: 'a', 'main-content': { title: 'A' } }] }]);

// @ts-expect-error `success` only on terminal screens
screenOf('7.3', { id: 'A', success: true, layout });
// @ts-expect-error __example__ must match the declared type
screenOf('7.3', { id: 'A', data: { count: { type: 'number', __example__: '3' } }, layout });
// @ts-expect-error __example__ only at the top level
screenOf('7.3', { id: 'A', data: { item: { type: 'object', properties: { id: { type: 'string', __example__: 'x' } }, __example__: {} } }, layout });
// @ts-expect-error arrays need `items`
screenOf('7.3', { id: 'A', data: { list: { type: 'array', __example__: [] } }, layout });
// @ts-expect-error every top-level field needs __example__
screenOf('7.3', { id: 'A', data: { name: { type: 'string' } }, layout });
// @ts-expect-error data_api_version requires routing_model
export const endpointWithoutRouting: FlowJsonV7_3 = { version: '7.3', data_api_version: '4.0', screens: [] };
// @ts-expect-error unknown Data API version
export const oldDataApi: FlowJsonV7_3 = { version: '7.3', data_api_version: '2.0', routing_model: {}, screens: [] };
// @ts-expect-error no other top-level keys
export const extraTopLevel: FlowJsonV7_3 = { version: '7.3', screens: [], endpoint_uri: 'https://x' };

// ---- defineFlow: misspellings and screen references --------------------------------------------------------

defineFlow({
  version: '6.3',
  screens: [
    {
      id: 'A',
      terminal: true,
      layout: {
        type: 'SingleColumnLayout',
        children: [
          // @ts-expect-error 'requird' is not a property of TextInput
          { type: 'TextInput', name: 'n', label: 'Name', requird: true },
          footer,
        ],
      },
    },
  ],
});

defineFlow({
  version: '7.3',
  data_api_version: '3.0',
  // @ts-expect-error 'MISSING' is not a screen of this flow
  routing_model: { START: ['MISSING'] },
  screens: [{ id: 'START', terminal: true, layout }],
});

defineFlow({
  version: '7.3',
  screens: [
    {
      id: 'START',
      terminal: true,
      layout: {
        type: 'SingleColumnLayout',
        children: [
          // @ts-expect-error navigate target 'NOWHERE' is not a screen of this flow
          { type: 'Footer', label: 'Go', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'NOWHERE' } } },
        ],
      },
    },
  ],
});

// ---- The 2.1 shape and the version union -----------------------------------------------------------------

export const legacy: FlowJsonV2_1 = {
  version: '2.1',
  data_api_version: '3.0',
  data_channel_uri: 'https://example.com/endpoint',
  routing_model: { FORM: [] },
  screens: [
    {
      id: 'FORM',
      terminal: true,
      layout: {
        type: 'SingleColumnLayout',
        children: [
          {
            type: 'Form',
            name: 'form',
            children: [
              { type: 'DatePicker', name: 'date', label: 'Date', 'min-date': '1693569600000' },
              { type: 'CheckboxGroup', name: 'c', 'data-source': [{ id: '1', title: 'One' }] },
              footer,
            ],
          },
        ],
      },
    },
  ],
};

/** `version` discriminates the union. */
export function screenCount(flow: FlowJson): number {
  switch (flow.version) {
    case '2.1':
      return flow.data_channel_uri === undefined ? flow.screens.length : flow.screens.length + 0;
    default:
      return flow.screens.length;
  }
}

export const versions: readonly FlowJsonVersion[] = FLOW_JSON_VERSIONS;
export const textInput: FlowComponent<'7.0', 'TextInput'> = { type: 'TextInput', name: 'n', label: 'L' };
export const sameShape: TextInputV7_0 = textInput;
export const anyScreen: FlowScreen<'6.3'> = { id: 'X', layout: { type: 'SingleColumnLayout', children: [] } };
// @ts-expect-error '8.0' is not a known version
export const unknownVersion: FlowJson = { version: '8.0', screens: [] };

// defineFlow also takes values that are already typed, or assembled from typed parts.
export function retype(flow: FlowJson): FlowJson {
  return defineFlow(flow);
}
export function fromScreens(screens: FlowScreen<'7.3'>[]): FlowJsonV7_3 {
  return defineFlow({ version: '7.3', screens });
}
export function withComputedTarget(target: string): FlowJsonV7_3 {
  const go = { name: 'navigate', next: { type: 'screen', name: target } } as const;
  return defineFlow({
    version: '7.3',
    screens: [{ id: 'A', terminal: true, layout: { type: 'SingleColumnLayout', children: [{ ...footer, 'on-click-action': go }] } }],
  });
}

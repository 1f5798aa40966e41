/**
 * Compile-time tests: a component or property is accepted from the version that introduced it, and
 * rejected before (run by `tsc --noEmit -p .`). Each negative case is one statement on the line after its
 * `@ts-expect-error`; the positive case next to it shows the first version that accepts it.
 */
import type { FlowJson, FlowJsonVersion, FlowLayout, FlowScreen } from '../../src/flow-json/types/index.js';

function layoutOf<V extends FlowJsonVersion>(_version: V, _children: FlowLayout<V>['children']): void {}
function screenOf<V extends FlowJsonVersion>(_version: V, _screen: FlowScreen<V>): void {}

const footer = { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } } as const;
const layout = { type: 'SingleColumnLayout', children: [footer] } as const;
const text = { type: 'TextBody', text: 'x' } as const;
const options = [{ id: '1', title: 'One' }] as const;
const setFlag = { name: 'update_data', payload: { flag: true } } as const;

// ---- 3.0: data_channel_uri leaves the JSON ---------------------------------------------------------------

export const withUri: FlowJson = { version: '2.1', data_channel_uri: 'https://x.example', screens: [] };
// @ts-expect-error data_channel_uri only before 3.0
export const uriIn3_0: FlowJson = { version: '3.0', data_channel_uri: 'https://x.example', screens: [] };

// ---- 4.0: optional Form, init-value / error-message, If, Switch, media pickers, labels ------------------

layoutOf('4.0', [{ type: 'TextInput', name: 'n', label: 'Name', 'init-value': 'Ana', 'error-message': 'Too short' }]);
// @ts-expect-error inputs must be inside a Form before 4.0
layoutOf('3.1', [{ type: 'TextInput', name: 'n', label: 'Name' }]);
// @ts-expect-error init-value arrives in 4.0
layoutOf('3.1', [{ type: 'Form', name: 'f', children: [{ type: 'TextInput', name: 'n', label: 'N', 'init-value': 'x' }] }]);
// @ts-expect-error error-message arrives in 4.0
layoutOf('3.1', [{ type: 'Form', name: 'f', children: [{ type: 'Dropdown', name: 'd', label: 'D', 'data-source': options, 'error-message': 'x' }] }]);

layoutOf('4.0', [{ type: 'If', condition: '${data.a}', then: [text] }, { type: 'Switch', value: '${data.a}', cases: { a: [text] } }]);
// @ts-expect-error If arrives in 4.0
layoutOf('3.1', [{ type: 'If', condition: '${data.a}', then: [text] }]);
// @ts-expect-error Switch arrives in 4.0
layoutOf('3.1', [{ type: 'Switch', value: '${data.a}', cases: { a: [text] } }]);

layoutOf('4.0', [{ type: 'PhotoPicker', name: 'p', label: 'Photo' }]);
layoutOf('4.0', [{ type: 'DocumentPicker', name: 'd', label: 'Doc', 'allowed-mime-types': ['application/pdf'] }]);
// @ts-expect-error PhotoPicker arrives in 4.0
layoutOf('3.1', [{ type: 'Form', name: 'f', children: [{ type: 'PhotoPicker', name: 'p', label: 'Photo' }] }]);
// @ts-expect-error DocumentPicker arrives in 4.0
layoutOf('3.0', [{ type: 'Form', name: 'f', children: [{ type: 'DocumentPicker', name: 'd', label: 'Doc' }] }]);

layoutOf('3.1', [{ type: 'Form', name: 'f', children: [{ type: 'CheckboxGroup', name: 'c', 'data-source': options }] }]);
// @ts-expect-error CheckboxGroup label is required from 4.0
layoutOf('4.0', [{ type: 'CheckboxGroup', name: 'c', 'data-source': options }]);
layoutOf('4.0', [{ type: 'RadioButtonsGroup', name: 'r', label: 'R', description: 'Pick one', 'data-source': options }]);
// @ts-expect-error description arrives in 4.0
layoutOf('3.1', [{ type: 'Form', name: 'f', children: [{ type: 'RadioButtonsGroup', name: 'r', description: 'd', 'data-source': options }] }]);

// ---- 5.0: "YYYY-MM-DD" dates, option images, media-size ---------------------------------------------------

layoutOf('4.0', [{ type: 'DatePicker', name: 'd', label: 'Date', 'min-date': '1693569600000' }]);
layoutOf('5.0', [{ type: 'DatePicker', name: 'd', label: 'Date', 'min-date': '2024-10-21' }]);
// @ts-expect-error before 5.0 dates are epoch-millisecond strings
layoutOf('4.0', [{ type: 'DatePicker', name: 'd', label: 'Date', 'min-date': '2024-10-21' }]);
// @ts-expect-error from 5.0 dates are "YYYY-MM-DD"
layoutOf('5.0', [{ type: 'DatePicker', name: 'd', label: 'Date', 'min-date': '1693569600000' }]);

layoutOf('5.0', [{ type: 'CheckboxGroup', name: 'c', label: 'C', 'media-size': 'large', 'data-source': [{ id: '1', title: 'A', image: 'iVBOR', 'alt-text': 'a' }] }]);
// @ts-expect-error media-size arrives in 5.0
layoutOf('4.0', [{ type: 'CheckboxGroup', name: 'c', label: 'C', 'media-size': 'large', 'data-source': options }]);
// @ts-expect-error option images arrive in 5.0
layoutOf('4.0', [{ type: 'Dropdown', name: 'd', label: 'D', 'data-source': [{ id: '1', title: 'A', image: 'iVBOR' }] }]);

// ---- 5.1: RichText, markdown, sensitive ------------------------------------------------------------------

layoutOf('5.1', [{ type: 'RichText', text: ['# Terms', 'Text'] }]);
// @ts-expect-error RichText arrives in 5.1
layoutOf('5.0', [{ type: 'RichText', text: 'x' }]);
layoutOf('5.1', [{ type: 'TextBody', markdown: true, text: ['**bold**', '- item'] }]);
// @ts-expect-error markdown arrives in 5.1
layoutOf('5.0', [{ type: 'TextBody', markdown: true, text: 'x' }]);
// @ts-expect-error array text arrives in 5.1
layoutOf('5.0', [{ type: 'TextCaption', text: ['a', 'b'] }]);
screenOf('5.1', { id: 'A', terminal: true, sensitive: ['password'], layout });
// @ts-expect-error sensitive arrives in 5.1
screenOf('5.0', { id: 'A', terminal: true, sensitive: ['password'], layout });

// ---- 6.0: update_data, open_url, on-unselect-action -------------------------------------------------------

layoutOf('6.0', [{ type: 'RadioButtonsGroup', name: 'r', label: 'R', 'data-source': options, 'on-select-action': setFlag, 'on-unselect-action': setFlag }]);
// @ts-expect-error update_data arrives in 6.0
layoutOf('5.1', [{ type: 'RadioButtonsGroup', name: 'r', label: 'R', 'data-source': options, 'on-select-action': setFlag }]);
// @ts-expect-error on-unselect-action arrives in 6.0
layoutOf('5.1', [{ type: 'CheckboxGroup', name: 'c', label: 'C', 'data-source': options, 'on-unselect-action': setFlag }]);
layoutOf('6.0', [{ type: 'Dropdown', name: 'd', label: 'D', 'data-source': [{ id: '1', title: 'A', 'on-select-action': setFlag }] }]);
// @ts-expect-error option actions arrive in 6.0
layoutOf('5.1', [{ type: 'Dropdown', name: 'd', label: 'D', 'data-source': [{ id: '1', title: 'A', 'on-select-action': setFlag }] }]);
layoutOf('6.0', [{ type: 'OptIn', name: 'o', label: 'News', 'on-select-action': setFlag }]);
// @ts-expect-error OptIn select actions arrive in 6.0
layoutOf('5.1', [{ type: 'OptIn', name: 'o', label: 'News', 'on-select-action': setFlag }]);
layoutOf('6.0', [{ type: 'EmbeddedLink', text: 'Terms', 'on-click-action': { name: 'open_url', url: 'https://x.example' } }]);
// @ts-expect-error open_url arrives in 6.0
layoutOf('5.1', [{ type: 'EmbeddedLink', text: 'Terms', 'on-click-action': { name: 'open_url', url: 'https://x.example' } }]);

// ---- 6.1 CalendarPicker, 6.2 NavigationList and pattern, 6.3 ChipsSelector and RichText + Footer ---------

layoutOf('6.1', [{ type: 'CalendarPicker', name: 'c', label: 'Day', mode: 'single', 'include-days': ['Mon'] }]);
// @ts-expect-error CalendarPicker arrives in 6.1
layoutOf('6.0', [{ type: 'CalendarPicker', name: 'c', label: 'Day' }]);

layoutOf('6.2', [{ type: 'NavigationList', name: 'n', 'list-items': '${data.items}', 'on-click-action': { name: 'data_exchange' } }]);
// @ts-expect-error NavigationList arrives in 6.2
layoutOf('6.1', [{ type: 'NavigationList', name: 'n', 'list-items': '${data.items}', 'on-click-action': { name: 'data_exchange' } }]);
layoutOf('6.2', [{ type: 'TextInput', name: 'n', label: 'Code', pattern: '^[A-Z]+$', 'helper-text': 'Capitals' }]);
// @ts-expect-error pattern arrives in 6.2
layoutOf('6.1', [{ type: 'TextInput', name: 'n', label: 'Code', pattern: '^[A-Z]+$', 'helper-text': 'Capitals' }]);

layoutOf('6.3', [{ type: 'ChipsSelector', name: 'c', label: 'Topics', 'data-source': options }]);
// @ts-expect-error ChipsSelector arrives in 6.3
layoutOf('6.2', [{ type: 'ChipsSelector', name: 'c', label: 'Topics', 'data-source': options }]);
layoutOf('6.3', [{ type: 'RichText', text: 'Terms' }, footer]);
// @ts-expect-error RichText shares its screen with a Footer from 6.3
layoutOf('6.2', [{ type: 'RichText', text: 'Terms' }, footer]);

// ---- 7.0 label-variant, 7.1 ImageCarousel and ChipsSelector in branches / with update_data ---------------

layoutOf('7.0', [{ type: 'TextArea', name: 't', label: 'Story', 'label-variant': 'large' }]);
// @ts-expect-error label-variant arrives in 7.0
layoutOf('6.3', [{ type: 'TextArea', name: 't', label: 'Story', 'label-variant': 'large' }]);
// @ts-expect-error label-variant arrives in 7.0
layoutOf('6.3', [{ type: 'TextInput', name: 't', label: 'Name', 'label-variant': 'large' }]);

layoutOf('7.1', [{ type: 'ImageCarousel', images: [{ src: 'iVBOR', 'alt-text': 'a' }] }]);
// @ts-expect-error ImageCarousel arrives in 7.1
layoutOf('7.0', [{ type: 'ImageCarousel', images: [{ src: 'iVBOR', 'alt-text': 'a' }] }]);
layoutOf('7.1', [{ type: 'If', condition: '${data.a}', then: [{ type: 'ChipsSelector', name: 'c', label: 'C', 'data-source': options }] }]);
// @ts-expect-error ChipsSelector is allowed in If/Switch from 7.1
layoutOf('7.0', [{ type: 'If', condition: '${data.a}', then: [{ type: 'ChipsSelector', name: 'c', label: 'C', 'data-source': options }] }]);
layoutOf('7.1', [{ type: 'ChipsSelector', name: 'c', label: 'C', 'data-source': options, 'on-select-action': setFlag }]);
// @ts-expect-error ChipsSelector update_data arrives in 7.1
layoutOf('7.0', [{ type: 'ChipsSelector', name: 'c', label: 'C', 'data-source': options, 'on-select-action': setFlag }]);

// ---- 7.2 and 7.3 accept what 7.1 accepts ------------------------------------------------------------------

layoutOf('7.2', [{ type: 'ImageCarousel', images: [{ src: 'iVBOR', 'alt-text': 'a' }] }]);
layoutOf('7.3', [{ type: 'Switch', value: '${form.c}', cases: { a: [{ type: 'ChipsSelector', name: 'c', label: 'C', 'data-source': options }] } }]);

/**
 * Platform rule owned here: what value each input component gives `${form.<name>}`, in the data model's type names
 * (flows-platform §2.7 "init-values types: CheckboxGroup array of strings; RadioButtonsGroup, Dropdown and text entry
 * → string"; §2.10 OptIn is a checkbox (boolean), CalendarPicker range mode gives `{"start-date","end-date"}`;
 * §3.8 PhotoPicker / DocumentPicker give an array of media items).
 *
 * Consumers: the validator's payload typing (`src/flow-json/checks/payload-types.ts`), `parseCompletion`
 * (`src/webhooks/parse-completion.ts`), and the compile-time mirror `InputValueByType` in `src/contract/values.ts`
 * (test/types/contract-agreement.test.ts checks the two agree).
 */

/** A value type in the data model's names (flows-platform §2.5). */
export type ValueTypeName = 'string' | 'number' | 'boolean' | 'object' | 'array';

/**
 * Value type of each input component whose value type does not depend on its settings. TextInput depends on
 * `input-type` and CalendarPicker on `mode`: see `inputValueType`.
 */
export const INPUT_VALUE_TYPES: Readonly<Record<string, ValueTypeName>> = {
  TextArea: 'string',
  Dropdown: 'string',
  RadioButtonsGroup: 'string',
  DatePicker: 'string',
  CheckboxGroup: 'array',
  ChipsSelector: 'array',
  OptIn: 'boolean',
};

/**
 * Media pickers (≥ 4.0): their value is an array of media items in a data_exchange request and of uploaded files in
 * the completion (§3.8). Kept apart from `INPUT_VALUE_TYPES` because a navigate payload may not carry them at all
 * (§2.8; the media-picker-payload rule's concern), so the payload typing leaves them undetermined.
 */
export const MEDIA_INPUT_TYPES: ReadonlySet<string> = new Set(['PhotoPicker', 'DocumentPicker']);

/** The component types whose `name` is readable as `${form.<name>}` (Form and NavigationList are not inputs). */
export const INPUT_COMPONENT_TYPES: ReadonlySet<string> = new Set([...Object.keys(INPUT_VALUE_TYPES), ...MEDIA_INPUT_TYPES, 'TextInput', 'CalendarPicker']);

/**
 * The value type of an input component given its properties; undefined when it cannot be told statically (a
 * `number` TextInput may send a number or a numeric string; a dynamic `input-type` or `mode`).
 */
export function inputValueType(type: string, props: Readonly<Record<string, unknown>>): ValueTypeName | undefined {
  if (type === 'TextInput') {
    const inputType = props['input-type'];
    if (inputType === undefined) return 'string';
    return typeof inputType === 'string' && inputType !== 'number' && !inputType.includes('${') && !inputType.startsWith('`') ? 'string' : undefined;
  }
  if (type === 'CalendarPicker') {
    if (props.mode === undefined || props.mode === 'single') return 'string';
    return props.mode === 'range' ? 'object' : undefined;
  }
  return INPUT_VALUE_TYPES[type];
}

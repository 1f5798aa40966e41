/**
 * Component type sets the screens rules share (flows-platform §2.2, §2.7, §2.10).
 * Not a rule: no `defineRule` here.
 */

/** Every component type Meta documents, any version (rules skip types outside it: unknown types are the components family's). */
export const KNOWN_COMPONENT_TYPES: ReadonlySet<string> = new Set([
  'Form', 'TextHeading', 'TextSubheading', 'TextBody', 'TextCaption', 'RichText', 'TextInput', 'TextArea',
  'CheckboxGroup', 'RadioButtonsGroup', 'Footer', 'OptIn', 'Dropdown', 'EmbeddedLink', 'DatePicker',
  'CalendarPicker', 'Image', 'ImageCarousel', 'PhotoPicker', 'DocumentPicker', 'If', 'Switch', 'NavigationList',
  'ChipsSelector',
]);

/** Inputs that must sit inside a Form before 4.0 (§2.7; the 2.1 input set). */
export const FORM_ONLY_INPUTS_BEFORE_4_0: ReadonlySet<string> = new Set([
  'TextInput', 'TextArea', 'CheckboxGroup', 'RadioButtonsGroup', 'OptIn', 'Dropdown', 'DatePicker',
]);

/**
 * "Form components", the ones that take user input and whose `name` is read with `${form.name}` (§2.7):
 * the 2.1 inputs plus PhotoPicker, DocumentPicker (4.0), CalendarPicker (6.1) and ChipsSelector (6.3).
 * NavigationList has a `name` but is not an input.
 */
export const INPUT_TYPES: ReadonlySet<string> = new Set([
  ...FORM_ONLY_INPUTS_BEFORE_4_0, 'PhotoPicker', 'DocumentPicker', 'CalendarPicker', 'ChipsSelector',
]);

/** Media pickers, which Form `init-values` may not initialise (§2.7). */
export const NATIVE_INPUT_TYPES: ReadonlySet<string> = new Set(['PhotoPicker', 'DocumentPicker']);

/**
 * Components allowed in `Switch` cases (§2.10), and in `If` branches together with `If` and `Switch`.
 * The documented lists omit PhotoPicker, DocumentPicker and CalendarPicker, but Meta's own Flow Builder
 * schema (WAFlowJSONIfComponentSchema / WAFlowJSONSwitchComponentSchema) accepts them, so they are allowed
 * here to avoid false alarms. ChipsSelector from 7.1 (§2.2); CalendarPicker exists from 6.1 anyway.
 */
const CASE_CHILDREN = [
  'TextHeading', 'TextSubheading', 'TextBody', 'TextCaption', 'CheckboxGroup', 'DatePicker', 'Dropdown',
  'EmbeddedLink', 'Footer', 'Image', 'OptIn', 'RadioButtonsGroup', 'TextArea', 'TextInput',
  'PhotoPicker', 'DocumentPicker', 'CalendarPicker',
];
export const SWITCH_CHILDREN: ReadonlySet<string> = new Set(CASE_CHILDREN);
export const IF_CHILDREN: ReadonlySet<string> = new Set([...CASE_CHILDREN, 'If', 'Switch']);
/** Allowed in If branches and Switch cases from 7.1 only. */
export const CONDITIONAL_CHILDREN_FROM_7_1: ReadonlySet<string> = new Set(['ChipsSelector']);

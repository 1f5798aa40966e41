/** Text entry and date components (flows-platform §2.10 "Text entry", "Dates"): TextInput, TextArea, DatePicker, CalendarPicker. */
import {
  ACTION,
  BOOLEAN,
  INTEGER,
  NAME,
  STRING,
  STRING_ARRAY,
  TYPE,
  VISIBLE,
  oneOf,
  required,
  since,
  text,
  type ComponentSpec,
  type PropertySpec,
} from './catalog-spec.js';

export const TEXT_INPUT_TYPES = ['text', 'number', 'email', 'password', 'passcode', 'phone'] as const;
const LABEL_VARIANT = since('7.0', oneOf(['large']));

export const ENTRY_COMPONENTS: readonly ComponentSpec[] = [
  {
    type: 'TextInput',
    since: '2.1',
    properties: {
      type: TYPE,
      name: NAME,
      label: text(20, { required: true }),
      'input-type': oneOf(TEXT_INPUT_TYPES),
      pattern: since('6.2', STRING),
      required: BOOLEAN,
      'min-chars': INTEGER,
      'max-chars': INTEGER,
      'helper-text': text(80),
      'label-variant': LABEL_VARIANT,
      // `enabled` is in pywa, not in Meta's table: accepted rather than risk a false alarm.
      enabled: BOOLEAN,
      visible: VISIBLE,
      'init-value': since('4.0', STRING),
      'error-message': since('4.0', text(30)),
    },
  },
  {
    type: 'TextArea',
    since: '2.1',
    properties: {
      type: TYPE,
      name: NAME,
      label: text(20, { required: true }),
      required: BOOLEAN,
      'max-length': INTEGER,
      'helper-text': text(80),
      'label-variant': LABEL_VARIANT,
      enabled: BOOLEAN,
      visible: VISIBLE,
      'init-value': since('4.0', STRING),
      'error-message': since('4.0', STRING),
    },
  },
  {
    type: 'DatePicker',
    since: '2.1',
    properties: {
      type: TYPE,
      name: NAME,
      label: text(40, { required: true }),
      'min-date': STRING,
      'max-date': STRING,
      'unavailable-dates': STRING_ARRAY,
      'helper-text': text(80),
      enabled: BOOLEAN,
      required: BOOLEAN,
      visible: VISIBLE,
      'init-value': since('4.0', STRING),
      'error-message': since('4.0', text(80)),
      'on-select-action': ACTION,
    },
  },
  {
    type: 'CalendarPicker',
    since: '6.1',
    properties: {
      type: TYPE,
      name: NAME,
      // Single mode takes strings; range mode objects `{ "start-date", "end-date" }`.
      label: required(range(text(40), true)),
      title: text(80),
      description: text(300),
      'helper-text': range(text(80)),
      required: range(BOOLEAN),
      visible: VISIBLE,
      enabled: BOOLEAN,
      mode: oneOf(['single', 'range']),
      'min-date': STRING,
      'max-date': STRING,
      'unavailable-dates': STRING_ARRAY,
      'include-days': { kinds: ['array'], items: oneOf(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']) },
      'min-days': INTEGER,
      'max-days': INTEGER,
      'on-select-action': ACTION,
      'init-value': range(STRING),
      'error-message': range(text(80)),
    },
  },
];

/** A CalendarPicker property: one value (single mode), or one per end of the range (range mode). */
function range(each: PropertySpec, bothRequired = false): PropertySpec {
  const end = bothRequired ? required(each) : each;
  return { ...each, kinds: [...each.kinds, 'object'], shape: { 'start-date': end, 'end-date': end } };
}

/** Selection components (flows-platform §2.10 "Selection"): CheckboxGroup, RadioButtonsGroup, Dropdown, ChipsSelector. */
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
  type Shape,
} from './catalog-spec.js';

/** An option of CheckboxGroup / RadioButtonsGroup / Dropdown. */
const OPTION: Shape = {
  id: required(STRING),
  title: text(30, { required: true }),
  description: text(300),
  metadata: text(20),
  enabled: BOOLEAN,
  image: since('5.0', STRING),
  'alt-text': since('5.0', STRING),
  color: since('5.0', STRING),
  'on-select-action': since('6.0', ACTION),
  'on-unselect-action': since('6.0', ACTION),
};

/** A chip of ChipsSelector: fewer fields than an option; actions from 7.1. */
const CHIP: Shape = {
  id: required(STRING),
  title: required(STRING),
  enabled: BOOLEAN,
  'on-select-action': since('7.1', ACTION),
  'on-unselect-action': since('7.1', ACTION),
};

function dataSource(item: Shape, minItems: number, maxItems: number, maxItemsWithImages?: number): PropertySpec {
  const spec: PropertySpec = { kinds: ['array'], required: true, items: { kinds: ['object'], shape: item }, minItems, maxItems: { value: maxItems } };
  return maxItemsWithImages === undefined ? spec : { ...spec, maxItemsWithImages };
}

/** Properties every selection component has. */
const COMMON = {
  type: TYPE,
  name: NAME,
  required: BOOLEAN,
  enabled: BOOLEAN,
  visible: VISIBLE,
  'error-message': since('4.0', STRING),
  'on-select-action': ACTION,
  'on-unselect-action': since('6.0', ACTION),
} satisfies Shape;

/** CheckboxGroup and RadioButtonsGroup: `label` required from 4.0, `description` from 4.0, `media-size` from 5.0. */
const GROUP = {
  ...COMMON,
  'data-source': dataSource(OPTION, 1, 20),
  label: text(30, { required: '4.0' }),
  description: since('4.0', text(300)),
  'media-size': since('5.0', oneOf(['regular', 'large'])),
} satisfies Shape;

export const SELECTION_COMPONENTS: readonly ComponentSpec[] = [
  {
    type: 'CheckboxGroup',
    since: '2.1',
    properties: {
      ...GROUP,
      'min-selected-items': INTEGER,
      'max-selected-items': INTEGER,
      'init-value': since('4.0', STRING_ARRAY),
    },
  },
  { type: 'RadioButtonsGroup', since: '2.1', properties: { ...GROUP, 'init-value': since('4.0', STRING) } },
  {
    type: 'Dropdown',
    since: '2.1',
    properties: {
      ...COMMON,
      // Meta's table says 20; pywa says 30: between the two is a warning.
      label: text(20, { required: true }, 30),
      'data-source': dataSource(OPTION, 1, 200, 100),
      'init-value': since('4.0', STRING),
    },
  },
  {
    type: 'ChipsSelector',
    since: '6.3',
    properties: {
      ...COMMON,
      label: text(80, { required: true }),
      description: text(300),
      'data-source': dataSource(CHIP, 2, 20),
      'min-selected-items': INTEGER,
      'max-selected-items': INTEGER,
      'init-value': STRING_ARRAY,
      'on-unselect-action': since('7.1', ACTION),
    },
  },
];

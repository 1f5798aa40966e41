/** Other interactive components (flows-platform §2.10 "Other interactive"): Footer, OptIn, EmbeddedLink, NavigationList. */
import {
  ACTION,
  BOOLEAN,
  NAME,
  STRING,
  TYPE,
  VISIBLE,
  oneOf,
  required,
  since,
  text,
  type ComponentSpec,
  type Shape,
} from './catalog-spec.js';

/** One entry of a NavigationList. */
const NAVIGATION_ITEM: Shape = {
  // `id` appears in all of Meta's examples and pywa requires it; Meta's table does not: optional here.
  id: STRING,
  'main-content': {
    kinds: ['object'],
    required: true,
    shape: { title: text(30, { required: true }), description: text(20), metadata: text(80) },
  },
  start: { kinds: ['object'], shape: { image: required(STRING), 'alt-text': STRING } },
  // DISAGREE: Meta says 10 for all three `end` texts, pywa 20 (description) and 80 (metadata): warnings in between.
  end: { kinds: ['object'], shape: { title: text(10), description: text(10, {}, 20), metadata: text(10, {}, 80) } },
  badge: text(15),
  tags: { kinds: ['array'], items: text(15), maxItems: { value: 3 } },
  'on-click-action': ACTION,
};

export const INTERACTIVE_COMPONENTS: readonly ComponentSpec[] = [
  {
    type: 'Footer',
    since: '2.1',
    properties: {
      type: TYPE,
      label: text(35, { required: true }),
      'on-click-action': required(ACTION),
      'left-caption': text(15),
      'center-caption': text(15),
      'right-caption': text(15),
      enabled: BOOLEAN,
    },
  },
  {
    type: 'OptIn',
    since: '2.1',
    properties: {
      type: TYPE,
      name: NAME,
      // pywa says 30, Meta 120: Meta's larger number is the limit.
      label: text(120, { required: true }),
      required: BOOLEAN,
      'on-click-action': ACTION,
      'on-select-action': since('6.0', ACTION),
      'on-unselect-action': since('6.0', ACTION),
      visible: VISIBLE,
      'init-value': since('4.0', BOOLEAN),
    },
  },
  {
    type: 'EmbeddedLink',
    since: '2.1',
    properties: {
      type: TYPE,
      // Meta's current docs say 25; older docs and pywa 35, and Meta's own 2.1 `sign_in` example has 30: a warning
      // between 25 and 35.
      text: text(25, { required: true, minLength: 1 }, 35),
      'on-click-action': required(ACTION),
      visible: VISIBLE,
    },
  },
  {
    type: 'NavigationList',
    since: '6.2',
    properties: {
      type: TYPE,
      name: NAME,
      'list-items': {
        kinds: ['array'],
        required: true,
        items: { kinds: ['object'], shape: NAVIGATION_ITEM },
        minItems: 1,
        maxItems: { value: 20 },
      },
      label: text(80),
      description: text(300),
      'media-size': oneOf(['regular', 'large']),
      'on-click-action': ACTION,
    },
  },
];

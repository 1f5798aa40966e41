/** Components that hold other components: Form (flows-platform §2.7), If and Switch (§2.10 "Conditional"). */
import { COMPONENT_LIST, FREE_OBJECT, NAME, STRING, TYPE, required, type ComponentSpec } from './catalog-spec.js';

export const CONTAINER_COMPONENTS: readonly ComponentSpec[] = [
  {
    type: 'Form',
    since: '2.1',
    properties: {
      type: TYPE,
      name: NAME,
      children: required(COMPONENT_LIST),
      // `{ <input name>: <value> }` or a binding; what each value may be is the forms rules' concern.
      'init-values': FREE_OBJECT,
      'error-messages': FREE_OBJECT,
    },
  },
  {
    type: 'If',
    since: '4.0',
    properties: { type: TYPE, condition: required(STRING), then: required(COMPONENT_LIST), else: COMPONENT_LIST },
  },
  {
    type: 'Switch',
    since: '4.0',
    properties: {
      type: TYPE,
      value: required(STRING),
      cases: { kinds: ['object'], required: true, dynamic: false, values: COMPONENT_LIST },
    },
  },
];

/**
 * One case table for the run-time validator and the compile-time contract checks of `defineFlow`
 * (src/contract/flow-checks.ts). Each case is a small flow; `expectedRuntimeIds` are the validator's error rules it
 * must trigger, and `typeError` the first line tsc must print for it through `defineFlow` (none: defineFlow accepts
 * it). `typesOnly` marks an SDK check with no Meta rule behind it (the validator stays silent there).
 */
type Json = Record<string, unknown>;

export interface ContractCase {
  name: string;
  flow: Json;
  expectedRuntimeIds: string[];
  typeError?: string;
  typesOnly?: boolean;
}

const footer = (action: Json): Json => ({ type: 'Footer', label: 'Go', 'on-click-action': action });
const complete = footer({ name: 'complete', payload: {} });

/** A flow A → B (navigate), endpoint-less; `a` and `b` are extra children of each screen. */
function twoScreens(version: string, a: Json[], b: Json[], navigatePayload: Json = { who: '${form.name}' }, bData: Json = { who: { type: 'string', __example__: 'x' } }): Json {
  return {
    version,
    screens: [
      {
        id: 'A',
        data: { name: { type: 'string', __example__: 'Ana' } },
        layout: {
          type: 'SingleColumnLayout',
          children: [{ type: 'TextInput', name: 'name', label: 'Name' }, { type: 'TextInput', name: 'age', label: 'Age', 'input-type': 'text' }, ...a, footer({ name: 'navigate', next: { type: 'screen', name: 'B' }, payload: navigatePayload })],
        },
      },
      { id: 'B', terminal: true, data: bData, layout: { type: 'SingleColumnLayout', children: [...b, complete] } },
    ],
  };
}

export const CONTRACT_CASES: ContractCase[] = [
  { name: 'data reference declared', flow: twoScreens('7.3', [{ type: 'TextBody', text: '${data.name}' }], []), expectedRuntimeIds: [] },
  {
    name: 'data reference not declared',
    flow: twoScreens('7.3', [{ type: 'TextBody', text: '${data.nme}' }], []),
    expectedRuntimeIds: ['flow-json/data-reference'],
    typeError: `Type '"\${data.nme}"' is not assignable to type '"\${data.nme}" & ContractError<"Unknown data key 'nme' on screen 'A'">'.`,
  },
  {
    name: 'data reference not declared (2.1)',
    flow: { version: '2.1', screens: [{ id: 'A', terminal: true, data: { name: { type: 'string', __example__: 'x' } }, layout: { type: 'SingleColumnLayout', children: [{ type: 'TextBody', text: '${data.zip}' }, complete] } }] },
    expectedRuntimeIds: ['flow-json/data-reference'],
    typeError: `Type '"\${data.zip}"' is not assignable to type '"\${data.zip}" & ContractError<"Unknown data key 'zip' on screen 'A'">'.`,
  },
  { name: 'form reference to an input', flow: twoScreens('7.3', [], [], { who: '${form.age}' }), expectedRuntimeIds: [] },
  {
    name: 'form reference to no input',
    flow: twoScreens('7.3', [], [], { who: '${form.zzz}' }),
    expectedRuntimeIds: ['flow-json/form-reference'],
    typeError: `Type '"\${form.zzz}"' is not assignable to type '"\${form.zzz}" & ContractError<"Unknown form field 'zzz' on screen 'A'">'.`,
  },
  { name: 'global reference resolves', flow: twoScreens('7.3', [], [{ type: 'TextBody', text: '${screen.A.form.name}' }]), expectedRuntimeIds: [] },
  {
    name: 'global reference to an unknown screen',
    flow: twoScreens('7.3', [], [{ type: 'TextBody', text: '${screen.NOPE.data.x}' }]),
    expectedRuntimeIds: ['flow-json/global-reference'],
    typeError: `Type '"\${screen.NOPE.data.x}"' is not assignable to type '"\${screen.NOPE.data.x}" & ContractError<"Unknown screen 'NOPE'">'.`,
  },
  {
    name: 'global reference to an unknown input',
    flow: twoScreens('7.3', [], [{ type: 'TextBody', text: '${screen.A.form.zzz}' }]),
    expectedRuntimeIds: ['flow-json/global-reference'],
    typeError: `Type '"\${screen.A.form.zzz}"' is not assignable to type '"\${screen.A.form.zzz}" & ContractError<"Unknown form field 'zzz' on screen 'A'">'.`,
  },
  {
    name: 'global reference to the current screen',
    flow: twoScreens('7.3', [{ type: 'TextBody', text: '${screen.A.data.name}' }], []),
    expectedRuntimeIds: ['flow-json/global-reference'],
    typeError: `Type '"\${screen.A.data.name}"' is not assignable to type '"\${screen.A.data.name}" & ContractError<"Screen 'A' is the current screen: use '\${data.name}'">'.`,
  },
  {
    name: 'navigate payload with a key the next screen does not declare',
    flow: twoScreens('7.3', [], [], { who: '${form.name}', extra: 1 }),
    expectedRuntimeIds: ['flow-json/navigate-payload-data-model'],
    typeError: `Type '1' is not assignable to type '1 & ContractError<"Unknown data key 'extra' on screen 'B'">'.`,
  },
  {
    name: 'navigate payload missing a declared key',
    flow: twoScreens('7.3', [], [], {}, { who: { type: 'string', __example__: 'x' }, age: { type: 'number', __example__: 1 } }),
    expectedRuntimeIds: ['flow-json/navigate-payload-data-model'],
    typeError: `Type '{}' is not assignable to type '{} & { age: ContractError<"Missing payload key 'age' for screen 'B'">; who: ContractError<"Missing payload key 'who' for screen 'B'">; }'.`,
  },
  {
    name: 'navigate payload value of the wrong type',
    flow: twoScreens('7.3', [], [], { who: '${form.name}' }, { who: { type: 'number', __example__: 1 } }),
    expectedRuntimeIds: ['flow-json/navigate-payload-data-model'],
    typeError: `Type '"\${form.name}"' is not assignable to type '"\${form.name}" & ContractError<"Payload 'who' for screen 'B' must be number, not string">'.`,
  },
  {
    name: 'navigate payload in an endpoint flow is not checked',
    flow: { ...twoScreens('7.3', [], [], { who: '${form.name}', extra: 1 }), data_api_version: '3.0', routing_model: { A: ['B'], B: [] } },
    expectedRuntimeIds: [],
  },
  { name: 'text mixed with a reference is shown literally (warning only)', flow: twoScreens('7.3', [{ type: 'TextBody', text: 'Hi ${data.nme}' }], []), expectedRuntimeIds: [] },
  {
    name: 'nested expression with an unknown reference',
    flow: twoScreens('7.3', [{ type: 'TextBody', text: "`'Hi ' ${data.nme}`" }], []),
    expectedRuntimeIds: ['flow-json/data-reference'],
    typeError: "Type '\"`'Hi ' ${data.nme}`\"' is not assignable to type '\"`'Hi ' ${data.nme}`\" & ContractError<\"Unknown data key 'nme' on screen 'A'\">'.",
  },
  {
    name: 'nested expression in an action before 7.2 (warning only)',
    flow: twoScreens('7.1', [], [], { who: "`${form.name} ${data.nme}`" }),
    expectedRuntimeIds: [],
  },
  {
    name: 'init-values key that is not an input',
    flow: {
      version: '7.3',
      screens: [
        {
          id: 'A',
          terminal: true,
          layout: { type: 'SingleColumnLayout', children: [{ type: 'Form', name: 'f', 'init-values': { nmae: 'x' }, children: [{ type: 'TextInput', name: 'name', label: 'Name' }, complete] }] },
        },
      ],
    },
    expectedRuntimeIds: [],
    typesOnly: true,
    typeError: `Type '"x"' is not assignable to type '"x" & ContractError<"Unknown input 'nmae' in init-values on screen 'A'">'.`,
  },
];

/** Type tests of the simulator with a typed flow (run by tsc). */
import { FlowSimulator } from '../../src/simulator/index.js';
import { defineFlow } from '../../src/flow-json/types/index.js';

const flow = defineFlow({
  version: '7.3',
  screens: [
    {
      id: 'ASK',
      terminal: true,
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'TextInput', name: 'name', label: 'Name' },
          { type: 'OptIn', name: 'news', label: 'News' },
          { type: 'Footer', label: 'Send', 'on-click-action': { name: 'complete', payload: { name: '${form.name}' } } },
        ],
      },
    },
  ],
});

export const sim = new FlowSimulator({ flowJson: flow });
sim.fill({ name: 'Ana', news: true });
// @ts-expect-error `news` is an OptIn: a boolean
sim.fill({ news: 'yes' });
// @ts-expect-error no input named `nmae`
sim.fill({ nmae: 'Ana' });
void sim.run({ ASK: { name: 'Ana' } });
// @ts-expect-error no screen NOPE
void sim.run({ NOPE: {} });

// Untyped flows keep the untyped signatures.
export const untyped = new FlowSimulator({ flowJson: JSON.parse('{}') as object });
untyped.fill({ anything: 1 });
void untyped.run({ ANY: { x: 1 } });

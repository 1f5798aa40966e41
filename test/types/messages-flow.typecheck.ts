/** Type tests of `client.messages.flow({ flowJson, screen, data })` (run by tsc). */
import type WhatsAppClient from '../../src/index.js';
import { defineFlow } from '../../src/flow-json/types/index.js';
import { orderFlow } from './three-screen-flow.js';

declare const client: WhatsAppClient;
const base = { to: '15550001111', flowId: '1', cta: 'Open', body: 'Hi' } as const;

const signUp = defineFlow({
  version: '7.3',
  screens: [
    {
      id: 'NAME',
      data: { greeting: { type: 'string', __example__: 'Hi' } },
      layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Go', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'DONE' }, payload: {} } }] },
    },
    { id: 'DONE', terminal: true, layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'End', 'on-click-action': { name: 'complete', payload: {} } }] } },
  ],
});

void client.messages.flow({ ...base, flowJson: signUp, screen: 'NAME', data: { greeting: 'Hello' } });
void client.messages.flow({ ...base, flowJson: orderFlow, action: 'data_exchange' });
void client.messages.flow({ ...base, screen: 'ANY', data: { any: 1 } });
// @ts-expect-error DONE is not an entry screen (NAME navigates to it)
void client.messages.flow({ ...base, flowJson: signUp, screen: 'DONE' });
// @ts-expect-error `greeting` is a string in NAME's data model
void client.messages.flow({ ...base, flowJson: signUp, screen: 'NAME', data: { greeting: 1 } });
// @ts-expect-error NAME's data model has no `name`
void client.messages.flow({ ...base, flowJson: signUp, screen: 'NAME', data: { greeting: 'x', name: 'y' } });

/** A three-screen endpoint flow used by the type tests (and shown in the README's "Typed flows"). */
import { defineFlow } from '../../src/flow-json/types/index.js';

export const orderFlow = defineFlow({
  version: '7.3',
  data_api_version: '4.0',
  routing_model: { PICK: ['DETAILS'], DETAILS: ['DONE'] },
  screens: [
    {
      id: 'PICK',
      title: 'Pick a size',
      data: {
        sizes: {
          type: 'array',
          items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } },
          __example__: [{ id: 's', title: 'Small' }],
        },
      },
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'RadioButtonsGroup', name: 'size', label: 'Size', 'data-source': '${data.sizes}' },
          { type: 'OptIn', name: 'gift', label: 'Gift wrap' },
          { type: 'Footer', label: 'Next', 'on-click-action': { name: 'data_exchange', payload: { size: '${form.size}', gift: '${form.gift}' } } },
        ],
      },
    },
    {
      id: 'DETAILS',
      data: { price: { type: 'number', __example__: 10 }, size: { type: 'string', __example__: 's' } },
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'TextBody', text: '${data.size}' },
          { type: 'CheckboxGroup', name: 'extras', label: 'Extras', 'data-source': [{ id: 'a', title: 'A' }] },
          { type: 'TextInput', name: 'note', label: 'Note' },
          { type: 'Footer', label: 'Order', 'on-click-action': { name: 'data_exchange', payload: { extras: '${form.extras}', note: '${form.note}', size: '${data.size}' } } },
        ],
      },
    },
    {
      id: 'DONE',
      terminal: true,
      data: { summary: { type: 'string', __example__: 'ok' } },
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'TextBody', text: '${data.summary}' },
          { type: 'Footer', label: 'Finish', 'on-click-action': { name: 'complete', payload: { summary: '${data.summary}', confirmed: true } } },
        ],
      },
    },
  ],
});

/**
 * Type tests of the typed endpoint (run by tsc: `npm run typecheck`). Positive cases compile; each
 * `@ts-expect-error` is a mistake the types must reject (tsc fails on an unused one).
 */
import { expectTypeOf } from 'vitest';
import { closeFlow, createFlowEndpoint } from '../../src/endpoint/index.js';
import type { DataOf, EntryScreens, ExchangePayload, ExchangeScreens, NextScreens, CompletionOf } from '../../src/contract/index.js';
import { orderFlow } from './three-screen-flow.js';

type F = typeof orderFlow;
const privateKey = '-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----';

expectTypeOf<ExchangeScreens<F>>().toEqualTypeOf<'PICK' | 'DETAILS'>();
expectTypeOf<EntryScreens<F>>().toEqualTypeOf<'PICK'>();
expectTypeOf<NextScreens<F, 'PICK'>>().toEqualTypeOf<'DETAILS'>();
expectTypeOf<DataOf<F, 'DETAILS'>>().toEqualTypeOf<{ price: number; size: string }>();
expectTypeOf<DataOf<F, 'PICK'>>().toEqualTypeOf<{ sizes: readonly { id: string; title: string }[] }>();
expectTypeOf<ExchangePayload<F, 'PICK'>>().toEqualTypeOf<{ size: string; gift: boolean }>();
expectTypeOf<ExchangePayload<F, 'DETAILS'>>().toEqualTypeOf<{ extras: string[]; note: string; size: string }>();
expectTypeOf<CompletionOf<F>>().toEqualTypeOf<{ summary: string; confirmed: boolean }>();

// The typed endpoint reads as the untyped one.
export const typed = createFlowEndpoint({
  flow: orderFlow,
  privateKey,
  onInit: () => ({ screen: 'PICK', data: { sizes: [{ id: 's', title: 'Small' }] } }),
  screens: {
    PICK: (req) => {
      expectTypeOf(req.data.size).toEqualTypeOf<string>();
      expectTypeOf(req.data.gift).toEqualTypeOf<boolean>();
      return { screen: 'DETAILS', data: { price: req.data.gift ? 12 : 10, size: req.data.size } };
    },
    DETAILS: async (req) => {
      expectTypeOf(req.data.extras).toEqualTypeOf<string[]>();
      if (req.data.note === '') return { screen: 'DETAILS', data: { price: 10, size: req.data.size, error_message: 'Add a note' } };
      return { screen: 'DONE', data: { summary: `${req.data.extras.length} extras` } };
    },
  },
  onRequest: (req) => {
    if (req.action === 'data_exchange' && req.screen === 'PICK') expectTypeOf(req.data).toEqualTypeOf<{ size: string; gift: boolean }>();
    return closeFlow(req.flow_token ?? '', { summary: 'x', confirmed: true });
  },
});

// The untyped signature stays.
export const untyped = createFlowEndpoint({ privateKey, screens: { ANY: () => ({ screen: 'X', data: {} }) } });

createFlowEndpoint({
  flow: orderFlow,
  privateKey,
  screens: {
    // @ts-expect-error DONE sends no data_exchange: not a key of `screens`
    DONE: () => ({ screen: 'DONE', data: { summary: '' } }),
  },
});

createFlowEndpoint({
  flow: orderFlow,
  privateKey,
  screens: {
    // @ts-expect-error the routing model allows PICK → DETAILS only
    PICK: () => ({ screen: 'DONE', data: { summary: '' } }),
  },
});

createFlowEndpoint({
  flow: orderFlow,
  privateKey,
  screens: {
    // @ts-expect-error data misses `size`, which DETAILS declares
    PICK: () => ({ screen: 'DETAILS', data: { price: 1 } }),
  },
});

createFlowEndpoint({
  flow: orderFlow,
  privateKey,
  screens: {
    // @ts-expect-error `price` is a number in the data model
    PICK: () => ({ screen: 'DETAILS', data: { price: '1', size: 's' } }),
  },
});

createFlowEndpoint({
  flow: orderFlow,
  privateKey,
  screens: {
    PICK: (req) => {
      // @ts-expect-error PICK sends no `note`
      void req.data.note;
      return { screen: 'DETAILS', data: { price: 1, size: 's' } };
    },
  },
});

createFlowEndpoint({
  flow: orderFlow,
  privateKey,
  // @ts-expect-error onInit must answer an entry screen (PICK)
  onInit: () => ({ screen: 'DETAILS', data: { price: 1, size: 's' } }),
});

createFlowEndpoint({
  flow: orderFlow,
  privateKey,
  screens: {
    // @ts-expect-error closeFlow's params must be the terminal screen's complete payload
    DETAILS: (req) => closeFlow(req.flow_token ?? '', { summary: 1 }),
  },
});

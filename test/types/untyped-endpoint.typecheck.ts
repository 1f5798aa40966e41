/** Without `flow`, createFlowEndpoint keeps its untyped signature (type test run by tsc). */
import { closeFlow, createFlowEndpoint, FlowTokenInvalidError } from '../../src/endpoint/index.js';
import type { FlowHandler, FlowRequest } from '../../src/endpoint/index.js';

const privateKey = 'x';
const handler: FlowHandler = (req: FlowRequest) => ({ screen: 'A', data: { from: req.screen ?? '' } });
const screens: Record<string, FlowHandler> = { A: handler };

export const endpoints = [
  createFlowEndpoint({ privateKey, screens }),
  createFlowEndpoint({ privateKey, onRequest: handler, onInit: handler, onBack: handler, onDataExchange: handler }),
  createFlowEndpoint({
    privateKey,
    onInit: () => ({ screen: 'START', data: {} }),
    screens: {
      EXPIRED: () => {
        throw new FlowTokenInvalidError('Gone');
      },
      SLOW: () => new Promise<never>(() => undefined),
      START: (r) => (r.data.done ? closeFlow(r.flow_token ?? '', { booked: true, name: r.data.name }) : { screen: 'NEXT', data: { any: 1 } }),
    },
  }),
];

import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener } from '../../src/adapters/node.js';
import { closeFlow, createFlowEndpoint, type FlowEndpointOptions, type FlowRequest } from '../../src/endpoint/index-node.js';
import { fixture } from './helpers.js';

/** The business key pair, generated with node:crypto. */
export const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

export const pizzaFlow = fixture('pizza-endpoint.json');

const SIZES = [
  { id: 'small', title: 'Small' },
  { id: 'large', title: 'Large' },
];
const TOPPINGS = [
  { id: 'cheese', title: 'Cheese' },
  { id: 'olives', title: 'Olives' },
];
const PRICES: Record<string, number> = { small: 8, large: 12 };

/** The pizza flow's endpoint (test/fixtures/simulator/pizza-endpoint.json), built with the SDK's real createFlowEndpoint. */
export function pizzaEndpoint(options: Partial<FlowEndpointOptions> = {}, seen: FlowRequest[] = []) {
  const details = (size: string, topping?: string) => ({
    size_label: SIZES.find((s) => s.id === size)?.title ?? '?',
    price: (PRICES[size] ?? 0) + (topping === 'cheese' ? 1 : 0),
    toppings: TOPPINGS,
    show_note: topping === 'cheese',
    note: 'Extra cheese costs 1 EUR',
  });
  const sizes = new Map<string, string>();
  return createFlowEndpoint({
    privateKey: keys.privateKey,
    onInit: (r) => (seen.push(r), { screen: 'START', data: { greeting: 'Hi Ana', sizes: SIZES } }),
    onBack: (r) => (seen.push(r), { screen: 'START', data: { greeting: 'Welcome back, Ana', sizes: SIZES } }),
    screens: {
      START: (r) => {
        seen.push(r);
        sizes.set(r.flow_token!, String(r.data.size));
        return { screen: 'DETAILS', data: details(String(r.data.size)) };
      },
      DETAILS: (r) => {
        seen.push(r);
        const size = sizes.get(r.flow_token!) ?? 'small';
        if (r.data.customer === undefined) return { screen: 'DETAILS', data: details(size, String(r.data.topping)) };
        return { screen: 'DONE', data: { summary: `${size} pizza with ${String(r.data.topping)} for ${String(r.data.customer)}` } };
      },
      DONE: (r) => (seen.push(r), closeFlow(r.flow_token!, { order_id: 'A-17', total: 13 })),
    },
    ...options,
  });
}

/** Serves a Web handler on 127.0.0.1 (port 0), through the SDK's node adapter. */
export async function serve(handler: (request: Request) => Promise<Response>): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/flow`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

import { closeFlow, createFlowEndpoint, type FlowEndpointOptions } from '../../src/endpoint/index-node.js';
import { keys } from './endpoint-fixture.js';
import { fixture } from './helpers.js';

/**
 * Endpoints written for the flows in test/fixtures/simulator/samples: each answers the way one of Meta's sample
 * endpoint servers (WhatsApp-Flows-Tools examples/endpoint/nodejs/*) answers its flow — the same kinds of
 * answers, not their code. Built with the SDK's createFlowEndpoint, run in-process.
 */
export const sampleFlows = {
  newsletter: fixture('samples/newsletter.json'),
  tableBooking: fixture('samples/table-booking.json'),
  petInsurance: fixture('samples/pet-insurance.json'),
  gadgetFinder: fixture('samples/gadget-finder.json'),
  carLease: fixture('samples/car-lease.json'),
};

const items = (...titles: string[]) => titles.map((title) => ({ id: title.toLowerCase().replace(/\W+/g, '-'), title }));
const base = (extra: Partial<FlowEndpointOptions>): FlowEndpointOptions => ({ privateKey: keys.privateKey, ...extra }) as FlowEndpointOptions;

/** Like `basic`: INIT shows the screen with a greeting; its data_exchange closes with `{ flow_token }`. */
export function newsletterEndpoint() {
  return createFlowEndpoint(
    base({
      onInit: () => ({ screen: 'SIGN_UP', data: { intro: 'Our weekly picks, every Friday' } }),
      screens: { SIGN_UP: (r) => closeFlow(r.flow_token!) },
    }),
  );
}

/**
 * Like `book-appointment`: every answer carries the screen's full data; selects re-answer the same screen with
 * more pickers enabled; the guest details go to the review screen as sent (the payload spread into the data);
 * the review closes with `{ flow_token }`.
 */
export function tableBookingEndpoint() {
  const table = (branch?: unknown, day?: unknown) => ({
    screen: 'TABLE',
    data: {
      branches: items('Harbour', 'Old Town'),
      days: [
        { id: '2030-05-04', title: 'Sat 4 May' },
        { id: '2030-05-05', title: 'Sun 5 May' },
      ],
      slots: [
        { id: '19:00', title: '19:00', enabled: true },
        { id: '20:00', title: '20:00', enabled: false },
      ],
      day_open: Boolean(branch),
      slot_open: Boolean(branch) && Boolean(day),
    },
  });
  return createFlowEndpoint(
    base({
      onInit: () => table(),
      screens: {
        TABLE: (r) => table(r.data.branch, r.data.day),
        GUEST: (r) => ({ screen: 'REVIEW', data: { summary: `${String(r.data.branch)}, ${String(r.data.day)} at ${String(r.data.slot)}`, ...r.data } }),
        REVIEW: (r) => closeFlow(r.flow_token!),
      },
    }),
  );
}

/**
 * Like `insurance-quote`: INIT leaves a declared list out; the select re-answers the same screen with only the
 * fields it changes; the last screen closes with the request data as params — no `flow_token`.
 */
export function petInsuranceEndpoint() {
  const covers = items('One pet', 'Several pets');
  return createFlowEndpoint(
    base({
      onInit: () => ({ screen: 'PETS', data: { covers, add_more: false } }),
      screens: {
        PETS: (r) => {
          if (r.data.picked !== undefined) {
            const more = r.data.picked !== covers[0]!.id;
            return { screen: 'PETS', data: { add_more: more, pet_counts: more ? items('2', '3', '4') : [] } };
          }
          return { screen: 'PLAN', data: { plans: items('Basic', 'Plus'), ...r.data } };
        },
        PLAN: (r) => ({ screen: 'QUOTE', data: { summary: `${String(r.data.plan)} plan: 9 EUR a month`, ...r.data } }),
        QUOTE: (r) => ({ screen: 'SUCCESS', data: { extension_message_response: { params: { ...r.data } } } }),
      },
    }),
  );
}

/** Like `personalised-offer`: full data on every answer; the last screen completes with a complete action. */
export function gadgetFinderEndpoint() {
  const devices = items('Tempo One', 'Tempo Sport');
  return createFlowEndpoint(
    base({
      onInit: () => ({ screen: 'CATEGORY', data: { categories: items('Watches', 'Earbuds') } }),
      screens: {
        CATEGORY: (r) => ({ screen: 'SHORTLIST', data: { heading: `2 picks in ${String(r.data.category)}`, devices } }),
        SHORTLIST: (r) => ({
          screen: 'DEVICE',
          data: { device_id: String(r.data.device), name: devices.find((d) => d.id === r.data.device)?.title ?? '?', specs: '42 mm, 5 days battery' },
        }),
      },
    }),
  );
}

/**
 * Like `preapproved-loan`: selects re-answer the same screen with only the fields they change (twice, on two
 * screens); the summary answers a terminal screen with empty data, which completes with a complete action.
 */
export function carLeaseEndpoint(extra: Partial<FlowEndpointOptions> = {}) {
  const amounts = [
    { id: 'a20', title: '20 000 EUR' },
    { id: 'a30', title: '30 000 EUR' },
  ];
  const terms = [
    { id: 'm24', title: '24 months' },
    { id: 'm36', title: '36 months' },
  ];
  const monthly = (amount: unknown, term: unknown) => `${Math.round((amount === 'a30' ? 30000 : 20000) / (term === 'm36' ? 36 : 24))} EUR`;
  const title = (list: Array<{ id: string; title: string }>, id: unknown) => list.find((i) => i.id === id)?.title ?? '?';
  return createFlowEndpoint(
    base({
      onInit: () => ({ screen: 'OFFER', data: { amounts, terms, monthly: monthly('a20', 'm24'), rate: '4.9 %', picked_amount: 'a20', picked_term: 'm24' } }),
      screens: {
        OFFER: (r) => {
          if (r.data.monthly === undefined) {
            return { screen: 'OFFER', data: { picked_amount: String(r.data.amount), picked_term: String(r.data.term), monthly: monthly(r.data.amount, r.data.term) } };
          }
          return { screen: 'PAYOUT', data: { by_card: false, by_bank: false, amount: title(amounts, r.data.amount), term: title(terms, r.data.term), monthly: String(r.data.monthly) } };
        },
        PAYOUT: (r) => {
          if (r.data.payout !== undefined) return { screen: 'PAYOUT', data: { by_card: r.data.payout === 'card', by_bank: r.data.payout === 'bank' } };
          const to = typeof r.data.iban === 'string' ? `bank account ending ${r.data.iban.slice(-4)}` : `card ending ${String(r.data.card_number).slice(-4)}`;
          return { screen: 'SUMMARY', data: { amount: String(r.data.amount), term: String(r.data.term), monthly: String(r.data.monthly), payout_text: to } };
        },
        SUMMARY: () => ({ screen: 'DONE', data: {} }),
      },
      ...extra,
    }),
  );
}

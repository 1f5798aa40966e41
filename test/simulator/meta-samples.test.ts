import { describe, expect, it } from 'vitest';
import { FlowSimulator, SimulatorProtocolError, type FlowAnswers, type SimulatorEvent, type WebHandler } from '../../src/simulator/index.js';
import { keys } from './endpoint-fixture.js';
import { carLeaseEndpoint, gadgetFinderEndpoint, newsletterEndpoint, petInsuranceEndpoint, sampleFlows, tableBookingEndpoint } from './sample-endpoints.js';

/**
 * Flows and endpoints that behave like Meta's five sample endpoint servers (WhatsApp-Flows-Tools
 * examples/endpoint/nodejs/*). Two of them (insurance-quote, preapproved-loan) answer with data that leaves out
 * declared fields, and insurance-quote closes without flow_token (flows-platform §6.5): WhatsApp goes on, so the
 * simulator completes and records warnings; `strict` turns those into failures. The other three follow every
 * rule and complete either way.
 */
function session(flowJson: object, endpoint: WebHandler, strict = false) {
  const events: SimulatorEvent[] = [];
  const sim = new FlowSimulator({ flowJson, endpoint, publicKey: keys.publicKey, flowToken: 'sample-1', strict, onEvent: (e) => events.push(e) });
  return { sim, events };
}

async function run(flowJson: object, endpoint: () => WebHandler, answers: FlowAnswers, strict = false) {
  const { sim, events } = session(flowJson, endpoint(), strict);
  await sim.open({ action: 'data_exchange' });
  return { sim, events, completion: await sim.run(answers) };
}

const SAMPLES = {
  basic: { flow: sampleFlows.newsletter, endpoint: newsletterEndpoint, answers: { SIGN_UP: { first_name: 'Ana' } } },
  'book-appointment': {
    flow: sampleFlows.tableBooking,
    endpoint: tableBookingEndpoint,
    answers: { TABLE: { branch: 'harbour', day: '2030-05-04', slot: '19:00' }, GUEST: { guest_name: 'Ana', email: 'ana@example.com' } },
  },
  'personalised-offer': { flow: sampleFlows.gadgetFinder, endpoint: gadgetFinderEndpoint, answers: { CATEGORY: { category: 'watches' }, SHORTLIST: { device: 'tempo-sport' } } },
  'insurance-quote': { flow: sampleFlows.petInsurance, endpoint: petInsuranceEndpoint, answers: { PETS: { cover: 'several-pets', pet_count: '3' }, PLAN: { plan: 'plus' } } },
  'preapproved-loan': { flow: sampleFlows.carLease, endpoint: carLeaseEndpoint, answers: { OFFER: { amount: 'a30', term: 'm36' }, PAYOUT: { payout: 'bank', iban: 'DE02120300000000204321' } } },
} satisfies Record<string, { flow: object; endpoint: () => WebHandler; answers: FlowAnswers }>;

describe("endpoints that follow every rule (like Meta's basic, book-appointment, personalised-offer)", () => {
  it('basic: closes with { flow_token }', async () => {
    const { sim, completion } = await run(SAMPLES.basic.flow, SAMPLES.basic.endpoint, SAMPLES.basic.answers, true);
    expect(completion).toMatchObject({ source: 'endpoint', flow_token: 'sample-1', response: { flow_token: 'sample-1' }, response_json: '{"flow_token":"sample-1"}' });
    expect(sim.warnings).toEqual([]);
  });

  it('book-appointment: same-screen answers enable the next picker; the review shows what was sent', async () => {
    const { sim } = session(SAMPLES['book-appointment'].flow, SAMPLES['book-appointment'].endpoint(), true);
    await sim.open({ action: 'data_exchange' });
    expect(() => sim.fill({ day: '2030-05-04' })).toThrow(/is disabled/);
    await sim.select('branch', 'harbour');
    await sim.select('day', '2030-05-04');
    expect(sim.data).toMatchObject({ day_open: true, slot_open: true });
    await sim.select('slot', '19:00');
    await sim.submit();
    sim.fill({ guest_name: 'Ana', email: 'ana@example.com' });
    await sim.submit();
    expect(sim.data).toEqual({ summary: 'harbour, 2030-05-04 at 19:00', branch: 'harbour', day: '2030-05-04', slot: '19:00', guest_name: 'Ana', email: 'ana@example.com' });
    await sim.submit();
    expect(sim.completion).toMatchObject({ source: 'endpoint', flow_token: 'sample-1', response: { flow_token: 'sample-1' }, screen: 'REVIEW' });
    expect(sim.warnings).toEqual([]);
    const again = await run(SAMPLES['book-appointment'].flow, SAMPLES['book-appointment'].endpoint, SAMPLES['book-appointment'].answers);
    expect(again.completion.source).toBe('endpoint');
  });

  it('personalised-offer: ends with a complete action (WhatsApp adds the flow_token)', async () => {
    for (const strict of [false, true]) {
      const { sim, completion } = await run(SAMPLES['personalised-offer'].flow, SAMPLES['personalised-offer'].endpoint, SAMPLES['personalised-offer'].answers, strict);
      expect(completion).toMatchObject({ source: 'complete', screen: 'DEVICE', response: { flow_token: 'sample-1', device: 'tempo-sport' } });
      expect(sim.warnings).toEqual([]);
    }
  });
});

describe("like Meta's insurance-quote: partial answers and a SUCCESS without flow_token", () => {
  const sample = SAMPLES['insurance-quote'];

  it('completes, keeps the earlier value of a field left out of a same-screen answer, and records warnings', async () => {
    const { sim, events } = session(sample.flow, sample.endpoint());
    await sim.open({ action: 'data_exchange' });
    // INIT leaves pet_counts out: a new screen has no earlier value, so the field is absent.
    expect(sim.data).toEqual({ covers: [{ id: 'one-pet', title: 'One pet' }, { id: 'several-pets', title: 'Several pets' }], add_more: false });
    await sim.select('cover', 'several-pets');
    // The answer to the select sends only add_more and pet_counts: covers keeps its earlier value, so the
    // selected cover stays selected (a dropped data source would unselect it).
    expect(sim.data.covers).toHaveLength(2);
    expect(sim.form).toEqual({ cover: 'several-pets' });
    const completion = await sim.run(sample.answers);
    expect(completion).toEqual({
      name: 'flow',
      body: 'Sent',
      response_json: '{"cover":"several-pets","plan":"plus"}',
      response: { cover: 'several-pets', plan: 'plus' },
      source: 'endpoint',
      screen: 'QUOTE',
    });
    expect(completion.flow_token).toBeUndefined();
    expect(sim.warnings.map((w) => `${w.action} ${w.screen ?? '-'} ${w.rule} ${w.field ?? ''}`.trim())).toEqual([
      'INIT - data-field-omitted pet_counts',
      'data_exchange PETS data-field-omitted covers',
      'data_exchange QUOTE success-without-flow-token',
    ]);
    expect(sim.warnings[2]).toMatchObject({ error: 'payload-schema-error', message: expect.stringMatching(/^the SUCCESS params have no flow_token/) });
    expect(events.filter((e) => e.type === 'warning')).toHaveLength(3);
  });

  it('fails under strict at the first warning, as the client would reject it', async () => {
    const { sim } = session(sample.flow, sample.endpoint(), true);
    const error = await sim.open({ action: 'data_exchange' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SimulatorProtocolError);
    expect(error).toMatchObject({ error: 'payload-schema-error', message: expect.stringMatching(/INIT: data\.pet_counts is left out \(declared array on PETS\)/) });
  });
});

describe("like Meta's preapproved-loan: same-screen answers with only the changed fields", () => {
  const sample = SAMPLES['preapproved-loan'];

  it('completes with the earlier values kept, and records a warning per left-out field', async () => {
    const { sim, completion } = await run(sample.flow, sample.endpoint, sample.answers);
    expect(completion).toMatchObject({ source: 'complete', screen: 'DONE', flow_token: 'sample-1', response: { flow_token: 'sample-1' } });
    const omitted = sim.warnings.map((w) => `${w.screen}:${w.field}`);
    // OFFER re-answered twice (amount, then term) without amounts, terms, rate; PAYOUT once without amount, term, monthly.
    expect(omitted).toEqual(['OFFER:amounts', 'OFFER:terms', 'OFFER:rate', 'OFFER:amounts', 'OFFER:terms', 'OFFER:rate', 'PAYOUT:amount', 'PAYOUT:term', 'PAYOUT:monthly']);
  });

  it('the kept values are the ones shown: the summary gets the amount and term of the refreshed screens', async () => {
    const { sim } = session(sample.flow, sample.endpoint());
    await sim.open({ action: 'data_exchange' });
    await sim.select('amount', 'a30');
    expect(sim.data).toMatchObject({ monthly: '1250 EUR', rate: '4.9 %', picked_amount: 'a30', amounts: expect.any(Array) });
    await sim.submit();
    await sim.select('payout', 'bank');
    expect(sim.data).toEqual({ by_card: false, by_bank: true, amount: '30 000 EUR', term: '24 months', monthly: '1250 EUR' });
  });

  it('fails under strict at the first partial answer, and the endpoint hears about it', async () => {
    const notices: Array<{ error: string }> = [];
    const { sim } = session(sample.flow, carLeaseEndpoint({ onErrorNotification: (n) => void notices.push(n) }), true);
    await sim.open({ action: 'data_exchange' });
    const error = await sim.select('amount', 'a30').catch((e: unknown) => e);
    expect(error).toMatchObject({ error: 'payload-schema-error', screen: 'OFFER', message: expect.stringMatching(/data\.amounts is left out.*\(a warning, failing because strict\)/) });
    expect(sim.screen).toBe('OFFER');
    expect(sim.warnings).toEqual([]);
    expect(notices).toEqual([expect.objectContaining({ error: 'payload-schema-error', screen: 'OFFER' })]);
  });
});

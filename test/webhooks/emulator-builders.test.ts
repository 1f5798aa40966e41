/**
 * The handler accepts exactly what the emulator sends: bodies made by the emulator's builders
 * (src/emulator/webhooks/events.ts), signed and POSTed by its sender, reach the typed callbacks.
 */
import { describe, expect, it } from 'vitest';
import {
  clientErrorRateValue,
  createWebhookSender,
  endpointAvailabilityValue,
  endpointErrorRateValue,
  endpointLatencyValue,
  flowsFieldEnvelope,
  flowStatusChangeEvent,
  flowVersionExpiryWarningValue,
  messagesFieldEnvelope,
  type MessagesWebhookValue,
} from '../../src/emulator/index.js';
import { createWebhookHandler } from '../../src/webhooks/index.js';
import { APP_SECRET, PHONE_ID, recorder, USER, WABA } from './helpers.js';

const TIME = new Date('2026-03-01T10:00:00Z');
const SECS = TIME.getTime() / 1000;

function setup(appSecret = APP_SECRET) {
  const { received, callbacks } = recorder();
  const handler = createWebhookHandler({ appSecret: APP_SECRET, ...callbacks });
  const statuses: number[] = [];
  const sender = createWebhookSender({
    url: 'https://app.example/webhook',
    appSecret,
    maxAttempts: 1,
    // The sender's real request, handed to the handler in-process.
    fetch: async (input, init) => {
      const res = await handler(new Request(input as string, init));
      statuses.push(res.status);
      return res;
    },
  });
  return { received, sender, statuses };
}

describe('bodies from the emulator builders, through the emulator sender', () => {
  it('FLOW_STATUS_CHANGE (create and change)', async () => {
    const { received, sender } = setup();
    expect((await sender.send(flowStatusChangeEvent({ wabaId: WABA, flowId: '55', flowName: 'survey', newStatus: 'DRAFT', time: TIME }))).delivered).toBe(true);
    expect(
      (await sender.send(flowStatusChangeEvent({ wabaId: WABA, flowId: '55', flowName: 'survey', oldStatus: 'DRAFT', newStatus: 'PUBLISHED', time: TIME, warning: 'freezes soon' }))).delivered,
    ).toBe(true);
    expect(received.statusChanges.map(({ raw: _raw, ...e }) => e)).toEqual([
      { kind: 'flow_status_change', event: 'FLOW_STATUS_CHANGE', flowId: '55', wabaId: WABA, time: TIME, newStatus: 'DRAFT', message: 'Flow survey has been created with DRAFT status' },
      {
        kind: 'flow_status_change',
        event: 'FLOW_STATUS_CHANGE',
        flowId: '55',
        wabaId: WABA,
        time: TIME,
        oldStatus: 'DRAFT',
        newStatus: 'PUBLISHED',
        message: 'Flow survey changed status from DRAFT to PUBLISHED',
        warning: 'freezes soon',
      },
    ]);
  });

  it('the four alerts and the version-expiry warning', async () => {
    const { received, sender } = setup();
    const values = [
      clientErrorRateValue({ flowId: '55', alertState: 'ACTIVATED', errorRate: 11, threshold: 10, errors: [{ error_type: 'INVALID_SCREEN_TRANSITION', error_rate: 11, error_count: 22 }] }),
      endpointErrorRateValue({ flowId: '55', alertState: 'DEACTIVATED', errorRate: 1, threshold: 5, message: 'recovered' }),
      endpointLatencyValue({ flowId: '55', alertState: 'ACTIVATED', p90LatencyMs: 5200, p50LatencyMs: 900, requestsCount: 300, thresholdMs: 5000 }),
      endpointAvailabilityValue({ flowId: '55', alertState: 'ACTIVATED', availability: 80 }),
      flowVersionExpiryWarningValue({ flowId: '55', warning: 'Your current Flow version will expire in 7 days.' }),
    ];
    for (const value of values) expect((await sender.send(flowsFieldEnvelope(WABA, value, TIME))).delivered).toBe(true);
    expect(received.alerts).toEqual([
      {
        kind: 'flow_alert',
        event: 'CLIENT_ERROR_RATE',
        flowId: '55',
        wabaId: WABA,
        time: TIME,
        alertState: 'ACTIVATED',
        errorRate: 11,
        threshold: 10,
        errors: [{ errorType: 'INVALID_SCREEN_TRANSITION', errorRate: 11, errorCount: 22 }],
        raw: values[0],
      },
      { kind: 'flow_alert', event: 'ENDPOINT_ERROR_RATE', flowId: '55', wabaId: WABA, time: TIME, alertState: 'DEACTIVATED', message: 'recovered', errorRate: 1, threshold: 5, errors: [], raw: values[1] },
      {
        kind: 'flow_alert',
        event: 'ENDPOINT_LATENCY',
        flowId: '55',
        wabaId: WABA,
        time: TIME,
        alertState: 'ACTIVATED',
        p50Latency: 900,
        p90Latency: 5200,
        requestsCount: 300,
        threshold: 5000,
        raw: values[2],
      },
      { kind: 'flow_alert', event: 'ENDPOINT_AVAILABILITY', flowId: '55', wabaId: WABA, time: TIME, alertState: 'ACTIVATED', availability: 80, threshold: 90, raw: values[3] },
    ]);
    expect(received.expiries).toEqual([
      { kind: 'flow_version_expiry', event: 'FLOW_VERSION_EXPIRY_WARNING', flowId: '55', wabaId: WABA, time: TIME, warning: 'Your current Flow version will expire in 7 days.', raw: values[4] },
    ]);
  });

  it('a messages envelope with an nfm_reply (no entry time)', async () => {
    const { received, sender } = setup();
    const value: MessagesWebhookValue = {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550001111', phone_number_id: PHONE_ID },
      contacts: [{ profile: { name: 'Ana' }, wa_id: USER }],
      messages: [
        {
          context: { from: '15550001111', id: 'wamid.SENT' },
          from: USER,
          id: 'wamid.DONE',
          timestamp: String(SECS),
          type: 'interactive',
          interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"flow_token":"tok-9","choice":"b"}' } },
        },
      ],
    };
    expect((await sender.send(messagesFieldEnvelope(WABA, value))).delivered).toBe(true);
    expect(received.completions).toHaveLength(1);
    expect(received.completions[0]).toMatchObject({
      flowToken: 'tok-9',
      response: { choice: 'b' },
      from: USER,
      messageId: 'wamid.DONE',
      contextMessageId: 'wamid.SENT',
      timestamp: TIME,
      contact: { name: 'Ana', waId: USER },
      wabaId: WABA,
      phoneNumberId: PHONE_ID,
      displayPhoneNumber: '15550001111',
    });
  });

  it('a sender with another app secret is refused with 401', async () => {
    const { received, sender, statuses } = setup('not-the-app-secret');
    const result = await sender.send(flowStatusChangeEvent({ wabaId: WABA, flowId: '55', flowName: 'survey', newStatus: 'DRAFT', time: TIME }));
    expect(result).toEqual({ delivered: false, attempts: 1, status: 401 });
    expect(statuses).toEqual([401]);
    expect(received.all).toEqual([]);
  });
});

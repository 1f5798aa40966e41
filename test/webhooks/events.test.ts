/**
 * Every webhook payload of flows-platform §4.3 and §4.4, written by hand, reaches the right callback with the
 * right camelCase fields and Meta's snake_case `raw`.
 */
import { describe, expect, it } from 'vitest';
import {
  completionMedia,
  createWebhookHandler,
  FLOW_ALERT_EVENTS,
  isAvailabilityAlert,
  isErrorRateAlert,
  isFlowAlert,
  isFlowCompletion,
  isFlowStatusChange,
  isFlowVersionExpiry,
  isLatencyAlert,
  isWebhookChange,
  parseWebhookEvents,
  WebhookPayloadError,
  type FlowAlertEvent,
} from '../../src/webhooks/index.js';
import { APP_SECRET, completionBody, DISPLAY_PHONE, FLOWS_VALUES, flowsBody, PHONE_ID, post, recorder, USER, WABA } from './helpers.js';

function setup() {
  const { received, callbacks } = recorder();
  const handler = createWebhookHandler({ appSecret: APP_SECRET, ...callbacks });
  return { received, handler };
}

describe('flow completion (messages field, nfm_reply)', () => {
  it('parses response_json, takes flow_token out of it and keeps the raw message', async () => {
    const { received, handler } = setup();
    const body = completionBody();
    const res = await post(handler, body);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(received.completions).toHaveLength(1);
    const event = received.completions[0]!;
    const message = JSON.parse(body).entry[0].changes[0].value.messages[0];
    expect(event).toEqual({
      kind: 'flow_completion',
      flowToken: 'order-1234',
      response: { rating: '5', comment: 'Great' },
      responseJson: JSON.stringify({ flow_token: 'order-1234', rating: '5', comment: 'Great' }),
      body: 'Sent',
      name: 'flow',
      user: { waId: USER },
      from: USER,
      messageId: 'wamid.REPLY_1',
      contextMessageId: 'wamid.FLOW_MESSAGE',
      timestamp: new Date(1714510003 * 1000),
      contact: { name: 'Kerry Fisher', waId: USER },
      wabaId: WABA,
      phoneNumberId: PHONE_ID,
      displayPhoneNumber: DISPLAY_PHONE,
      raw: message,
    });
    expect(received.changes).toEqual([]);
    expect(received.errors).toEqual([]);
  });

  it('tolerates a missing flow_token (some iOS clients)', async () => {
    const { received, handler } = setup();
    expect((await post(handler, completionBody({ responseJson: '{"rating":"4"}' }))).status).toBe(200);
    const event = received.completions[0]!;
    expect(event.flowToken).toBeUndefined();
    expect('flowToken' in event).toBe(false);
    expect(event.response).toEqual({ rating: '4' });
    expect(event.responseJsonError).toBeUndefined();
  });

  it('delivers an unparsable response_json with response {} and responseJsonError', async () => {
    const { received, handler } = setup();
    expect((await post(handler, completionBody({ responseJson: '{"flow_token": "t", oops' }))).status).toBe(200);
    const event = received.completions[0]!;
    expect(event.response).toEqual({});
    expect(event.responseJson).toBe('{"flow_token": "t", oops');
    expect(event.responseJsonError).toMatch(/not JSON/);
    expect(event.flowToken).toBeUndefined();

    await post(handler, completionBody({ id: 'wamid.ARRAY', responseJson: '[1,2]' }));
    expect(received.completions[1]).toMatchObject({ response: {}, responseJsonError: 'nfm_reply.response_json is not a JSON object.' });
  });

  it('an unusable timestamp gives an Invalid Date, not an exception', async () => {
    const { received, handler } = setup();
    await post(handler, completionBody({ timestamp: 'soon' }));
    expect(Number.isNaN(received.completions[0]!.timestamp.getTime())).toBe(true);
  });

  it('picker media items: { file_name, mime_type, sha256, id } → completionMedia', async () => {
    const { received, handler } = setup();
    const responseJson = JSON.stringify({
      flow_token: 'tok',
      photos: [
        { file_name: 'IMG_5237.jpg', mime_type: 'image/jpeg', sha256: 'aGVsbG8=', id: '3604155473188185' },
        { file_name: 'scan.pdf', mime_type: 'application/pdf', sha256: 'd29ybGQ=', id: '1201930398' },
        { file_name: 'no-id.png' },
      ],
    });
    await post(handler, completionBody({ responseJson }));
    const event = received.completions[0]!;
    expect(completionMedia(event, 'photos')).toEqual([
      { fileName: 'IMG_5237.jpg', mimeType: 'image/jpeg', sha256: 'aGVsbG8=', id: '3604155473188185' },
      { fileName: 'scan.pdf', mimeType: 'application/pdf', sha256: 'd29ybGQ=', id: '1201930398' },
    ]);
    expect(completionMedia(event, 'missing')).toEqual([]);
  });
});

describe('flows field (§4.4)', () => {
  it('FLOW_STATUS_CHANGE on create (no old_status) and on change (with warning)', async () => {
    const { received, handler } = setup();
    expect((await post(handler, flowsBody(FLOWS_VALUES.created))).status).toBe(200);
    expect((await post(handler, flowsBody(FLOWS_VALUES.published, 1714510100))).status).toBe(200);
    expect(received.statusChanges).toEqual([
      {
        kind: 'flow_status_change',
        event: 'FLOW_STATUS_CHANGE',
        flowId: '1002',
        wabaId: WABA,
        time: new Date(1714510003 * 1000),
        newStatus: 'DRAFT',
        message: 'Flow survey has been created with DRAFT status',
        raw: FLOWS_VALUES.created,
      },
      {
        kind: 'flow_status_change',
        event: 'FLOW_STATUS_CHANGE',
        flowId: '1002',
        wabaId: WABA,
        time: new Date(1714510100 * 1000),
        oldStatus: 'DRAFT',
        newStatus: 'PUBLISHED',
        message: 'Flow survey changed status from DRAFT to PUBLISHED',
        warning: FLOWS_VALUES.published.warning,
        raw: FLOWS_VALUES.published,
      },
    ]);
  });

  it('CLIENT_ERROR_RATE and ENDPOINT_ERROR_RATE', async () => {
    const { received, handler } = setup();
    await post(handler, flowsBody(FLOWS_VALUES.clientErrorRate));
    await post(handler, flowsBody(FLOWS_VALUES.endpointErrorRate));
    expect(received.alerts).toEqual([
      {
        kind: 'flow_alert',
        event: 'CLIENT_ERROR_RATE',
        flowId: '1002',
        wabaId: WABA,
        time: new Date(1714510003 * 1000),
        alertState: 'ACTIVATED',
        message: FLOWS_VALUES.clientErrorRate.message,
        errorRate: 12.5,
        threshold: 10,
        errors: [
          { errorType: 'INVALID_SCREEN_TRANSITION', errorRate: 8, errorCount: 8 },
          { errorType: 'PUBLIC_KEY_MISSING', errorRate: 4.5, errorCount: 4 },
        ],
        raw: FLOWS_VALUES.clientErrorRate,
      },
      {
        kind: 'flow_alert',
        event: 'ENDPOINT_ERROR_RATE',
        flowId: '1002',
        wabaId: WABA,
        time: new Date(1714510003 * 1000),
        alertState: 'DEACTIVATED',
        message: FLOWS_VALUES.endpointErrorRate.message,
        errorRate: 2,
        threshold: 5,
        errors: [{ errorType: 'TIMEOUT', errorRate: 2, errorCount: 3 }],
        raw: FLOWS_VALUES.endpointErrorRate,
      },
    ]);
  });

  it('ENDPOINT_LATENCY and ENDPOINT_AVAILABILITY', async () => {
    const { received, handler } = setup();
    await post(handler, flowsBody(FLOWS_VALUES.latency));
    await post(handler, flowsBody(FLOWS_VALUES.availability));
    expect(received.alerts).toEqual([
      {
        kind: 'flow_alert',
        event: 'ENDPOINT_LATENCY',
        flowId: '1002',
        wabaId: WABA,
        time: new Date(1714510003 * 1000),
        alertState: 'ACTIVATED',
        message: FLOWS_VALUES.latency.message,
        p50Latency: 700,
        p90Latency: 1500,
        requestsCount: 400,
        threshold: 1000,
        raw: FLOWS_VALUES.latency,
      },
      {
        kind: 'flow_alert',
        event: 'ENDPOINT_AVAILABILITY',
        flowId: '1002',
        wabaId: WABA,
        time: new Date(1714510003 * 1000),
        alertState: 'DEACTIVATED',
        availability: 95,
        threshold: 90,
        raw: FLOWS_VALUES.availability,
      },
    ]);
  });

  it('FLOW_VERSION_EXPIRY_WARNING', async () => {
    const { received, handler } = setup();
    await post(handler, flowsBody(FLOWS_VALUES.versionExpiry));
    expect(received.expiries).toEqual([
      {
        kind: 'flow_version_expiry',
        event: 'FLOW_VERSION_EXPIRY_WARNING',
        flowId: '1002',
        wabaId: WABA,
        time: new Date(1714510003 * 1000),
        warning: FLOWS_VALUES.versionExpiry.warning,
        raw: FLOWS_VALUES.versionExpiry,
      },
    ]);
  });

  it('an event this SDK does not know goes to onMessage whole', async () => {
    const { received, handler } = setup();
    const value = { event: 'FLOW_SOMETHING_NEW', flow_id: '1002', detail: 1 };
    await post(handler, flowsBody(value));
    expect(received.changes).toEqual([
      { kind: 'change', field: 'flows', wabaId: WABA, time: new Date(1714510003 * 1000), item: 'change', value, raw: { field: 'flows', value } },
    ]);
  });

  it('narrowing helpers', () => {
    const events = parseWebhookEvents({
      object: 'whatsapp_business_account',
      entry: [{ id: WABA, time: 1, changes: Object.values(FLOWS_VALUES).map((value) => ({ field: 'flows', value })) }],
    });
    expect(events.map((e) => e.kind)).toEqual([
      'flow_status_change',
      'flow_status_change',
      'flow_alert',
      'flow_alert',
      'flow_alert',
      'flow_alert',
      'flow_version_expiry',
    ]);
    expect(events.filter(isFlowStatusChange)).toHaveLength(2);
    expect(events.filter(isFlowVersionExpiry)).toHaveLength(1);
    expect(events.filter(isFlowCompletion)).toHaveLength(0);
    expect(events.filter(isWebhookChange)).toHaveLength(0);
    const alerts: FlowAlertEvent[] = events.filter(isFlowAlert);
    expect(alerts.map((a) => a.event)).toEqual([...FLOW_ALERT_EVENTS].sort((a, b) => order(a) - order(b)));
    expect(alerts.filter(isErrorRateAlert).map((a) => a.errorRate)).toEqual([12.5, 2]);
    expect(alerts.filter(isLatencyAlert).map((a) => a.p90Latency)).toEqual([1500]);
    expect(alerts.filter(isAvailabilityAlert).map((a) => a.availability)).toEqual([95]);
    // Exhaustive switch on the discriminant compiles without a default.
    for (const a of alerts) {
      switch (a.event) {
        case 'CLIENT_ERROR_RATE':
        case 'ENDPOINT_ERROR_RATE':
          expect(a.errors.length).toBeGreaterThan(0);
          break;
        case 'ENDPOINT_LATENCY':
          expect(a.p50Latency).toBe(700);
          break;
        case 'ENDPOINT_AVAILABILITY':
          expect(a.threshold).toBe(90);
          break;
      }
    }
  });
});

function order(name: string): number {
  return ['CLIENT_ERROR_RATE', 'ENDPOINT_ERROR_RATE', 'ENDPOINT_LATENCY', 'ENDPOINT_AVAILABILITY'].indexOf(name);
}

describe('everything else goes to onMessage, one item at a time', () => {
  it('a text message and two statuses beside a completion in one change', async () => {
    const { received, handler } = setup();
    const text = { from: USER, id: 'wamid.TEXT', timestamp: '1714510001', type: 'text', text: { body: 'hi' } };
    const completion = JSON.parse(completionBody()).entry[0].changes[0].value.messages[0];
    const sent = { id: 'wamid.OUT', status: 'sent', timestamp: '1714510002', recipient_id: USER };
    const delivered = { id: 'wamid.OUT', status: 'delivered', timestamp: '1714510004', recipient_id: USER };
    const value = {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: DISPLAY_PHONE, phone_number_id: PHONE_ID },
      contacts: [{ profile: { name: 'Kerry Fisher' }, wa_id: USER }],
      messages: [text, completion],
      statuses: [sent, delivered],
    };
    const frame = { messaging_product: 'whatsapp', metadata: value.metadata, contacts: value.contacts };
    const body = { object: 'whatsapp_business_account', entry: [{ id: WABA, changes: [{ field: 'messages', value }] }] };
    expect((await post(handler, body)).status).toBe(200);
    expect(received.all.map((e) => e.kind)).toEqual(['change', 'flow_completion', 'change', 'change']);
    expect(received.changes).toEqual([
      { kind: 'change', field: 'messages', wabaId: WABA, item: 'message', value: { ...frame, messages: [text] }, message: text, raw: { field: 'messages', value } },
      { kind: 'change', field: 'messages', wabaId: WABA, item: 'status', value: { ...frame, statuses: [sent] }, status: sent, raw: { field: 'messages', value } },
      { kind: 'change', field: 'messages', wabaId: WABA, item: 'status', value: { ...frame, statuses: [delivered] }, status: delivered, raw: { field: 'messages', value } },
    ]);
  });

  it('other fields, several entries and changes, in order', async () => {
    const { received, handler } = setup();
    const template = { event: 'APPROVED', message_template_id: 12345678, message_template_name: 'my_template', message_template_language: 'en_US', reason: 'NONE' };
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        { id: WABA, time: 1714510005, changes: [{ field: 'message_template_status_update', value: template }, { field: 'flows', value: FLOWS_VALUES.created }] },
        { id: 'OTHER_WABA', time: 1714510006, changes: [{ field: 'flows', value: FLOWS_VALUES.latency }] },
      ],
    };
    expect((await post(handler, body)).status).toBe(200);
    expect(received.all.map((e) => [e.kind, e.wabaId])).toEqual([
      ['change', WABA],
      ['flow_status_change', WABA],
      ['flow_alert', 'OTHER_WABA'],
    ]);
    expect(received.changes[0]).toEqual({
      kind: 'change',
      field: 'message_template_status_update',
      wabaId: WABA,
      time: new Date(1714510005 * 1000),
      item: 'change',
      value: template,
      raw: { field: 'message_template_status_update', value: template },
    });
  });

  it('without a callback for a kind, the item is acknowledged and dropped', async () => {
    const seen: string[] = [];
    const handler = createWebhookHandler({ appSecret: APP_SECRET, onFlowCompletion: (e) => void seen.push(e.messageId) });
    expect((await post(handler, flowsBody(FLOWS_VALUES.created))).status).toBe(200);
    expect((await post(handler, completionBody())).status).toBe(200);
    expect(seen).toEqual(['wamid.REPLY_1']);
  });
});

describe('parseWebhookEvents', () => {
  it('rejects what is not a whatsapp_business_account envelope', () => {
    for (const body of [null, 'x', [], { object: 'page', entry: [] }, { object: 'whatsapp_business_account' }, { object: 'whatsapp_business_account', entry: {} }]) {
      expect(() => parseWebhookEvents(body), JSON.stringify(body)).toThrow(WebhookPayloadError);
    }
    const error = (() => {
      try {
        parseWebhookEvents({});
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.name).toBe('WebhookPayloadError');
    expect(WebhookPayloadError.name).toBe('WebhookPayloadError');
  });

  it('an odd entry or change costs the other entries nothing: no 400, their events are handed over', () => {
    const completion = JSON.parse(completionBody()).entry[0];
    const odd = [7, { id: WABA }, { id: WABA, changes: {} }, { changes: [completion.changes[0]] }, { id: WABA, changes: [3, { value: { x: 1 } }] }];
    const events = parseWebhookEvents({ object: 'whatsapp_business_account', entry: [...odd, completion] });
    expect(events.map((e) => e.kind)).toEqual(['flow_completion', 'change', 'flow_completion']);
    expect(events[0]).toMatchObject({ wabaId: '', messageId: 'wamid.REPLY_1' });
    expect(events[1]).toMatchObject({ kind: 'change', field: '', value: { x: 1 } });
    expect(events[2]).toMatchObject({ wabaId: WABA });
  });

  it('flows events without entry.time take the time of receipt', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    const [event] = parseWebhookEvents({ object: 'whatsapp_business_account', entry: [{ id: WABA, changes: [{ field: 'flows', value: FLOWS_VALUES.created }] }] }, at);
    expect(event).toMatchObject({ kind: 'flow_status_change', time: at });
  });
});

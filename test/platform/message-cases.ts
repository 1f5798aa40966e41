/**
 * One table of flow-message cases (flows-platform §4.1; template FLOW button §4.2, §6.4; mark-as-read §6.5), to run
 * through every consumer: the platform module (test/platform/messages.test.ts), the client's pre-flight checks and
 * the emulator (test/emulator/message-cases.test.ts). Each body is Meta's own wire shape, complete (the client
 * fills `action.name` and `flow_message_version` only when they are missing, so every case gives them).
 *
 * `FLOW_ID` stands for a published flow whose JSON has the screen `WELCOME` (the test replaces it).
 */
export const FLOW_ID = '$FLOW_ID';

export interface MessageCase {
  name: string;
  /** The `interactive` object of a flow message. */
  interactive: Record<string, unknown>;
  /** `ok`, or a part of the problem every consumer reports. */
  expected: 'ok' | { problem: string };
}

const interactive = (parameters: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'flow',
  body: { text: 'Please fill this in' },
  action: { name: 'flow', parameters: { flow_message_version: '3', flow_cta: 'Open', flow_id: FLOW_ID, ...parameters } },
  ...extra,
});

export const MESSAGE_CASES: MessageCase[] = [
  { name: 'minimal flow message', interactive: interactive({}), expected: 'ok' },
  { name: 'everything given', interactive: interactive({ mode: 'published', flow_token: 'tok', flow_action: 'navigate', flow_action_payload: { screen: 'WELCOME', data: { a: 1 } } }, { header: { type: 'text', text: 'Hi' }, footer: { text: 'Bye' } }), expected: 'ok' },
  // §4.1: "screen defaults to FIRST_ENTRY_SCREEN": data alone goes to the first entry screen.
  { name: 'data without screen', interactive: interactive({ flow_action_payload: { data: { a: 1 } } }), expected: 'ok' },
  { name: 'screen without data', interactive: interactive({ flow_action_payload: { screen: 'WELCOME' } }), expected: 'ok' },
  // §4.1 DISAGREE: data as a JSON string is accepted too.
  { name: 'data as a JSON string', interactive: interactive({ flow_action_payload: { screen: 'WELCOME', data: '{"a":1}' } }), expected: 'ok' },
  { name: 'numeric version 3', interactive: interactive({ flow_message_version: 3 }), expected: 'ok' },
  { name: 'data_exchange without payload', interactive: interactive({ flow_action: 'data_exchange' }), expected: 'ok' },
  { name: 'draft mode', interactive: interactive({ mode: 'draft' }), expected: 'ok' },
  { name: 'empty data', interactive: interactive({ flow_action_payload: { screen: 'WELCOME', data: {} } }), expected: { problem: 'flow_action_payload.data must be a non-empty object' } },
  { name: 'data as a string that is not a JSON object', interactive: interactive({ flow_action_payload: { data: 'a=1' } }), expected: { problem: 'flow_action_payload.data must be a non-empty object' } },
  { name: 'payload with data_exchange', interactive: interactive({ flow_action: 'data_exchange', flow_action_payload: { screen: 'WELCOME' } }), expected: { problem: 'flow_action_payload is only for flow_action "navigate"' } },
  { name: 'payload not an object', interactive: interactive({ flow_action_payload: 'WELCOME' }), expected: { problem: 'flow_action_payload must be an object' } },
  { name: 'blank screen', interactive: interactive({ flow_action_payload: { screen: ' ' } }), expected: { problem: 'flow_action_payload.screen must be a non-empty screen id' } },
  { name: 'version 2', interactive: interactive({ flow_message_version: '2' }), expected: { problem: 'flow_message_version must be "3"' } },
  { name: 'flow_id and flow_name', interactive: interactive({ flow_name: 'x' }), expected: { problem: 'Give either flow_id or flow_name, not both.' } },
  { name: 'neither flow_id nor flow_name', interactive: interactive({ flow_id: undefined }), expected: { problem: 'A flow message needs flow_id or flow_name.' } },
  { name: 'blank cta', interactive: interactive({ flow_cta: ' ' }), expected: { problem: 'flow_cta must be a non-empty string' } },
  { name: 'blank flow_token', interactive: interactive({ flow_token: '' }), expected: { problem: 'flow_token must be a non-empty string' } },
  { name: 'unknown mode', interactive: interactive({ mode: 'live' }), expected: { problem: 'mode must be "published" or "draft"' } },
  { name: 'unknown flow_action', interactive: interactive({ flow_action: 'jump' }), expected: { problem: 'flow_action must be "navigate" or "data_exchange"' } },
  { name: 'no body', interactive: interactive({}, { body: undefined }), expected: { problem: 'interactive.body.text is required for flow messages' } },
];

export interface FlowButtonCase {
  name: string;
  /** A `{ type: "FLOW", ... }` template button; `flow_id` FLOW_ID is replaced by a flow of the WABA. */
  button: Record<string, unknown>;
  expected: 'ok' | { problem: string };
}

const button = (extra: Record<string, unknown>): Record<string, unknown> => ({ type: 'FLOW', text: 'Open', flow_id: FLOW_ID, ...extra });

export const FLOW_BUTTON_CASES: FlowButtonCase[] = [
  { name: 'text and flow_id only (since Jan 2025)', button: button({}), expected: 'ok' },
  { name: 'navigate with a screen', button: button({ flow_action: 'navigate', navigate_screen: 'WELCOME' }), expected: 'ok' },
  // §4.2 DISAGREE: navigate_screen "optional, default FIRST_ENTRY_SCREEN".
  { name: 'navigate without navigate_screen', button: button({ flow_action: 'navigate' }), expected: 'ok' },
  { name: 'data_exchange', button: button({ flow_action: 'data_exchange' }), expected: 'ok' },
  // No documented error for a navigate_screen with data_exchange (the endpoint picks the screen): accepted.
  { name: 'data_exchange with a navigate_screen', button: button({ flow_action: 'data_exchange', navigate_screen: 'WELCOME' }), expected: 'ok' },
  ...['DOCUMENT', 'PROMOTION', 'REVIEW'].map((icon) => ({ name: `icon ${icon} (§6.4)`, button: button({ icon }), expected: 'ok' as const })),
  { name: 'unknown icon', button: button({ icon: 'STAR' }), expected: { problem: 'icon must be one of DOCUMENT, PROMOTION, REVIEW' } },
  { name: 'text of 26 characters', button: button({ text: 'x'.repeat(26) }), expected: { problem: 'at most 25 characters' } },
  { name: 'no text', button: button({ text: '' }), expected: { problem: 'A FLOW button needs text' } },
  { name: 'flow_id and flow_name', button: button({ flow_name: 'x' }), expected: { problem: 'exactly one of flow_id, flow_name and flow_json' } },
  { name: 'unknown flow_action', button: button({ flow_action: 'open' }), expected: { problem: 'flow_action must be "navigate" or "data_exchange"' } },
];

/**
 * Whom a message goes to (flows-platform §6.1; src/platform/recipients.ts): what the caller gives the client (`to`
 * and/or `recipient`), what goes on the wire, and the `contacts[]` entry Meta answers (vendor guide, UNVERIFIED
 * against Meta's own page: `wa_id` for a phone number, `user_id` for a BSUID; with both, the phone number wins).
 * Run through the client against a recording server (test/messages.test.ts) and through the client against the
 * emulator (test/emulator/recipients.test.ts).
 */
export interface RecipientCase {
  name: string;
  given: { to?: unknown; recipient?: unknown };
  expected: { wire: { to?: string; recipient?: string }; contact: { input: string; wa_id?: string; user_id?: string } } | { problem: string };
}

export const PHONE_NUMBER = '15551234567';
export const BSUID = 'US.13491208655302741918';
export const PARENT_BSUID = 'US.ENT.11815799212886844830';

export const RECIPIENT_CASES: RecipientCase[] = [
  { name: 'phone number in to', given: { to: PHONE_NUMBER }, expected: { wire: { to: PHONE_NUMBER }, contact: { input: PHONE_NUMBER, wa_id: PHONE_NUMBER } } },
  { name: 'phone number written with + and punctuation', given: { to: '+1 (555) 123-4567' }, expected: { wire: { to: '+1 (555) 123-4567' }, contact: { input: '+1 (555) 123-4567', wa_id: PHONE_NUMBER } } },
  { name: 'phone number as a number', given: { to: 15551234567 }, expected: { wire: { to: PHONE_NUMBER }, contact: { input: PHONE_NUMBER, wa_id: PHONE_NUMBER } } },
  { name: 'BSUID in to goes out as recipient', given: { to: BSUID }, expected: { wire: { recipient: BSUID }, contact: { input: BSUID, user_id: BSUID } } },
  { name: 'parent BSUID in to goes out as recipient', given: { to: PARENT_BSUID }, expected: { wire: { recipient: PARENT_BSUID }, contact: { input: PARENT_BSUID, user_id: PARENT_BSUID } } },
  { name: 'explicit recipient', given: { recipient: BSUID }, expected: { wire: { recipient: BSUID }, contact: { input: BSUID, user_id: BSUID } } },
  { name: 'explicit parent recipient', given: { recipient: PARENT_BSUID }, expected: { wire: { recipient: PARENT_BSUID }, contact: { input: PARENT_BSUID, user_id: PARENT_BSUID } } },
  // §6.1: "when both to and recipient are given, to wins": both are sent, Meta answers for the phone number.
  { name: 'both given: both sent, to wins', given: { to: PHONE_NUMBER, recipient: BSUID }, expected: { wire: { to: PHONE_NUMBER, recipient: BSUID }, contact: { input: PHONE_NUMBER, wa_id: PHONE_NUMBER } } },
  { name: 'the same BSUID in to and recipient', given: { to: BSUID, recipient: BSUID }, expected: { wire: { recipient: BSUID }, contact: { input: BSUID, user_id: BSUID } } },
  { name: 'neither a phone number nor a BSUID', given: { to: 'bob' }, expected: { problem: 'to must be a phone number in international format (e.g. "15551234567" or "+1 555 123 4567") or a business-scoped user ID (e.g. "US.13491208655302741918"' } },
  { name: 'lower-case country code', given: { to: 'us.13491208655302741918' }, expected: { problem: 'or a business-scoped user ID' } },
  { name: 'BSUID longer than 128 characters', given: { to: `US.${'1'.repeat(129)}` }, expected: { problem: 'or a business-scoped user ID' } },
  { name: 'a phone number in recipient', given: { recipient: PHONE_NUMBER }, expected: { problem: 'recipient must be a business-scoped user ID' } },
  { name: 'two different BSUIDs', given: { to: BSUID, recipient: PARENT_BSUID }, expected: { problem: 'two different business-scoped user IDs' } },
  { name: 'no to and no recipient', given: {}, expected: { problem: 'A message needs to (or recipient)' } },
];

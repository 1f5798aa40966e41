import { FlowSimulator } from '../simulator/simulator.js';
import { SimulatorError } from '../simulator/errors.js';
import { jsonByAsset, type EmulatorContext } from './context.js';
import { GraphError } from './graph-error.js';
import { newId, type MessageRecord } from './state.js';
import { canOpen } from '../platform/lifecycle.js';
import { messagesFieldEnvelope } from './webhooks/events.js';
import type { DeliveryResult } from './webhooks/sender.js';
import type { AfterCommit } from './store.js';
import { isRecipientNumber, waIdOf, webhookPhoneNumber } from '../platform/phone-numbers.js';
import { webhookUserFields, webhookUserProblem, type WebhookUser } from '../platform/webhook-users.js';
import { flowActionDataObject, type FlowActionData } from '../platform/messages.js';
import { isLoopbackUrl } from './loopback.js';

export interface CompleteRequest {
  /** The flow message to complete (default: the latest flow message sent). */
  message_id?: string;
  /** Answers by screen id: `{ "QUESTION": { "feedback": "Great" } }`. Without answers, valid values are generated. */
  answers?: Record<string, Record<string, unknown>>;
  /** The user's profile name in the webhook (default "Emulated User"). */
  profile_name?: string;
  /**
   * Who completes the flow (flows-platform §6.1): `{ "userId": "US.…", "username"?, "waId"?, "parentUserId"? }`.
   * Without `waId` the webhook has no phone number (no `from`, no `wa_id`), as for a username user. Default: the
   * phone user the message was sent to.
   */
  user?: WebhookUser;
}

export interface CompleteOptions {
  appSecret: string | undefined;
  fetch: typeof fetch | undefined;
  /** Call `endpoint_uri`s on any host; otherwise only on this machine (loopback.ts). */
  allowRemoteEndpoints: boolean;
  /** Delivers the nfm_reply webhook; undefined when no webhook URL is configured. */
  deliver: ((envelope: object) => Promise<DeliveryResult>) | undefined;
  /** Runs a change as a transaction (store.ts): `afterCommit` effects run only once the change is saved. */
  record: <T>(change: (ctx: EmulatorContext, afterCommit: AfterCommit) => T) => Promise<T>;
}

/**
 * `POST /_emulator/complete`: plays the user on a flow message the emulator sent. The simulator opens the flow as
 * the message says (navigate with its payload, or INIT to the flow's endpoint with the phone number's public key),
 * answers each screen, and the completion becomes the `nfm_reply` message webhook Meta would send
 * (flows-platform §4.3), signed and delivered to the webhook URL. The user who completes it is `body.user` (a
 * BSUID, a username, a phone number only if given: §6.1), else the user the message was sent to.
 */
export async function completeFlowMessage(ctx: EmulatorContext, body: CompleteRequest, options: CompleteOptions): Promise<Record<string, unknown>> {
  if (body.user !== undefined) {
    const problem = webhookUserProblem(body.user);
    if (problem) throw new GraphError({ code: 100, message: `(#100) The body of /_emulator/complete: ${problem}` });
  }
  const sent = [...ctx.state.messages].reverse().find((m) => m.flow && (body.message_id === undefined || m.id === body.message_id));
  if (!sent?.flow) throw new GraphError({ code: 100, message: body.message_id ? `No flow message with id ${body.message_id}.` : 'No flow message has been sent yet.', status: 404 });
  const flow = ctx.state.flows[sent.flow.id];
  if (!flow) throw new GraphError({ code: 100, message: `The flow ${sent.flow.id} of that message no longer exists.`, status: 404 });
  if (!canOpen(flow.status)) {
    throw new GraphError({ code: 100, message: `The flow is ${flow.status} and can no longer be opened (cannot_be_served).`, status: 422, errorData: { simulator_error: 'cannot_be_served' } });
  }
  // The version the message was sent with: delivered messages keep their content (flows-platform §1.5).
  const json = jsonByAsset(flow, sent.flow.assetId) ?? (sent.flow.mode === 'published' ? (flow.published ?? flow.json) : flow.json);
  if (!json) throw new GraphError({ code: 100, message: 'The flow has no Flow JSON.', status: 400 });
  const endpointFlow = json.dataApiVersion !== undefined;
  const publicKey = ctx.state.phones[sent.phoneNumberId]?.publicKey ?? Object.values(ctx.state.phones).find((p) => p.publicKey)?.publicKey;
  if (endpointFlow && !flow.endpointUri) throw new GraphError({ code: 100, message: 'The flow uses an endpoint but has no endpoint_uri.', status: 400 });
  if (endpointFlow && !options.allowRemoteEndpoints && !isLoopbackUrl(flow.endpointUri!)) throw remoteEndpoint(flow.endpointUri!);
  if (endpointFlow && !publicKey) throw new GraphError({ code: 100, message: 'The flow uses an endpoint but no business public key was uploaded.', status: 400 });

  const sim = new FlowSimulator({
    flowJson: json.text,
    flowToken: sent.flow.token,
    validate: false,
    ...(endpointFlow ? { endpoint: flow.endpointUri!, publicKey: publicKey! } : {}),
    ...(options.appSecret ? { appSecret: options.appSecret } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(body.user ? { user: body.user } : {}),
  });
  let completion;
  try {
    // A copy: the message's data belongs to the committed (frozen) state.
    const data = structuredClone(flowActionDataObject(sent.flow.data as FlowActionData | undefined));
    await sim.open({
      action: sent.flow.action === 'data_exchange' ? 'data_exchange' : 'navigate',
      ...(sent.flow.screen ? { screen: sent.flow.screen } : {}),
      ...(data ? { data } : {}),
    });
    completion = body.answers ? await sim.run(body.answers) : await sim.runAuto();
  } catch (error) {
    if (error instanceof SimulatorError || error instanceof SyntaxError) {
      throw new GraphError({ code: 100, message: `The flow could not be completed: ${error.message}`, status: 422, errorData: { simulator_error: error.name, screen: sim.screen ?? null } });
    }
    throw error;
  }

  // The completion is recorded as one change; its webhook leaves only once that change is saved.
  const { wamid, delivery } = await options.record((tx, afterCommit) => {
    const id = `wamid.${btoa(`EMULATOR.NFM.${newId(tx.state)}`).replace(/=+$/, '')}`;
    const now = tx.now();
    // Default: the user the message went to; a message sent to a BSUID (no phone number) is answered by that BSUID.
    const user: WebhookUser = completion.user ?? (isRecipientNumber(sent.to) ? { waId: waIdOf(sent.to), ...(sent.recipient ? { userId: sent.recipient } : {}) } : { userId: sent.to });
    const value = completionValue(sent, id, completion.response_json, user, body.profile_name, now);
    const record: MessageRecord = { id, phoneNumberId: sent.phoneNumberId, to: sent.to, type: 'nfm_reply', body: value, sentAt: tx.timestamp() };
    tx.state.messages.push(record);
    const envelope = messagesFieldEnvelope(flow.wabaId, value, now);
    const sending: { promise?: Promise<DeliveryResult> } = {};
    if (options.deliver) afterCommit(() => (sending.promise = options.deliver!(envelope)));
    return { wamid: id, delivery: sending };
  });
  const delivered = delivery.promise ? await delivery.promise : undefined;
  return {
    completed: true,
    message_id: wamid,
    context_message_id: sent.id,
    flow_id: flow.id,
    flow_token: completion.flow_token,
    response_json: completion.response_json,
    response: completion.response,
    screen: completion.screen,
    ...(completion.user ? { user: completion.user } : {}),
    webhook: delivered ? { delivered: delivered.delivered, attempts: delivered.attempts } : null,
  };
}

/** The refusal to call an endpoint off this machine: code 10, permission denied (flows-platform §1.2 [M-GERR]), HTTP 403. */
function remoteEndpoint(uri: string): GraphError {
  let host = 'an invalid URL';
  try {
    host = new URL(uri).host;
  } catch {
    // keep the placeholder
  }
  return new GraphError({
    code: 10,
    status: 403,
    isTransient: false,
    message:
      `(#10) The flow's endpoint_uri is on ${host}, not on this machine: the emulator only calls endpoints on loopback ` +
      `(127.0.0.0/8, ::1, localhost). To let it call other hosts, start it with --allow-remote-endpoints (option allowRemoteEndpoints: true).`,
    errorData: { simulator_error: 'remote_endpoint_refused' },
  });
}

/**
 * The `messages` webhook value of a completion (flows-platform §4.3), naming the user as Meta does (§6.1,
 * src/platform/webhook-users.ts): a user without a phone number has no `from` and no `wa_id`.
 */
function completionValue(sent: MessageRecord, id: string, responseJson: string, user: WebhookUser, profileName: string | undefined, now: Date) {
  const business = webhookPhoneNumber(sent.phoneNumberId);
  const fields = webhookUserFields(user, profileName ?? 'Emulated User');
  return {
    messaging_product: 'whatsapp' as const,
    metadata: { display_phone_number: business, phone_number_id: sent.phoneNumberId },
    contacts: [fields.contact],
    messages: [
      {
        context: { from: business, id: sent.id },
        ...fields.message,
        id,
        timestamp: String(Math.floor(now.getTime() / 1000)),
        type: 'interactive',
        interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: responseJson } },
      },
    ],
  };
}

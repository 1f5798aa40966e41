#!/usr/bin/env node
/**
 * `npm run demo`: the whole Flows lifecycle on one machine, with no account, no configuration and no network.
 * Starts the Graph API emulator in-process and runs the documented Quick Start against it for real.
 */
import WhatsApp, { FlowCategoryEnum, GraphApiError } from 'meta-cloud-api';
import { createEmulator } from 'meta-cloud-api/emulator';
import { toNodeListener } from 'meta-cloud-api/adapters/node';
import { closeFlow, createFlowEndpoint, generateKeyPair } from 'meta-cloud-api/endpoint';
import { createWebhookHandler } from 'meta-cloud-api/webhooks';
import { createServer } from 'node:http';

const bold = (s) => (process.stdout.isTTY ? `\u001b[1m${s}\u001b[0m` : s);
const dim = (s) => (process.stdout.isTTY ? `\u001b[2m${s}\u001b[0m` : s);
let stepNo = 0;
const step = (text) => console.log(`\n${bold(`${++stepNo}. ${text}`)}`);
const ok = (text) => console.log(`   ✔ ${text}`);

/** Serves a Web handler on a free local port. */
async function serve(handler) {
  const server = createServer(toNodeListener(handler));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

// Your webhook receiver: flow status changes and flow completions, verified with the app secret.
const APP_SECRET = 'demo-app-secret';
const webhookLog = [];
const completions = [];
let completionReceived;
const completionArrived = new Promise((resolve) => (completionReceived = resolve));
const receiver = await serve(
  createWebhookHandler({
    appSecret: APP_SECRET,
    onFlowStatusChange: (e) => webhookLog.push(`flows webhook: flow ${e.flowId} ${e.oldStatus ?? '(new)'} → ${e.newStatus}`),
    onFlowCompletion: (e) => (completions.push(e), completionReceived(e)),
  }),
);

// The emulator in this process, served through a tiny wrapper that logs every Graph request it answers.
const received = [];
const emulator = createEmulator({ webhookUrl: `${receiver.url}/webhook`, appSecret: APP_SECRET });
const running = await serve(async (request) => {
  const response = await emulator.fetch(request);
  const path = new URL(request.url).pathname;
  if (!path.startsWith('/_emulator')) received.push(`${request.method} ${path} → ${response.status}`);
  return response;
});

console.log(bold('meta-cloud-api demo: the Flows lifecycle against the local emulator'));
console.log(dim(`emulator at ${running.url} (WA_BASE_URL); nothing leaves this machine`));

process.env.CLOUD_API_ACCESS_TOKEN ||= 'demo-token';
process.env.WA_PHONE_NUMBER_ID ||= '106540352242922';
process.env.WA_BUSINESS_ACCOUNT_ID ||= '102290129340398';

// The Quick Start, as documented, with only baseUrl added.
const client = new WhatsApp({
  accessToken: process.env.CLOUD_API_ACCESS_TOKEN,
  phoneNumberId: Number(process.env.WA_PHONE_NUMBER_ID),
  businessAcctId: process.env.WA_BUSINESS_ACCOUNT_ID,
  baseUrl: running.url,
});

step('Create a flow');
const flow = await client.flows.createFlow(process.env.WA_BUSINESS_ACCOUNT_ID, {
  name: 'customer_survey',
  categories: [FlowCategoryEnum.Survey],
  publish: false,
});
ok(`flow ${flow.id} created (DRAFT)`);

step("Upload the Quick Start's Flow JSON as written");
const quickStartJson = {
  version: '5.0',
  screens: [
    {
      id: 'QUESTION',
      title: 'Customer Survey',
      data: {},
      layout: {
        type: 'SingleColumnLayout',
        children: [{ type: 'TextInput', name: 'feedback', label: 'How was your experience?', required: true }],
      },
    },
  ],
};
const brokenText = JSON.stringify(quickStartJson, null, 2);
const first = await client.flows.uploadFlowJson(flow.id, new File([brokenText], 'flow.json', { type: 'application/json' }));
console.log(`   Meta-style answer: success=${first.success}, ${first.validation_errors.length} validation error(s):`);
const lines = brokenText.split('\n');
for (const e of first.validation_errors) {
  console.log(`   ✖ line ${e.line_start}, column ${e.column_start}  ${e.error}  ${e.message}`);
  console.log(dim(`       ${e.line_start} | ${lines[e.line_start - 1]?.trim()}`));
}

step('Upload the fixed Flow JSON (a terminal screen with a Footer that completes the flow)');
const fixed = {
  version: '7.3',
  screens: [
    {
      id: 'QUESTION',
      title: 'Customer Survey',
      terminal: true,
      success: true,
      data: {},
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'TextInput', name: 'feedback', label: 'Your experience', required: true },
          { type: 'Footer', label: 'Send', 'on-click-action': { name: 'complete', payload: { feedback: '${form.feedback}' } } },
        ],
      },
    },
  ],
};
const second = await client.flows.uploadFlowJson(flow.id, new File([JSON.stringify(fixed, null, 2)], 'flow.json', { type: 'application/json' }));
ok(`uploaded: ${second.validation_errors.length} validation errors`);

step('Publish');
try {
  await client.flows.publishFlow(flow.id);
} catch (error) {
  if (error instanceof GraphApiError) console.log(`   ✖ ${error.code}: ${error.message}`);
  throw error;
}
const published = await client.flows.getFlow(flow.id, { fields: ['name', 'status', 'json_version'] });
ok(`${published.name} is ${published.status} (Flow JSON ${published.json_version})`);

step('Send the flow in a message');
const sent = await client.messages.interactive({
  to: '15551234567',
  type: 'flow',
  body: { text: 'Please fill out our survey' },
  action: {
    name: 'flow',
    parameters: { flow_message_version: '3', flow_token: 'demo-token-1', flow_id: flow.id, flow_cta: 'Start Survey', flow_action: 'navigate', flow_action_payload: { screen: 'QUESTION' } },
  },
});
ok(`message ${sent.messages[0].id} accepted for ${sent.contacts[0].wa_id}`);

step('List the flows of the WhatsApp Business Account');
for await (const f of client.flows.listFlows()) ok(`${f.id}  ${f.name}  ${f.status}  [${f.categories.join(', ')}]`);

step('What the emulator received');
for (const line of received) console.log(`   ${line}`);
const messages = await (await fetch(`${running.url}/_emulator/messages`)).json();
console.log(`   stored messages: ${messages.data.length} (flow ${messages.data[0]?.flow?.id}, mode ${messages.data[0]?.flow?.mode}, token ${messages.data[0]?.flow?.token})`);

step('The flows webhooks your receiver got (signed, verified)');
await emulator.close(); // waits for pending webhook deliveries
for (const line of webhookLog) console.log(`   ${line}`);

console.log(`\n${bold('Part 2: an endpoint flow, the whole round trip')}`);

step('Generate the business key pair and upload the public key');
const keys = await generateKeyPair();
const emulator2 = createEmulator({ webhookUrl: `${receiver.url}/webhook`, appSecret: APP_SECRET });
const running2 = await serve(emulator2.fetch);
const client2 = new WhatsApp({ accessToken: 'demo-token', phoneNumberId: '106540352242922', businessAcctId: '102290129340398', baseUrl: running2.url });
await client2.encryption.setBusinessPublicKey(keys.publicKey);
ok(`public key uploaded (${(await client2.encryption.getBusinessPublicKey()).business_public_key_signature_status})`);

step('Start your flow endpoint (real encryption, signature required)');
const slots = { dentist: ['09:00', '11:30'], optician: ['10:00', '14:15'] };
const endpoint = await serve(
  createFlowEndpoint({
    privateKey: keys.privateKey,
    appSecret: APP_SECRET,
    onInit: (req) => {
      console.log(dim(`   endpoint ← INIT (token ${req.flow_token})`));
      return { screen: 'BOOK', data: { services: [{ id: 'dentist', title: 'Dentist' }, { id: 'optician', title: 'Optician' }] } };
    },
    screens: {
      BOOK: (req) => {
        console.log(dim(`   endpoint ← data_exchange from BOOK ${JSON.stringify(req.data)}`));
        const service = String(req.data.service);
        return { screen: 'CONFIRM', data: { service, slot: slots[service]?.[0] ?? '12:00', summary: `${service} at ${slots[service]?.[0] ?? '12:00'}` } };
      },
      CONFIRM: (req) => {
        console.log(dim(`   endpoint ← data_exchange from CONFIRM ${JSON.stringify(req.data)}`));
        return closeFlow(req.flow_token, { service: req.data.service, slot: req.data.slot, booking_id: 'BK-1042' });
      },
    },
  }),
);
ok(`endpoint listening on ${endpoint.url}`);

step('Create the endpoint flow, upload its Flow JSON, publish');
const bookingFlow = {
  version: '7.3',
  data_api_version: '3.0',
  routing_model: { BOOK: ['CONFIRM'], CONFIRM: [] },
  screens: [
    {
      id: 'BOOK',
      title: 'Book a visit',
      data: { services: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } }, __example__: [{ id: 'dentist', title: 'Dentist' }] } },
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'RadioButtonsGroup', name: 'service', label: 'Service', 'data-source': '${data.services}', required: true },
          { type: 'Footer', label: 'Next', 'on-click-action': { name: 'data_exchange', payload: { service: '${form.service}' } } },
        ],
      },
    },
    {
      id: 'CONFIRM',
      title: 'Confirm',
      terminal: true,
      data: {
        service: { type: 'string', __example__: 'dentist' },
        slot: { type: 'string', __example__: '09:00' },
        summary: { type: 'string', __example__: 'dentist at 09:00' },
      },
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'TextBody', text: '${data.summary}' },
          { type: 'Footer', label: 'Book', 'on-click-action': { name: 'data_exchange', payload: { service: '${data.service}', slot: '${data.slot}' } } },
        ],
      },
    },
  ],
};
const booking = await client2.flows.createFlow({ name: 'book_a_visit', categories: [FlowCategoryEnum.Appointment], endpoint_uri: endpoint.url });
const upload = await client2.flows.uploadFlowJson(booking.id, bookingFlow, { validate: true });
await client2.flows.publishFlow(booking.id);
ok(`flow ${booking.id} PUBLISHED (${upload.validation_errors.length} validation errors)`);

step('Send it; the flow opens with an INIT request to your endpoint');
const bookingMessage = await client2.messages.flow({ to: '15551234567', flowId: booking.id, cta: 'Book', body: 'Book your next visit', token: 'booking-7f3a', action: 'data_exchange' });
ok(`message ${bookingMessage.messages[0].id} sent`);

step('The simulated user answers (POST /_emulator/complete): WhatsApp-side encryption, every answer checked');
const completion = await (
  await fetch(`${running2.url}/_emulator/complete`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: { BOOK: { service: 'optician' }, CONFIRM: {} } }) })
).json();
if (!completion.completed) throw new Error(`completion failed: ${JSON.stringify(completion)}`);
ok(`completed on ${completion.screen}; response_json ${completion.response_json}`);

step('Your webhook receiver got the completion (nfm_reply, signed)');
const event = await completionArrived;
ok(`from ${event.from}, token ${event.flowToken}, answers ${JSON.stringify(event.response)}`);

// A user with a username may share no phone number (flows-platform §6.1): the completion names them by their
// business-scoped user ID (event.user.userId), with no `from`. The flow is sent to the BSUID (as `recipient` on the
// wire), and the emulator plays that user, with their username, on a second flow.
const survey = await client2.flows.createFlow({ name: 'username_survey', categories: [FlowCategoryEnum.Survey] });
await client2.flows.uploadFlowJson(survey.id, fixed);
await client2.flows.publishFlow(survey.id);
const surveyMessage = await client2.messages.flow({ to: 'US.13491208655302741918', flowId: survey.id, cta: 'Start', body: 'Quick survey', token: 'survey-9c1d' });
const user = { userId: 'US.13491208655302741918', username: 'jane.doe' };
const userCompletion = { message_id: surveyMessage.messages[0].id, answers: { QUESTION: { feedback: 'Lovely' } }, user };
await fetch(`${running2.url}/_emulator/complete`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(userCompletion) });
const byUsername = completions.at(-1);
ok(`username user ${byUsername.user.username} (BSUID ${byUsername.user.userId}, sent to the BSUID, no phone number: from ${byUsername.from ?? "absent"}), token ${byUsername.flowToken}, answers ${JSON.stringify(byUsername.response)}`);

await running2.close();
await emulator2.close();
await endpoint.close();
await running.close();
await receiver.close();
console.log(`\n${bold('Done.')} Try it yourself: npx meta-cloud-api emulator, then point baseUrl at the URL it prints.`);

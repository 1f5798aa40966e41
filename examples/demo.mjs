#!/usr/bin/env node
/**
 * `npm run demo`: the whole Flows lifecycle on one machine, with no account, no configuration and no network.
 * Starts the Graph API emulator in-process and runs the documented Quick Start against it for real.
 */
import WhatsApp, { FlowCategoryEnum, GraphApiError } from 'meta-cloud-api';
import { createEmulator } from 'meta-cloud-api/emulator';
import { toNodeListener } from 'meta-cloud-api/adapters/node';
import { createServer } from 'node:http';

const bold = (s) => (process.stdout.isTTY ? `\u001b[1m${s}\u001b[0m` : s);
const dim = (s) => (process.stdout.isTTY ? `\u001b[2m${s}\u001b[0m` : s);
let stepNo = 0;
const step = (text) => console.log(`\n${bold(`${++stepNo}. ${text}`)}`);
const ok = (text) => console.log(`   ✔ ${text}`);

// The emulator in this process, served through a tiny wrapper that logs every Graph request it answers.
const received = [];
const emulator = createEmulator();
const logged = async (request) => {
  const response = await emulator.fetch(request);
  const path = new URL(request.url).pathname;
  if (!path.startsWith('/_emulator')) received.push(`${request.method} ${path} → ${response.status}`);
  return response;
};
const httpServer = createServer(toNodeListener(logged));
await new Promise((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
const running = { url: `http://127.0.0.1:${httpServer.address().port}`, close: () => new Promise((r) => httpServer.close(r)) };

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

await running.close();
await emulator.close();
console.log(`\n${bold('Done.')} Try it yourself: npx meta-cloud-api emulator, then point baseUrl at the URL it prints.`);

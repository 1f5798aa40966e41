/**
 * Every flows snippet of the documented API (seed/flows-api.md), pasted unchanged except:
 * - `baseUrl: process.env.WA_BASE_URL` added to the client options (the one allowed change), and
 * - each snippet wrapped in its own block so their `const`s do not collide.
 * `test/seed-snippets.test.ts` runs this file against a local HTTP server and checks every request.
 * The endpoint and webhook samples of the seed are not client code and are covered elsewhere.
 */
import WhatsApp, { FlowCategoryEnum } from 'meta-cloud-api';

export async function runSeedSnippets(): Promise<void> {
  // Quick Start
  const client = new WhatsApp({
    accessToken: process.env.CLOUD_API_ACCESS_TOKEN!,
    phoneNumberId: Number(process.env.WA_PHONE_NUMBER_ID),
    businessAcctId: process.env.WA_BUSINESS_ACCOUNT_ID!,
    baseUrl: process.env.WA_BASE_URL,
  });
  {
    // Create a flow
    const flow = await client.flows.createFlow('WABA_ID', {
      name: 'customer_survey',
      categories: [FlowCategoryEnum.Survey],
      endpoint_uri: 'https://example.com/flow-webhook',
      publish: false,
    });
    // Upload flow JSON
    const flowJson = {
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
    const jsonFile = new File([JSON.stringify(flowJson)], 'flow.json', { type: 'application/json' });
    await client.flows.uploadFlowJson(flow.id, jsonFile);
    // Publish the flow
    await client.flows.publishFlow(flow.id);
  }
  {
    // Create Flow: Basic Flow Creation
    const flow = await client.flows.createFlow('WABA_ID', {
      name: 'appointment_booking',
      categories: [FlowCategoryEnum.Appointment],
      endpoint_uri: 'https://api.example.com/flows/appointment',
      publish: false, // Keep as draft
    });
    void flow;
  }
  {
    // Flow with Multiple Categories
    const flow = await client.flows.createFlow('WABA_ID', {
      name: 'multi_purpose_form',
      categories: [FlowCategoryEnum.LeadGeneration, FlowCategoryEnum.Survey],
      endpoint_uri: 'https://api.example.com/flows/handler',
      publish: false,
    });
    void flow;
  }
  {
    // List Flows
    const flows = await client.flows.listFlows('WABA_ID');
    console.log(flows.data);
  }
  {
    // Get Flow Details: Get Basic Info
    const flow = await client.flows.getFlow('FLOW_ID');
    console.log(flow);
  }
  {
    // Get Specific Fields
    const flow = await client.flows.getFlow('FLOW_ID', {
      fields: ['name', 'status', 'validation_errors', 'json_version'],
    });
    void flow;
  }
  {
    // Update Flow Metadata
    await client.flows.updateFlowMetadata('FLOW_ID', {
      name: 'updated_survey_form',
      categories: [FlowCategoryEnum.Survey, FlowCategoryEnum.Other],
      endpoint_uri: 'https://api.example.com/new-endpoint',
    });
  }
  {
    // Upload Flow JSON: Create Flow JSON File
    const flowDefinition = {
      version: '5.0',
      data_api_version: '3.0',
      routing_model: {},
      screens: [
        {
          id: 'CONTACT_FORM',
          title: 'Contact Information',
          data: {},
          terminal: true,
          layout: {
            type: 'SingleColumnLayout',
            children: [
              { type: 'TextInput', name: 'name', label: 'Full Name', 'input-type': 'text', required: true },
              { type: 'TextInput', name: 'email', label: 'Email Address', 'input-type': 'email', required: true },
              { type: 'TextArea', name: 'message', label: 'Your Message', required: true },
              {
                type: 'Footer',
                label: 'Submit',
                'on-click-action': {
                  name: 'complete',
                  payload: { name: '${form.name}', email: '${form.email}', message: '${form.message}' },
                },
              },
            ],
          },
        },
      ],
    };
    // Convert to File
    const jsonFile = new File([JSON.stringify(flowDefinition)], 'flow.json', { type: 'application/json' });
    // Upload
    await client.flows.uploadFlowJson('FLOW_ID', jsonFile);
  }
  {
    // Multi-Screen Flow
    const multiScreenFlow = {
      version: '5.0',
      screens: [
        {
          id: 'WELCOME',
          title: 'Welcome',
          data: {},
          layout: {
            type: 'SingleColumnLayout',
            children: [
              { type: 'TextHeading', text: 'Welcome to our survey!' },
              { type: 'Footer', label: 'Start', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'QUESTIONS' } } },
            ],
          },
        },
        {
          id: 'QUESTIONS',
          title: 'Questions',
          data: {},
          terminal: true,
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'RadioButtonsGroup',
                name: 'rating',
                label: 'How would you rate us?',
                'data-source': [
                  { id: '5', title: 'Excellent' },
                  { id: '4', title: 'Good' },
                  { id: '3', title: 'Average' },
                  { id: '2', title: 'Poor' },
                ],
                required: true,
              },
              { type: 'Footer', label: 'Submit', 'on-click-action': { name: 'complete', payload: { rating: '${form.rating}' } } },
            ],
          },
        },
      ],
    };
    const file = new File([JSON.stringify(multiScreenFlow)], 'flow.json', { type: 'application/json' });
    await client.flows.uploadFlowJson('FLOW_ID', file);
  }
  {
    // Get Flow Assets
    const assets = await client.flows.getFlowAssets('FLOW_ID');
    console.log(assets);
  }
  {
    // Publish Flow
    await client.flows.publishFlow('FLOW_ID');
    // Verify publication
    const flow = await client.flows.getFlow('FLOW_ID');
    console.log(flow.status); // 'PUBLISHED'
  }
  {
    // Deprecate Flow
    await client.flows.deprecateFlow('FLOW_ID');
  }
  {
    // Delete Flow
    await client.flows.deleteFlow('FLOW_ID');
  }
  {
    // Migrate Flows
    await client.flows.migrateFlows('DESTINATION_WABA_ID', {
      flow_ids: ['FLOW_ID_1', 'FLOW_ID_2'],
    });
  }
  {
    // Send Flow Messages
    await client.messages.interactive({
      to: '15551234567',
      type: 'flow',
      body: { text: 'Please fill out our survey' },
      action: {
        name: 'flow',
        parameters: {
          flow_message_version: '3',
          flow_token: 'UNIQUE_FLOW_TOKEN',
          flow_id: 'FLOW_ID',
          flow_cta: 'Start Survey',
          flow_action: 'navigate',
          flow_action_payload: { screen: 'WELCOME' },
        },
      },
    });
  }
  {
    // Error Handling
    try {
      await client.flows.publishFlow('FLOW_ID');
    } catch (error) {
      if (error.response) {
        const { code, message } = error.response.data.error;
        switch (code) {
          case 100:
            console.error('Flow has validation errors');
            break;
          case 2388153:
            console.error('Webhook endpoint unreachable');
            break;
          default:
            console.error(`Error ${code}: ${message}`);
        }
      }
    }
  }
  {
    // Best Practices: Test in Draft Mode
    // Keep publish: false during development
    const flow = await client.flows.createFlow('WABA_ID', {
      name: 'test_flow',
      publish: false,
    });
    void flow;
  }
}

import WhatsAppModule = require('meta-cloud-api');
import enums = require('meta-cloud-api/enums');
import simulator = require('meta-cloud-api/simulator');
import WhatsAppDefault from 'meta-cloud-api';
import type { WhatsApp as EsmWhatsApp } from 'meta-cloud-api' with { 'resolution-mode': 'import' };
import type EsmDefault from 'meta-cloud-api' with { 'resolution-mode': 'import' };
import type { EndpointClient as EsmEndpointClient } from 'meta-cloud-api/simulator' with { 'resolution-mode': 'import' };

const client = new WhatsAppModule.WhatsApp({ accessToken: 't' });
export const version: string = client.apiVersion;
export const survey: 'SURVEY' = enums.FlowCategoryEnum.Survey;
export const Default: typeof WhatsAppModule.WhatsApp = WhatsAppModule.default;

// A default import from CommonJS is the module's `default` export: the client class.
const fromDefault = new WhatsAppDefault({ accessToken: 't' });
export const json: { apiVersion: string; baseUrl: string } = fromDefault.toJSON();

// One declaration set for both module formats: a class as an `import` sees it (the ESM types entry, a stub over
// the .d.cts) is the class a `require` sees. Both have private members (WhatsApp `#private`, EndpointClient
// `private`), so two declarations of either would be distinct types, assignable neither way.
export const asEsm: EsmWhatsApp = client;
export const asEsmDefault: EsmDefault = fromDefault;
export const asCjs: WhatsAppModule.WhatsApp = null as unknown as EsmDefault;
export const endpointClient: EsmEndpointClient = new simulator.EndpointClient({ endpoint: 'http://127.0.0.1:9', publicKey: 'pem' });
export const endpointClientBack: simulator.EndpointClient = null as unknown as EsmEndpointClient;

import WhatsAppModule = require('meta-cloud-api');
import enums = require('meta-cloud-api/enums');

const client = new WhatsAppModule.WhatsApp({ accessToken: 't' });
export const version: string = client.apiVersion;
export const survey: 'SURVEY' = enums.FlowCategoryEnum.Survey;
export const Default: typeof WhatsAppModule.WhatsApp = WhatsAppModule.default;

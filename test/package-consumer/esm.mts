import WhatsApp, { FlowCategoryEnum, GraphApiError, WhatsApp as NamedWhatsApp, type Flow } from 'meta-cloud-api';
import { FlowStatusEnum } from 'meta-cloud-api/enums';

const client = new WhatsApp({ accessToken: 't', apiVersion: 23 });
export const category: 'APPOINTMENT_BOOKING' = FlowCategoryEnum.Appointment;
export const status: 'DRAFT' = FlowStatusEnum.Draft;
export async function firstFlow(): Promise<Flow | undefined> {
  const page = await client.flows.listFlows('1');
  return page.data[0];
}
export const isGraphError = (e: unknown) => e instanceof GraphApiError;

// The default import is the client class (the ESM types entry re-exports it from the .d.cts by its named export),
// and the same class as the named export: WhatsApp has #private members, so a second declaration of it would be a
// distinct type, assignable neither way.
export const json: { apiVersion: string; baseUrl: string } = client.toJSON();
export const named: NamedWhatsApp = client;
export const sameClass: typeof WhatsApp = NamedWhatsApp;
export const sameClassBack: typeof NamedWhatsApp = WhatsApp;

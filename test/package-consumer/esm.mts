import WhatsApp, { FlowCategoryEnum, GraphApiError, type Flow } from 'meta-cloud-api';
import { FlowStatusEnum } from 'meta-cloud-api/enums';

const client = new WhatsApp({ accessToken: 't', apiVersion: 23 });
export const category: 'APPOINTMENT_BOOKING' = FlowCategoryEnum.Appointment;
export const status: 'DRAFT' = FlowStatusEnum.Draft;
export async function firstFlow(): Promise<Flow | undefined> {
  const page = await client.flows.listFlows('1');
  return page.data[0];
}
export const isGraphError = (e: unknown) => e instanceof GraphApiError;

import { FLOW_CATEGORY_VALUES, type FlowCategoryValue } from '../platform/categories.js';

/**
 * Flow categories. Member names follow the documented API (`FlowCategoryEnum.Appointment`); values are what
 * Meta's Graph API accepts (src/platform/categories.ts, Meta: Flows API, categories): `Appointment` is
 * `APPOINTMENT_BOOKING`. Raw strings are sent as given; Meta (and the client's pre-flight check) refuse
 * `APPOINTMENT` and lower case.
 */
export const FlowCategoryEnum = {
  SignUp: 'SIGN_UP',
  SignIn: 'SIGN_IN',
  Appointment: 'APPOINTMENT_BOOKING',
  LeadGeneration: 'LEAD_GENERATION',
  ContactUs: 'CONTACT_US',
  CustomerSupport: 'CUSTOMER_SUPPORT',
  Survey: 'SURVEY',
  Other: 'OTHER',
} as const satisfies Record<string, FlowCategoryValue>;
export type FlowCategoryEnum = (typeof FlowCategoryEnum)[keyof typeof FlowCategoryEnum];
export type FlowCategory = FlowCategoryEnum;

export const FLOW_CATEGORIES: readonly FlowCategory[] = FLOW_CATEGORY_VALUES;

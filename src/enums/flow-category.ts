/**
 * Flow categories. Member names follow the documented API (`FlowCategoryEnum.Appointment`);
 * values are what Meta's Graph API accepts (flows-platform §1.6): `Appointment` is `APPOINTMENT_BOOKING`,
 * not the `APPOINTMENT` of the seed document's category list.
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
} as const;
export type FlowCategoryEnum = (typeof FlowCategoryEnum)[keyof typeof FlowCategoryEnum];
export type FlowCategory = FlowCategoryEnum;

export const FLOW_CATEGORIES: readonly FlowCategory[] = Object.values(FlowCategoryEnum);
